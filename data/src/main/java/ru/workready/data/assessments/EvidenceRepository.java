package ru.workready.data.assessments;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import ru.workready.engine.assessments.AssessmentResult;
import ru.workready.engine.assessments.Evidence;
import ru.workready.engine.assessments.EvidenceKind;

/** Reads a student's evidence history (retakes included) as engine facts. */
@Repository
public class EvidenceRepository {
    private final JdbcClient jdbc;

    public EvidenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Evidence is partitioned by the student's college: every read names the college, so that
     * PostgreSQL looks into one partition (checked by EXPLAIN in EvidencePartitioningTest).
     */
    static final String HISTORY = """
            select e.id, e.student_id, o.code, e.kind, e.grade, e.points, e.max_points, e.passed,
                   e.assessed_on, e.attempt, e.assessor, e.standard_code, e.generalized_function_code
            from evidence e left join outcome o on o.id = e.outcome_id
            where e.college_id = ? and e.student_id = ? order by e.id""";

    /**
     * A student's evidence for scoring on a day: assessed by then, recorded by {@code knownAt} (null: everything), and
     * of each outcome and kind (each НОК qualification) only the {@code perKey} latest in the order of retakes — the
     * latest is the one that counts, the others are shown as superseded in explanations. A student with 100,000
     * results then costs the memory of a few hundred; the database picks them.
     */
    static final String RECENT = """
            select e.id, e.student_id, o.code, e.kind, e.grade, e.points, e.max_points, e.passed,
                   e.assessed_on, e.attempt, e.assessor, e.standard_code, e.generalized_function_code
            from (select e.*, row_number() over (
                             partition by e.outcome_id, e.kind, e.standard_code, e.generalized_function_code
                             order by e.assessed_on desc, e.attempt desc, e.id desc) as recency
                  from evidence e
                  where e.college_id = ? and e.student_id = ? and e.assessed_on <= ?
                    and (?::timestamptz is null or e.recorded_at <= ?)) e
            left join outcome o on o.id = e.outcome_id
            where e.recency <= ? order by e.id""";

    public List<Evidence> recentHistory(long collegeId, String studentId, LocalDate asOf,
                                        java.time.@Nullable Instant knownAt, int perKey) {
        OffsetDateTime known = knownAt == null ? null : OffsetDateTime.ofInstant(knownAt, java.time.ZoneOffset.UTC);
        return jdbc.sql(RECENT).params(collegeId, studentId, asOf, known, known, perKey).query(EvidenceRepository::map)
                .list();
    }

    /** A student's evidence, looked up in the college's partition. */
    public List<Evidence> history(String studentId) {
        return history(collegeOf(studentId), studentId);
    }

    public List<Evidence> history(long collegeId, String studentId) {
        return history(collegeId, studentId, null);
    }

    /**
     * A student's evidence as the product knew it at {@code knownAt}: rows recorded (evidence.recorded_at, written
     * from the application's clock) after that instant are left out. Null: everything recorded.
     */
    public List<Evidence> history(long collegeId, String studentId, java.time.@Nullable Instant knownAt) {
        var sql = knownAt == null ? jdbc.sql(HISTORY).params(collegeId, studentId)
                : jdbc.sql(HISTORY.replace(" order by e.id", " and e.recorded_at <= ? order by e.id"))
                .params(collegeId, studentId, OffsetDateTime.ofInstant(knownAt, java.time.ZoneOffset.UTC));
        return sql.query(EvidenceRepository::map).list();
    }

    private static Evidence map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        EvidenceKind kind = EvidenceKind.valueOf(rs.getString(4));
        BigDecimal points = rs.getBigDecimal(6);
        AssessmentResult result;
        if (points != null) {
            result = new AssessmentResult.Points(points.doubleValue(), rs.getBigDecimal(7).doubleValue());
        } else if (rs.getObject(8) != null) {
            result = new AssessmentResult.PassFail(rs.getBoolean(8));
        } else {
            result = new AssessmentResult.Grade(rs.getInt(5));
        }
        return new Evidence(rs.getLong(1), rs.getString(2), rs.getString(3), kind, result,
                rs.getObject(9, LocalDate.class), rs.getInt(10), rs.getString(11), rs.getString(12),
                rs.getString(13));
    }

    /**
     * A stored evidence row with the upload it came from. {@code current} is false when a later
     * result of the same outcome (or ОТФ) and kind supersedes it — a retake or a correction —
     * in the order the methodology uses: date, then attempt, then arrival.
     */
    public record EvidenceRecord(long id, long uploadId, int rowNumber, @Nullable String outcomeCode,
                                 @Nullable String standardCode, @Nullable String generalizedFunctionCode,
                                 EvidenceKind kind, @Nullable Integer grade, @Nullable BigDecimal points,
                                 @Nullable BigDecimal maxPoints, @Nullable Boolean passed, LocalDate assessedOn,
                                 int attempt, @Nullable String assessor, @Nullable String certificateNumber,
                                 @Nullable String conclusion, @Nullable Integer place, @Nullable String comment,
                                 OffsetDateTime recordedAt, boolean current) {
    }

    static final String RECORDS = """
            select e.id, e.upload_id, e.row_number, o.code, e.standard_code, e.generalized_function_code,
                   e.kind, e.grade, e.points, e.max_points, e.passed, e.assessed_on, e.attempt, e.assessor,
                   e.certificate_number, e.conclusion, e.place, e.comment, e.recorded_at,
                   row_number() over (partition by coalesce(o.code, e.standard_code || '/' ||
                                          e.generalized_function_code), e.kind
                                      order by e.assessed_on desc, e.attempt desc, e.id desc) = 1
            from evidence e left join outcome o on o.id = e.outcome_id
            where e.college_id = ? and e.student_id = ? order by e.id""";

    /** The whole history of a student's evidence, superseded rows included, oldest first. */
    public List<EvidenceRecord> records(String studentId) {
        long collegeId = collegeOf(studentId);
        return jdbc.sql(RECORDS).params(collegeId, studentId)
                .query((rs, n) -> new EvidenceRecord(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), EvidenceKind.valueOf(rs.getString(7)),
                        rs.getObject(8, Integer.class), rs.getBigDecimal(9), rs.getBigDecimal(10),
                        rs.getObject(11, Boolean.class), rs.getObject(12, LocalDate.class), rs.getInt(13),
                        rs.getString(14), rs.getString(15), rs.getString(16), rs.getObject(17, Integer.class),
                        rs.getString(18), rs.getObject(19, OffsetDateTime.class), rs.getBoolean(20)))
                .list();
    }

    /** The college whose partition holds the student's evidence (-1 for an unknown student: no rows). */
    private long collegeOf(String studentId) {
        return jdbc.sql("select college_id from student where id = ?").param(studentId).query(Long.class).optional()
                .orElse(-1L);
    }

    public long count() {
        return jdbc.sql("select count(*) from evidence").query(Long.class).single();
    }

    /** The partitions of large uploads not folded yet (docs/ingestion.md "Partitioning"). */
    public int uploadPartitions() {
        return jdbc.sql("select count(*) from pg_class where relkind = 'r' and relname ~ '^evidence_p[0-9]+_upload_[0-9]+$'")
                .query(Integer.class).single();
    }

    /**
     * Folds the partitions of large uploads that finished longer than {@code olderThan} ago back into
     * their college's shared partition, one upload per transaction (the procedure commits after each:
     * call it outside a transaction). Returns how many partitions are left.
     */
    public int foldUploadPartitions(Duration olderThan) {
        jdbc.sql("call evidence_fold_upload_partitions(?::interval)").param(olderThan.toSeconds() + " seconds")
                .update();
        return uploadPartitions();
    }
}

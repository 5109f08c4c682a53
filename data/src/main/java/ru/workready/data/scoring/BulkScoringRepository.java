package ru.workready.data.scoring;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import ru.workready.engine.assessments.AssessmentResult;
import ru.workready.engine.assessments.Evidence;
import ru.workready.engine.assessments.EvidenceKind;
import ru.workready.engine.scoring.CurrentEvidence;

/**
 * Batch reads and writes for rescoring many students: the evidence of a batch of students in one
 * query, and their scores replaced with one delete and one {@code COPY}.
 */
@Repository
public class BulkScoringRepository {

    /**
     * A student to rescore, with what decides their rule set (college, region), mapping (programme)
     * and score partition (college id).
     */
    public record StudentRow(String id, long collegeId, String collegeCode, String region, long programmeId) {
    }

    /**
     * A batch as read in one snapshot: each student's evidence history, and the stale marks
     * (student → since) that this history answers. Only these marks are cleared when the batch is
     * written, so a mark set by an upload the read did not see survives.
     */
    public record BatchRead(Map<String, List<Evidence>> histories, Map<String, OffsetDateTime> staleMarks) {
    }

    private final JdbcTemplate template;
    private final DataSource dataSource;
    private final TransactionTemplate readSnapshot;

    public BulkScoringRepository(JdbcTemplate template, DataSource dataSource,
                                 PlatformTransactionManager transactions) {
        this.template = template;
        this.dataSource = dataSource;
        this.readSnapshot = new TransactionTemplate(transactions);
        readSnapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        readSnapshot.setReadOnly(true);
    }

    /** Students of a college (by code) or of a region, ordered by id. */
    public List<StudentRow> students(@Nullable String collegeCode, @Nullable String region) {
        return template.query("""
                        select s.id, s.college_id, c.code, c.region, s.programme_id
                        from student s join college c on c.id = s.college_id
                        where (?::text is null or c.code = ?) and (?::text is null or c.region = ?) order by s.id""",
                (rs, n) -> new StudentRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5)),
                collegeCode, collegeCode, region, region);
    }

    /** These students (those that exist), ordered by id. */
    public List<StudentRow> studentsById(Collection<String> ids) {
        return template.query(con -> {
            var ps = con.prepareStatement("""
                    select s.id, s.college_id, c.code, c.region, s.programme_id
                    from student s join college c on c.id = s.college_id
                    where s.id = any(?) order by s.id""");
            ps.setArray(1, con.createArrayOf("text", ids.toArray()));
            return ps;
        }, (rs, n) -> new StudentRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getLong(5)));
    }

    /** A batch's histories and stale marks, read in one repeatable-read snapshot. */
    public BatchRead read(Collection<String> studentIds) {
        return readSnapshot.execute(status -> {
            // A generic plan of the evidence read cannot know the batch's size: planned per batch, the
            // student index is used instead of scanning the college's whole partition (issue 10 runs).
            template.execute("set local plan_cache_mode = force_custom_plan");
            Map<String, OffsetDateTime> marks = new HashMap<>();
            template.query(con -> {
                var ps = con.prepareStatement("select student_id, since from stale_score where student_id = any(?)");
                ps.setArray(1, con.createArrayOf("text", studentIds.toArray()));
                return ps;
            }, rs -> {
                marks.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class));
            });
            return new BatchRead(histories(studentIds), marks);
        });
    }

    /** For each programme, the most current evidence rows one of its students can have ({@link ScoringBatches}). */
    public Map<Long, Integer> currentRowsBound() {
        Map<Long, Integer> bound = new HashMap<>();
        template.query("select programme_id, count(*) from outcome group by programme_id",
                rs -> {
                    bound.put(rs.getLong(1), ScoringBatches.rowsBound(rs.getInt(2)));
                });
        return bound;
    }

    /**
     * The current evidence of each student of the batch (students with none map to an empty list): the latest result
     * per outcome and kind and the latest НОК per qualification, in the engine's order of retakes (date, then
     * attempt, then arrival). The rows stream by (a cursor, inside the read's transaction) and only the current ones
     * are kept ({@link CurrentEvidence}), so a student with 100,000 results costs the memory of the few dozen that
     * count; picking them here rather than with PostgreSQL's {@code distinct on} spares the server a sort of every
     * row of the batch, which was half its CPU in a rescoring job (docs/benchmarks.md). In no particular order: the
     * engine orders what it needs.
     */
    public Map<String, List<Evidence>> histories(Collection<String> studentIds) {
        Map<String, CurrentEvidence> current = new HashMap<>();
        for (String id : studentIds) {
            current.put(id, new CurrentEvidence());
        }
        // evidence is partitioned by college: one query per college of the batch, each pruned to its partition
        Map<Long, List<String>> byCollege = new HashMap<>();
        template.query(con -> {
            var ps = con.prepareStatement("select college_id, id from student where id = any(?)");
            ps.setArray(1, con.createArrayOf("text", studentIds.toArray()));
            return ps;
        }, rs -> {
            byCollege.computeIfAbsent(rs.getLong(1), c -> new ArrayList<>()).add(rs.getString(2));
        });
        // in a transaction, or the driver would hold every row of the batch before the first is picked
        readSnapshot.executeWithoutResult(status -> {
            for (Map.Entry<Long, List<String>> college : byCollege.entrySet()) {
                readHistories(college.getKey(), college.getValue(), current);
            }
        });
        Map<String, List<Evidence>> result = new HashMap<>();
        current.forEach((id, picked) -> result.put(id, picked.list()));
        return result;
    }

    private void readHistories(long collegeId, List<String> studentIds, Map<String, CurrentEvidence> current) {
        // every row of the batch passes here: numbers as float8 and dates as days since the epoch decode cheaply
        template.query(con -> {
            var ps = con.prepareStatement("""
                    select e.id, e.student_id, o.code, e.kind, e.grade, e.points::float8, e.max_points::float8, e.passed,
                           e.assessed_on - date '1970-01-01', e.attempt, e.assessor, e.standard_code,
                           e.generalized_function_code
                    from evidence e left join outcome o on o.id = e.outcome_id
                    where e.college_id = ? and e.student_id = any(?)""");
            ps.setLong(1, collegeId);
            ps.setArray(2, con.createArrayOf("text", studentIds.toArray()));
            ps.setFetchSize(10_000);
            return ps;
        }, rs -> {
            EvidenceKind kind = EvidenceKind.valueOf(rs.getString(4));
            double points = rs.getDouble(6);
            AssessmentResult r;
            if (!rs.wasNull()) {
                r = new AssessmentResult.Points(points, rs.getDouble(7));
            } else {
                boolean passed = rs.getBoolean(8);
                r = rs.wasNull() ? new AssessmentResult.Grade(rs.getInt(5)) : new AssessmentResult.PassFail(passed);
            }
            String student = rs.getString(2);
            current.get(student).add(new Evidence(rs.getLong(1), student, rs.getString(3), kind, r,
                    LocalDate.ofEpochDay(rs.getInt(9)), rs.getInt(10), rs.getString(11), rs.getString(12),
                    rs.getString(13)));
        });
    }

    /**
     * Replaces the scores of a batch of students, and clears the stale marks their read answered,
     * in one transaction: one delete of their old rows for the functions written, then one
     * {@code COPY} straight into {@code readiness_score} (rows routed to their colleges'
     * partitions). Delete-then-insert beats an upsert here: no staging table, no per-row conflict
     * check, and the table has no foreign keys to check per row.
     */
    @Transactional
    public void replaceScores(ScoreBatch batch, Map<String, OffsetDateTime> staleMarks) {
        if (batch.rows() > 0) {
            Connection con = DataSourceUtils.getConnection(dataSource);
            try {
                // the students' row locks first, in id order: see ScoreRepository#lockStudent
                template.query(c -> {
                    var ps = c.prepareStatement(
                            "select 1 from student where id = any(?) order by id collate \"C\" for no key update");
                    ps.setArray(1, c.createArrayOf("text", batch.studentIds().toArray()));
                    return ps;
                }, rs -> { });
                template.update(c -> {
                    var ps = c.prepareStatement("""
                            delete from readiness_score
                            where college_id = any(?) and student_id = any(?) and labour_function_id = any(?)""");
                    ps.setArray(1, c.createArrayOf("bigint", batch.collegeIds().toArray()));
                    ps.setArray(2, c.createArrayOf("text", batch.studentIds().toArray()));
                    ps.setArray(3, c.createArrayOf("bigint", batch.functionIds().toArray()));
                    return ps;
                });
                con.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                        copy readiness_score (college_id, student_id, labour_function_id, readiness, coverage, level,
                                              explanation, rule_set_version, mapping_set_id, computed_at) from stdin with (format csv)""",
                        new StringReader(batch.text()));
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("Writing " + batch.rows() + " scores failed", e);
            } finally {
                DataSourceUtils.releaseConnection(con, dataSource);
            }
        }
        clearStale(staleMarks);
    }

    /**
     * Clears the stale marks this batch answered. A mark the stale-score work holds (it claims its batch
     * {@code FOR UPDATE SKIP LOCKED}, then scores) is skipped, not waited for: waiting here while holding this batch's
     * score rows, which that worker writes too, is a deadlock; it clears the mark itself once it has scored.
     */
    private void clearStale(Map<String, OffsetDateTime> marks) {
        if (marks.isEmpty()) {
            return;
        }
        List<String> students = new ArrayList<>(marks.keySet());
        template.update(c -> {
            var ps = c.prepareStatement("""
                    delete from stale_score s using (
                        select t.student_id, t.since from stale_score t
                        join unnest(?::text[], ?::text[]) m(student_id, since)
                          on t.student_id = m.student_id and t.since = m.since::timestamptz
                        for update of t skip locked) free
                    where s.student_id = free.student_id and s.since = free.since""");
            ps.setArray(1, c.createArrayOf("text", students.toArray()));
            ps.setArray(2, c.createArrayOf("text", students.stream().map(id -> marks.get(id).toString()).toArray()));
            return ps;
        });
    }
}

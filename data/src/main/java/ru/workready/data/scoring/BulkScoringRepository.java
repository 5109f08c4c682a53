package ru.workready.data.scoring;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
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
import org.springframework.transaction.annotation.Transactional;
import ru.workready.engine.assessments.AssessmentResult;
import ru.workready.engine.assessments.Evidence;
import ru.workready.engine.assessments.EvidenceKind;

/**
 * Batch reads and writes for rescoring many students: the evidence of a batch of students in one
 * query, and their scores replaced with one delete and one {@code COPY}.
 */
@Repository
public class BulkScoringRepository {

    /** A student to rescore, with what decides their rule set (college, region) and mapping (programme). */
    public record StudentRow(String id, String collegeCode, String region, long programmeId) {
    }

    /** One stored score row; explanation is JSON text. */
    public record ScoreRow(String studentId, long labourFunctionId, @Nullable Double readiness, double coverage,
                           String level, String explanation, String ruleSetVersion, long mappingSetId) {
    }

    private final JdbcTemplate template;
    private final DataSource dataSource;

    public BulkScoringRepository(JdbcTemplate template, DataSource dataSource) {
        this.template = template;
        this.dataSource = dataSource;
    }

    /** Students of a college (by code) or of a region, ordered by id. */
    public List<StudentRow> students(@Nullable String collegeCode, @Nullable String region) {
        return template.query("""
                        select s.id, c.code, c.region, s.programme_id from student s join college c on c.id = s.college_id
                        where (?::text is null or c.code = ?) and (?::text is null or c.region = ?) order by s.id""",
                (rs, n) -> new StudentRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)),
                collegeCode, collegeCode, region, region);
    }

    /** The whole evidence history of each student of the batch (students with none map to an empty list). */
    public Map<String, List<Evidence>> histories(Collection<String> studentIds) {
        Map<String, List<Evidence>> result = new HashMap<>();
        for (String id : studentIds) {
            result.put(id, new ArrayList<>());
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
        for (Map.Entry<Long, List<String>> college : byCollege.entrySet()) {
            readHistories(college.getKey(), college.getValue(), result);
        }
        return result;
    }

    private void readHistories(long collegeId, List<String> studentIds, Map<String, List<Evidence>> result) {
        template.query(con -> {
            var ps = con.prepareStatement("""
                    select e.id, e.student_id, o.code, e.kind, e.grade, e.points, e.max_points, e.passed,
                           e.assessed_on, e.attempt, e.assessor, e.standard_code, e.generalized_function_code
                    from evidence e left join outcome o on o.id = e.outcome_id
                    where e.college_id = ? and e.student_id = any(?) order by e.id""");
            ps.setLong(1, collegeId);
            ps.setArray(2, con.createArrayOf("text", studentIds.toArray()));
            ps.setFetchSize(10_000);
            return ps;
        }, rs -> {
            EvidenceKind kind = EvidenceKind.valueOf(rs.getString(4));
            BigDecimal points = rs.getBigDecimal(6);
            AssessmentResult r;
            if (points != null) {
                r = new AssessmentResult.Points(points.doubleValue(), rs.getBigDecimal(7).doubleValue());
            } else if (rs.getObject(8) != null) {
                r = new AssessmentResult.PassFail(rs.getBoolean(8));
            } else {
                r = new AssessmentResult.Grade(rs.getInt(5));
            }
            result.get(rs.getString(2)).add(new Evidence(rs.getLong(1), rs.getString(2), rs.getString(3), kind, r,
                    rs.getObject(9, LocalDate.class), rs.getInt(10), rs.getString(11), rs.getString(12),
                    rs.getString(13)));
        });
    }

    /**
     * Stores (replaces) the scores of a batch: one COPY into a session-local staging table, emptied
     * at commit, then one upsert.
     * On a rescore the rows exist and are updated in place with their keys unchanged, which spares
     * the per-row foreign-key checks a delete-and-insert would pay.
     */
    @Transactional
    public void replaceScores(List<ScoreRow> rows) {
        Connection con = DataSourceUtils.getConnection(dataSource);
        try {
            template.execute("""
                    create temp table if not exists readiness_score_stage
                        (like readiness_score including defaults) on commit delete rows""");
            StringBuilder csv = new StringBuilder(rows.size() * 160);
            for (ScoreRow r : rows) {
                csv.append(quote(r.studentId())).append(',').append(r.labourFunctionId()).append(',')
                        .append(r.readiness() == null ? "" : String.valueOf(r.readiness())).append(',')
                        .append(r.coverage()).append(',').append(r.level()).append(',')
                        .append(quote(r.explanation())).append(',').append(quote(r.ruleSetVersion())).append(',')
                        .append(r.mappingSetId()).append('\n');
            }
            con.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy readiness_score_stage (student_id, labour_function_id, readiness, coverage, level, explanation,
                                                rule_set_version, mapping_set_id) from stdin with (format csv)""",
                    new StringReader(csv.toString()));
            template.update("""
                    insert into readiness_score (student_id, labour_function_id, readiness, coverage, level, explanation,
                                                 rule_set_version, mapping_set_id, computed_at)
                    select student_id, labour_function_id, readiness, coverage, level, explanation, rule_set_version,
                           mapping_set_id, now() from readiness_score_stage
                    on conflict (student_id, labour_function_id) do update set readiness = excluded.readiness,
                        coverage = excluded.coverage, level = excluded.level, explanation = excluded.explanation,
                        rule_set_version = excluded.rule_set_version, mapping_set_id = excluded.mapping_set_id,
                        computed_at = excluded.computed_at""");
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Writing " + rows.size() + " scores failed", e);
        } finally {
            DataSourceUtils.releaseConnection(con, dataSource);
        }
    }

    private static String quote(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    public long startJob(String scopeKind, String scopeCode, int total) {
        return template.queryForObject("""
                insert into rescore_job (scope_kind, scope_code, status, total) values (?, ?, 'RUNNING', ?)
                returning id""", Long.class, scopeKind, scopeCode, total);
    }

    public void progress(long jobId, int done, long scores) {
        template.update("update rescore_job set done = ?, scores = ? where id = ?", done, scores, jobId);
    }

    public void finishJob(long jobId, String status, int done, long scores, @Nullable String error) {
        template.update("update rescore_job set status = ?, done = ?, scores = ?, error = ?, finished_at = now() "
                + "where id = ?", status, done, scores, error, jobId);
    }

    /** A job as stored. */
    public record Job(long id, String scopeKind, String scopeCode, String status, int total, int done, long scores,
                      @Nullable String error, java.time.OffsetDateTime startedAt,
                      java.time.@Nullable OffsetDateTime finishedAt) {
    }

    public java.util.Optional<Job> job(long id) {
        return template.query("select id, scope_kind, scope_code, status, total, done, scores, error, started_at, "
                        + "finished_at from rescore_job where id = ?",
                (rs, n) -> new Job(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getInt(6), rs.getLong(7), rs.getString(8),
                        rs.getObject(9, java.time.OffsetDateTime.class), rs.getObject(10, java.time.OffsetDateTime.class)),
                id).stream().findFirst();
    }
}

package ru.workready.data.scoring;

import java.sql.Array;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.engine.scoring.FunctionScore;
import ru.workready.engine.scoring.ReadinessLevel;
import ru.workready.engine.scoring.StudentReadiness;
import tools.jackson.databind.json.JsonMapper;

/**
 * The latest readiness of each student per labour function, with the versions that produced it.
 * Every statement names the student's college, the partition key of {@code readiness_score}, so
 * that PostgreSQL touches one partition.
 */
@Repository
public class ScoreRepository {

    /** A stored score (ReadinessScore) as read back: the decision, its versions and when it was computed. */
    public record StoredScore(long labourFunctionId, @Nullable Double readiness, double coverage, ReadinessLevel level,
                              List<String> rules, String decidedBy, String reason, String ruleSetVersion,
                              @Nullable Long mappingSetId, OffsetDateTime computedAt, @Nullable String reasonRu) {
    }

    private final JdbcTemplate template;
    private final JsonMapper json = JsonMapper.builder().build();

    private final Clock clock;

    public ScoreRepository(JdbcTemplate template, Clock clock) {
        this.template = template;
        this.clock = clock;
    }

    /** Stores (replaces) the student's scores for the functions of one standard edition. */
    @Transactional
    public void save(StudentReadiness readiness, Map<String, Long> functionIds, long mappingSetId, long collegeId) {
        OffsetDateTime computedAt = OffsetDateTime.now(clock);
        List<Object[]> rows = readiness.functions().stream()
                .filter(f -> functionIds.containsKey(f.code()))
                .map(f -> new Object[] {collegeId, readiness.studentId(), functionIds.get(f.code()), f.readiness(),
                        f.coverage(), f.level().name(), explanation(f), readiness.ruleSetVersion(), mappingSetId,
                        computedAt})
                .toList();
        lockStudent(readiness.studentId());
        template.batchUpdate("""
                insert into readiness_score (college_id, student_id, labour_function_id, readiness, coverage, level,
                                             explanation, rule_set_version, mapping_set_id, computed_at)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
                on conflict (student_id, labour_function_id, college_id) do update set readiness = excluded.readiness,
                    coverage = excluded.coverage, level = excluded.level, explanation = excluded.explanation,
                    rule_set_version = excluded.rule_set_version, mapping_set_id = excluded.mapping_set_id,
                    computed_at = excluded.computed_at""", rows);
    }

    /**
     * Every writer of a student's scores (this upsert, the rescoring job's delete-then-COPY) first
     * takes the student's row lock, so that their writes to the same scores take turns: otherwise
     * an upsert could insert between the job's delete and its COPY, and the COPY would fail on the
     * key. {@code NO KEY UPDATE} leaves uploads' {@code KEY SHARE} locks on students free; callers
     * that write several students lock them in id order, so writers cannot deadlock.
     */
    private void lockStudent(String studentId) {
        template.query("select 1 from student where id = ? for no key update", rs -> { }, studentId);
    }

    /**
     * The active mapping of the student's programme to a standard, the student's stale mark (null
     * if none) and stored scores under that mapping set, read in one statement (one snapshot).
     */
    public record StoredReadiness(long mappingSetId, int mappingVersion, long standardId,
                                  @Nullable OffsetDateTime staleSince, List<StoredScore> scores) {
        public boolean stale() {
            return staleSince != null;
        }
    }

    /** The newest active mapping of the programme to the standard, the stale mark, and the scores under it. */
    private static final String STORED = """
                        with ms as (select ms.id, ms.version, ms.standard_id from mapping_set ms
                                    join professional_standard s on s.id = ms.standard_id
                                    where ms.programme_id = ? and s.code = ? and ms.is_active
                                    order by s.approval_date desc limit 1)
                        select ms.id, ms.version, ms.standard_id,
                               (select since from stale_score where student_id = ?),
                               rs.labour_function_id, rs.readiness, rs.coverage, rs.level,
                               array(select jsonb_array_elements_text(rs.explanation -> 'rules')),
                               rs.explanation ->> 'decidedBy', rs.explanation ->> 'reason', rs.rule_set_version,
                               rs.computed_at, rs.explanation ->> 'reasonRu'
                        from ms left join readiness_score rs
                            on rs.college_id = ? and rs.student_id = ? and rs.mapping_set_id = ms.id""";

    /**
     * What is stored for the student against the standard (by code, the newest edition the
     * programme has an active mapping to); empty if the programme has no such mapping. Only the
     * student's college's partition is read.
     */
    public java.util.Optional<StoredReadiness> stored(long collegeId, String studentId, long programmeId,
                                                      String standardCode) {
        StoredReadiness[] result = new StoredReadiness[1];
        List<StoredScore> scores = new java.util.ArrayList<>();
        template.query(STORED,
                ps -> {
                    ps.setLong(1, programmeId);
                    ps.setString(2, standardCode);
                    ps.setString(3, studentId);
                    ps.setLong(4, collegeId);
                    ps.setString(5, studentId);
                },
                rs -> {
                    if (result[0] == null) {
                        result[0] = new StoredReadiness(rs.getLong(1), rs.getInt(2), rs.getLong(3),
                                rs.getObject(4, OffsetDateTime.class), scores);
                    }
                    // without any score the left join brings one row with the mapping only
                    if (rs.getObject(5) != null) {
                        scores.add(storedScore(rs, result[0].mappingSetId()));
                    }
                });
        return java.util.Optional.ofNullable(result[0]);
    }

    /** One function's stored score from a row of {@link #STORED} that has one. */
    private static StoredScore storedScore(java.sql.ResultSet rs, long mappingSetId) throws java.sql.SQLException {
        long function = rs.getLong(5);
        double r = rs.getDouble(6);
        Double readiness = rs.wasNull() ? null : r;
        Array rules = rs.getArray(9);
        return new StoredScore(function, readiness, rs.getDouble(7), ReadinessLevel.valueOf(rs.getString(8)),
                rules == null ? List.of() : Arrays.asList((String[]) rules.getArray()),
                nullToEmpty(rs.getString(10)), nullToEmpty(rs.getString(11)), rs.getString(12),
                mappingSetId, rs.getObject(13, OffsetDateTime.class), rs.getString(14));
    }

    /**
     * Removes the student's stale mark if it is still the one seen before rescoring: a mark that an
     * upload set or moved since then stays.
     */
    public void clearStaleMark(String studentId, OffsetDateTime since) {
        template.update("delete from stale_score where student_id = ? and since = ?", studentId, since);
    }

    private static String nullToEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }

    private String explanation(FunctionScore f) {
        Map<String, Object> explanation = new java.util.LinkedHashMap<>(Map.of("rules", f.rules(),
                "decidedBy", f.decidedBy(), "reason", f.reason(), "outcomes", f.outcomes()));
        if (f.reasonRu() != null) {
            explanation.put("reasonRu", f.reasonRu()); // the rule set's own Russian (docs/scoring.md §3)
        }
        return json.writeValueAsString(explanation);
    }
}

package ru.workready.data.scoring;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.engine.scoring.FunctionScore;
import ru.workready.engine.scoring.StudentReadiness;
import tools.jackson.databind.json.JsonMapper;

/** The latest readiness of each student per labour function, with the versions that produced it. */
@Repository
public class ScoreRepository {
    private final JdbcTemplate template;
    private final JsonMapper json = JsonMapper.builder().build();

    public ScoreRepository(JdbcTemplate template) {
        this.template = template;
    }

    /** Stores (replaces) the student's scores for the functions of one standard edition. */
    @Transactional
    public void save(StudentReadiness readiness, Map<String, Long> functionIds, long mappingSetId) {
        List<Object[]> rows = readiness.functions().stream()
                .filter(f -> functionIds.containsKey(f.code()))
                .map(f -> new Object[] {readiness.studentId(), functionIds.get(f.code()), f.readiness(), f.coverage(),
                        f.level().name(), explanation(f), readiness.ruleSetVersion(), mappingSetId})
                .toList();
        template.batchUpdate("""
                insert into readiness_score (student_id, labour_function_id, readiness, coverage, level, explanation,
                                             rule_set_version, mapping_set_id, computed_at)
                values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, now())
                on conflict (student_id, labour_function_id) do update set readiness = excluded.readiness,
                    coverage = excluded.coverage, level = excluded.level, explanation = excluded.explanation,
                    rule_set_version = excluded.rule_set_version, mapping_set_id = excluded.mapping_set_id,
                    computed_at = excluded.computed_at""", rows);
    }

    private String explanation(FunctionScore f) {
        return json.writeValueAsString(Map.of("rules", f.rules(), "decidedBy", f.decidedBy(), "reason", f.reason(),
                "outcomes", f.outcomes()));
    }
}

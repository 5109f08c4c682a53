package ru.workready.api.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.workready.api.ApiTest;
import ru.workready.data.assessments.StaleScoreWork;
import ru.workready.data.scoring.ReadinessService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stale-score work scores a batch by the rescoring job's path, yet stores what a student's own scoring stores:
 * the same levels, readiness and decision, and the same outcomes' contributions (cohort reports and shortlists read
 * them). Only superseded retakes, which a student's own scoring lists for the explanation and the batch never reads,
 * are left out.
 */
class StaleScoreExplanationTest extends ApiTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ReadinessService readiness;
    @Autowired
    StaleScoreWork staleScores;
    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(strings = {"DEMO-001", "DEMO-002", "DEMO-007", "DEMO-015"})
    void theBatchStoresWhatAStudentsOwnScoringStores(String student) {
        String standard = jdbc.sql("""
                        select s.code from mapping_set m join professional_standard s on s.id = m.standard_id
                        where m.programme_id = (select programme_id from student where id = ?) and m.is_active
                        order by s.code limit 1""").param(student).query(String.class).single();
        readiness.assess(student, standard);
        Map<Long, JsonNode> own = stored(student);
        assertThat(own).isNotEmpty();
        // gone before the batch runs: whatever is stored after it, the batch wrote
        jdbc.sql("delete from readiness_score where student_id = ?").param(student).update();
        jdbc.sql("insert into stale_score (student_id, upload_id) values (?, (select max(id) from upload)) "
                + "on conflict (student_id) do update set since = now()").param(student).update();
        staleScores.run();
        Map<Long, JsonNode> batch = stored(student);
        assertThat(batch.keySet()).isEqualTo(own.keySet());
        own.forEach((function, explanation) -> assertThat(batch.get(function)).as("ТФ %d of %s", function, student)
                .isEqualTo(explanation));
    }

    /** Each stored score of the student: level, readiness and explanation, superseded retakes taken out. */
    private Map<Long, JsonNode> stored(String student) {
        Map<Long, JsonNode> scores = new TreeMap<>();
        jdbc.sql("select labour_function_id, level, readiness, explanation::text from readiness_score "
                + "where student_id = ?").param(student).query(rs -> {
                    ObjectNode e = (ObjectNode) JSON.readTree(rs.getString(4));
                    for (JsonNode outcome : e.path("outcomes")) {
                        ArrayNode evidence = (ArrayNode) outcome.path("evidence");
                        for (int i = evidence.size() - 1; i >= 0; i--) {
                            if (evidence.get(i).path("superseded").asBoolean(false)) {
                                evidence.remove(i);
                            }
                        }
                    }
                    e.put("level", rs.getString(2));
                    e.put("readiness", rs.getString(3));
                    scores.put(rs.getLong(1), e);
                });
        return scores;
    }
}

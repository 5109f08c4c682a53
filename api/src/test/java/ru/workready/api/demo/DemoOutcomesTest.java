package ru.workready.api.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import ru.workready.api.ApiTest;
import ru.workready.api.outcomes.OutcomeFixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's employment records: generated for graduated students only, through the upload path, so that readiness
 * at graduation predicts employment in specialty in the driving ТФ. Run on a graduated fixture college, since the
 * demo's own intakes change with the demo.
 */
class DemoOutcomesTest extends ApiTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext app;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoOutcomes demo;

    @Test
    void graduatesGetSeededRecordsThatReadinessPredicts() throws Exception {
        // a fixed college code: the demo seeds each graduate's records by the student's id, so a random code made the
        // verdict a draw that failed now and then (PREDICTS_NOTHING); now the same records every run
        String college = OutcomeFixtures.graduatedCollege(app, 2020, 150, new Random(20261205L), "DEMO2020");
        String notYet = OutcomeFixtures.graduatedCollege(app, 2023, 10, new Random(1));
        int rows = demo.load(college);
        assertThat(rows).isGreaterThan(300);
        assertThat(demo.load(notYet)).isZero();
        List<String> horizons = jdbc.sql("""
                        -- each record lies 0–20 days before 6, 12 or 24 months after graduation
                        select distinct extract(year from age(e.observed_on + 21, date '2024-06-30')) * 12
                                        + extract(month from age(e.observed_on + 21, date '2024-06-30'))
                        from employment_record e
                        join college c on c.id = e.college_id where c.code = ? order by 1""").param(college)
                .query(String.class).list();
        assertThat(horizons).containsExactly("6", "12", "24");
        JsonNode r = JsonMapper.builder().build().readTree(mvc.perform(get("/api/reports/validity")
                        .param("standard", "06.001").param("college", college)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        JsonNode a013 = null;
        for (JsonNode f : r.get("functions")) {
            if (f.get("code").asString().equals("A/01.3")) {
                a013 = f.get("figure");
            }
        }
        assertThat(a013.get("verdict").asString()).isEqualTo("PREDICTS");
        assertThat(r.get("excluded").toString()).contains("status");
    }
}

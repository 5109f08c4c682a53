package ru.workready.api.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import ru.workready.api.ApiTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What-if readiness (nothing stored), explanations, and background rescoring of a college. */
class WhatIfAndRescoringTest extends ApiTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.context.ApplicationContext app;

    private final JsonMapper json = JsonMapper.builder().build();
    private ScoringFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = ScoringFixture.create(app, 5);
    }

    private long evidenceCount() {
        return jdbc.sql("select count(*) from evidence").query(Long.class).single();
    }

    @Test
    void whatIfShowsTheChangeAndStoresNothing() throws Exception {
        String student = fixture.students().get(0);
        long before = evidenceCount();
        String body = """
                {"results": [{"outcomeCode": "ПК 1.1", "kind": "DEMO_EXAM", "result": "95", "maxPoints": 100,
                              "assessedOn": "2026-11-01"}]}""";
        JsonNode r = json.readTree(mvc.perform(post("/api/students/" + student + "/readiness/what-if")
                        .contentType("application/json").content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stored").value(false))
                .andExpect(jsonPath("$.ruleSetVersion").value("default-1"))
                .andExpect(jsonPath("$.changed.length()").value(1))
                .andExpect(jsonPath("$.changed[0].code").value("A/01.3"))
                .andExpect(jsonPath("$.changed[0].levelBefore").value("PARTIALLY_READY"))
                .andExpect(jsonPath("$.changed[0].levelAfter").value("READY"))
                // (1·0.5 + 3·0.95) / 4
                .andExpect(jsonPath("$.changed[0].readinessAfter").value(0.8375))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(r.get("summaryAfter").get("READY").asInt()).isEqualTo(r.get("summaryBefore").get("READY").asInt() + 1);
        assertThat(evidenceCount()).isEqualTo(before);
        mvc.perform(get("/api/students/" + student + "/readiness"))
                .andExpect(jsonPath("$.functions[?(@.code=='A/01.3')].level").value("PARTIALLY_READY"));
    }

    @Test
    void badWhatIfRowsAreListed() throws Exception {
        String body = """
                {"results": [{"outcomeCode": "ПК 9.9", "kind": "COURSE_GRADE", "result": "5"},
                             {"outcomeCode": "ПК 1.1", "kind": "EXAM", "result": "7", "assessedOn": "01/02/2026"}]}""";
        mvc.perform(post("/api/students/" + fixture.students().get(0) + "/readiness/what-if")
                        .contentType("application/json").content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/invalid-what-if"))
                .andExpect(jsonPath("$.problems[0].row").value(1))
                .andExpect(jsonPath("$.problems[0].column").value("outcomeCode"))
                .andExpect(jsonPath("$.problems[?(@.row==2 && @.column=='kind')]").exists())
                .andExpect(jsonPath("$.problems[?(@.row==2 && @.column=='assessedOn')]").exists());
        mvc.perform(post("/api/students/NOBODY-6/readiness/what-if").contentType("application/json")
                .content("{\"results\": []}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/students/" + fixture.students().get(0) + "/readiness/what-if")
                .contentType("application/json").content("{\"results\": []}")).andExpect(status().isBadRequest());
    }

    @Test
    void explanationsGiveEachEvidenceContributionAndTheDecidingRule() throws Exception {
        JsonNode r = json.readTree(mvc.perform(get("/api/students/" + fixture.students().get(0) + "/readiness")
                        .param("explain", "true"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(r.get("ruleSetVersion").asString()).isEqualTo("default-1");
        assertThat(r.get("mappingVersion").asInt()).isPositive();
        for (JsonNode f : r.get("functions")) {
            if (f.get("code").asString().equals("A/01.3")) {
                JsonNode o = f.get("outcomes").get(0);
                assertThat(o.get("outcomeCode").asString()).isEqualTo("ПК 1.1");
                assertThat(o.get("mastery").asDouble()).isEqualTo(0.5);
                JsonNode e = o.get("evidence").get(0);
                assertThat(e.get("contribution").asDouble()).isEqualTo(0.5);
                assertThat(e.get("excluded").asBoolean()).isFalse();
                assertThat(f.get("reason").asString()).contains("0.50");
            }
        }
    }

    @Test
    void rescoringACollegeRunsInTheBackgroundAndWritesEveryStudent() throws Exception {
        jdbc.sql("delete from readiness_score where student_id like ?").param(fixture.college() + "-%").update();
        JsonNode job = json.readTree(mvc.perform(post("/api/rescoring-jobs").contentType("application/json")
                        .content("{\"college\": \"" + fixture.college() + "\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.total").value(5))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        long id = job.get("id").asLong();
        String status = "RUNNING";
        for (int i = 0; i < 200 && status.equals("RUNNING"); i++) {
            Thread.sleep(50);
            status = json.readTree(mvc.perform(get("/api/rescoring-jobs/" + id)).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8)).get("status").asString();
        }
        mvc.perform(get("/api/rescoring-jobs/" + id))
                .andExpect(jsonPath("$.status").value("DONE"))
                .andExpect(jsonPath("$.done").value(5))
                .andExpect(jsonPath("$.scores").value(5 * 16));
        assertThat(jdbc.sql("select count(*) from readiness_score where student_id like ? and rule_set_version = ?")
                .params(fixture.college() + "-%", "default-1").query(Long.class).single()).isEqualTo(5 * 16);
        assertThat(jdbc.sql("""
                        select s.level from readiness_score s join labour_function f on f.id = s.labour_function_id
                        where s.student_id = ? and f.code = 'A/02.3'""").param(fixture.students().get(0))
                .query(String.class).single()).isEqualTo("READY");
        // a finished job cannot be cancelled any more, but asking is harmless
        mvc.perform(delete("/api/rescoring-jobs/" + id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DONE"));
    }

    @Test
    void badRescoringRequestsAreProblems() throws Exception {
        mvc.perform(post("/api/rescoring-jobs").contentType("application/json").content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/invalid-rescoring-job"));
        mvc.perform(post("/api/rescoring-jobs").contentType("application/json").content("{\"college\": \"NOPE-6\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/rescoring-jobs/999999999")).andExpect(status().isNotFound());
    }
}

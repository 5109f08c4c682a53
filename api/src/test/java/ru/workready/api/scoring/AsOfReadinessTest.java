package ru.workready.api.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import ru.workready.api.ApiTest;
import ru.workready.data.assessments.AssessmentUploadService;
import ru.workready.data.testing.TestClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Readiness as of a past day: only evidence assessed by then counts, retakes are decided among it, evidence ages are
 * counted from that day, and nothing is stored. Dates relative to the tests' clock (ScoringFixture: ПК 1.1 grade 3
 * two months ago, ПК 1.2 grade 5 three years ago).
 */
class AsOfReadinessTest extends ApiTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext app;

    private final JsonMapper json = JsonMapper.builder().build();
    private String student;
    private final LocalDate today = TestClock.today();

    @BeforeEach
    void fixture() {
        ScoringFixture fixture = ScoringFixture.create(app, 1);
        student = fixture.students().get(0);
        // a retake of ПК 1.1 ten days ago (grade 5), and a failed ПК 1.2 module exam six years ago: stale today
        app.getBean(AssessmentUploadService.class).upload(fixture.college(), "later.csv", null,
                ("student_id;outcome_code;kind;result;assessed_on\n"
                        + student + ";ПК 1.1;COURSE_GRADE;5;" + today.minusDays(10) + "\n"
                        + student + ";ПК 1.2;MODULE_EXAM;2;" + today.minusYears(6) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode readiness(LocalDate asOf) throws Exception {
        var request = get("/api/students/" + student + "/readiness").param("standard", "06.001");
        if (asOf != null) {
            request.param("asOf", asOf.toString());
        }
        return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private static String level(JsonNode r, String code) {
        for (JsonNode f : r.get("functions")) {
            if (f.get("code").asString().equals(code)) {
                return f.get("level").asString();
            }
        }
        throw new AssertionError("no " + code);
    }

    @Test
    void laterEvidenceDoesNotCountAndTheRetakeIsDecidedAsOfTheDate() throws Exception {
        JsonNode now = readiness(null);
        assertThat(now.get("asOf").asString()).isEqualTo(today.toString());
        assertThat(level(now, "A/01.3")).isEqualTo("READY"); // the retake's 5 counts today
        JsonNode monthAgo = readiness(today.minusMonths(1));
        assertThat(monthAgo.get("asOf").asString()).isEqualTo(today.minusMonths(1).toString());
        assertThat(level(monthAgo, "A/01.3")).as("before the retake: the grade 3").isEqualTo("PARTIALLY_READY");
        assertThat(monthAgo.get("ruleSetVersion").asString()).isEqualTo(now.get("ruleSetVersion").asString());
        // before any college mark: nothing to judge
        assertThat(level(readiness(today.minusYears(7)), "A/01.3")).isEqualTo("INSUFFICIENT_EVIDENCE");
    }

    @Test
    void staleEvidenceIsJudgedFromTheAsOfDate() throws Exception {
        // today the failed exam (six years old) is stale and the grade 5 alone decides ПК 1.2
        assertThat(level(readiness(null), "A/02.3")).isEqualTo("READY");
        // two years ago it was four years old: it counted, and pulled the mastery down to (1·1 + 2·0) / 3
        assertThat(level(readiness(today.minusYears(2)), "A/02.3")).isEqualTo("NOT_READY");
    }

    @Test
    void asOfIsNotStoredAndTheFutureIsRefused() throws Exception {
        readiness(null);
        assertThat(level(readiness(today.minusMonths(1)), "A/01.3")).isEqualTo("PARTIALLY_READY");
        // the stored score is still today's
        assertThat(app.getBean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("""
                        select s.level from readiness_score s join labour_function f on f.id = s.labour_function_id
                        where s.student_id = ? and f.code = 'A/01.3'""").param(student).query(String.class).list())
                .containsOnly("READY");
        mvc.perform(get("/api/students/" + student + "/readiness").param("asOf", today.plusDays(2).toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/invalid-as-of"));
        mvc.perform(get("/api/students/" + student + "/readiness").param("asOf", "2026-02-30"))
                .andExpect(status().isBadRequest());
    }
}

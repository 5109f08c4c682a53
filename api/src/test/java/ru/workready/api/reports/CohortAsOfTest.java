package ru.workready.api.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.workready.api.ApiTest;
import ru.workready.api.scoring.ScoringFixture;
import ru.workready.data.students.StudentRepository;
import ru.workready.data.testing.TestClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cohort report as of a day and as of the programme's graduation: every student scored then (computed, today's
 * versions), aggregated and suppressed like the stored scores. ScoringFixture: ПК 1.1 grade 3 two months ago (→ A/01.3),
 * ПК 1.2 grade 5 three years ago (→ A/02.3).
 */
class CohortAsOfTest extends ApiTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext app;
    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();
    private final LocalDate today = TestClock.today();

    private long programme(ScoringFixture fixture) {
        return app.getBean(StudentRepository.class).find(fixture.students().get(0)).orElseThrow().programmeId();
    }

    private MockHttpServletRequestBuilder cohort(long programme, String asOf) {
        var r = get("/api/reports/cohort").param("programme", String.valueOf(programme)).param("standard", "06.001");
        return asOf == null ? r : r.param("asOf", asOf);
    }

    private JsonNode read(MockHttpServletRequestBuilder request) throws Exception {
        return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private static JsonNode function(JsonNode report, String code) {
        for (JsonNode f : report.get("functions")) {
            if (f.get("code").asString().equals(code)) {
                return f;
            }
        }
        throw new AssertionError("no " + code);
    }

    private String studentLevel(String student, LocalDate asOf, String code) throws Exception {
        JsonNode r = read(get("/api/students/" + student + "/readiness").param("asOf", asOf.toString()));
        for (JsonNode f : r.get("functions")) {
            if (f.get("code").asString().equals(code)) {
                return f.get("level").asString();
            }
        }
        throw new AssertionError("no " + code);
    }

    @Test
    void theCohortAsOfADayCountsEachStudentsReadinessThen() throws Exception {
        ScoringFixture fixture = ScoringFixture.create(app, 6);
        long programme = programme(fixture);
        fixture.students().forEach(s -> {
            try {
                read(get("/api/students/" + s + "/readiness")); // stores today's scores
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        JsonNode now = read(cohort(programme, null));
        assertThat(now.get("asOf").isNull()).isTrue();
        assertThat(function(now, "A/01.3").get("levels").get("PARTIALLY_READY").asInt()).isEqualTo(6);

        LocalDate monthAgo = today.minusMonths(1);
        JsonNode then = read(cohort(programme, monthAgo.toString()));
        assertThat(then.get("asOf").asString()).isEqualTo(monthAgo.toString());
        assertThat(then.get("asOfRule").asString()).isEqualTo("date");
        assertThat(then.get("students").asInt()).isEqualTo(6);
        String level = studentLevel(fixture.students().get(0), monthAgo, "A/02.3");
        assertThat(function(then, "A/02.3").get("levels").get(level).asInt()).isEqualTo(6);
        assertThat(function(then, "A/01.3").get("levels").get("PARTIALLY_READY").asInt()).isEqualTo(6);
        assertThat(then.get("weakSpots").size()).isPositive();
        assertThat(then.get("staleScores").asBoolean()).isFalse();

        // seven years ago: no evidence yet for anyone
        JsonNode early = read(cohort(programme, today.minusYears(7).toString()));
        assertThat(function(early, "A/01.3").get("levels").get("INSUFFICIENT_EVIDENCE").asInt()).isEqualTo(6);
        assertThat(function(early, "A/01.3").get("levels").get("READY").asInt()).isZero();

        // the same as the stored report, computed, for today
        JsonNode computedToday = read(cohort(programme, today.toString()));
        assertThat(function(computedToday, "A/01.3").get("levels")).isEqualTo(function(now, "A/01.3").get("levels"));
        assertThat(function(computedToday, "A/01.3").get("weakestOutcomes"))
                .isEqualTo(function(now, "A/01.3").get("weakestOutcomes"));
        assertThat(function(computedToday, "A/01.3").get("weakestEvidenceKinds"))
                .isEqualTo(function(now, "A/01.3").get("weakestEvidenceKinds"));

        String csv = mvc.perform(cohort(programme, monthAgo.toString()).param("format", "csv")).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("Готовность на дату " + monthAgo);

        mvc.perform(cohort(programme, today.plusDays(1).toString())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/invalid-report-parameter"));
        mvc.perform(cohort(programme, "soon")).andExpect(status().isBadRequest());
    }

    @Test
    void asOfGraduationIsThirtiethOfJuneOfTheGraduationYear() throws Exception {
        ScoringFixture fixture = ScoringFixture.create(app, 6);
        long programme = programme(fixture);
        int months = jdbc.sql("select study_months from programme where id = ?").param(programme)
                .query(Integer.class).single();
        int graduationYear = today.getYear() - 2;
        jdbc.sql("update programme set intake_year = ? where id = ?")
                .params(graduationYear - (int) Math.ceil(months / 12.0), programme).update();
        LocalDate graduation = LocalDate.of(graduationYear, 6, 30);

        JsonNode r = read(cohort(programme, "graduation"));
        assertThat(r.get("asOf").asString()).isEqualTo(graduation.toString());
        assertThat(r.get("asOfRule").asString()).isEqualTo("graduation");
        // ПК 1.1 (two months ago) came after graduation; ПК 1.2 (three years ago) before it
        assertThat(function(r, "A/01.3").get("levels").get("INSUFFICIENT_EVIDENCE").asInt()).isEqualTo(6);
        String a02 = studentLevel(fixture.students().get(0), graduation, "A/02.3");
        assertThat(a02).isNotEqualTo("INSUFFICIENT_EVIDENCE");
        assertThat(function(r, "A/02.3").get("levels").get(a02).asInt()).isEqualTo(6);

        // a programme that has not graduated yet
        jdbc.sql("update programme set intake_year = ? where id = ?").params(today.getYear(), programme).update();
        mvc.perform(cohort(programme, "graduation")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/invalid-report-parameter"));
    }

    @Test
    void aSmallCohortAsOfADayIsSuppressedAsToday() throws Exception {
        ScoringFixture fixture = ScoringFixture.create(app, 3);
        JsonNode r = read(cohort(programme(fixture), today.minusMonths(1).toString()));
        assertThat(r.get("students").isNull()).isTrue();
        assertThat(r.get("disclosure").get("suppressed").asBoolean()).isTrue();
        assertThat(r.get("disclosure").get("reason").asString()).isEqualTo("SMALL_GROUP");
        assertThat(r.get("asOf").asString()).isEqualTo(today.minusMonths(1).toString());
        JsonNode a013 = function(r, "A/01.3");
        a013.get("levels").forEach(n -> assertThat(n.isNull()).isTrue());
        assertThat(a013.get("suppressionReason").asString()).isEqualTo("SMALL_GROUP");
    }
}

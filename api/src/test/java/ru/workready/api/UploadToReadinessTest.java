package ru.workready.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import ru.workready.data.testing.TestClock;

/** Full stack on the embedded database: demo data → upload → readiness changes. */
class UploadToReadinessTest extends ApiTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void demoDataIsLoadedThroughTheRealImporters() throws Exception {
        mvc.perform(get("/api/standards"))
                .andExpect(status().isOk())
                // other tests add standards of their own (codes 9x.xxx): count the five reference editions
                .andExpect(jsonPath("$[?(@.code=~/06\\.0.*/)]", org.hamcrest.Matchers.hasSize(5)))
                .andExpect(jsonPath("$[?(@.code=='06.001' && @.orderNumber=='424н')].current").value(true))
                .andExpect(jsonPath("$[?(@.code=='06.001' && @.orderNumber=='679н')].current").value(false));
        mvc.perform(get("/api/colleges/DEMO/students"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(132));
    }

    @Test
    void readinessShowsEveryLevelKindOnTheDemo() throws Exception {
        JsonNode r = readiness("DEMO-028");
        assertThat(r.get("ruleSetVersion").asString()).isEqualTo("default-1");
        assertThat(r.get("standard").get("orderNumber").asString()).isEqualTo("424н");
        assertThat(level(r, "C/01.5")).isEqualTo("UNMAPPED");
        assertThat(level(r, "D/01.6")).isEqualTo("ABOVE_PROGRAMME_LEVEL");
        assertThat(level(r, "B/01.4")).isEqualTo("INSUFFICIENT_EVIDENCE");
        // DEMO-005 passed the independent assessment (НОК) for ОТФ A
        JsonNode certified = readiness("DEMO-005");
        for (String tf : new String[] {"A/01.3", "A/02.3", "A/03.3", "A/04.3", "A/05.3"}) {
            assertThat(level(certified, tf)).isEqualTo("READY");
            assertThat(function(certified, tf).get("rules").get(0).asString())
                    .isEqualTo("Certified by independent assessment");
        }
    }

    @Test
    void uploadChangesScoresAndIsIdempotent() throws Exception {
        JsonNode before = readiness("DEMO-020");
        String csv = """
                student_id;outcome_code;kind;result;max_points;assessed_on;attempt
                DEMO-020;ПК 1.1;DEMO_EXAM;98;100;%1$s;2
                DEMO-020;ПК 1.1;MODULE_EXAM;5;;%2$s;2
                DEMO-020;ПК 1.1;EMPLOYER_PRACTICE;5;;%3$s;2
                DEMO-020;ПК 1.1;COURSE_GRADE;5;;%3$s;2
                """.formatted(TestClock.today().minusDays(24), TestClock.today().minusDays(23),
                TestClock.today().minusDays(22));
        mvc.perform(post("/api/colleges/DEMO/assessments").contentType("text/csv")
                        .content(csv.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.rows").value(4))
                .andExpect(jsonPath("$.duplicate").value(false))
                .andExpect(jsonPath("$.affectedStudents[0]").value("DEMO-020"));
        JsonNode after = readiness("DEMO-020");
        assertThat(function(after, "A/01.3").get("readiness").asDouble())
                .isGreaterThan(function(before, "A/01.3").get("readiness").asDouble());
        assertThat(level(after, "A/01.3")).isEqualTo("READY");
        long stored = jdbc.sql("select count(*) from evidence").query(Long.class).single();

        mvc.perform(post("/api/colleges/DEMO/assessments").contentType("text/csv")
                        .content(csv.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.duplicate").value(true));
        assertThat(jdbc.sql("select count(*) from evidence").query(Long.class).single()).isEqualTo(stored);
        assertThat(jdbc.sql("select level from readiness_score s join labour_function f on f.id = s.labour_function_id "
                        + "where s.student_id = 'DEMO-020' and f.code = 'A/01.3' and f.standard_id = ?")
                .param(after.get("standard").get("id").asLong()).query(String.class).single()).isEqualTo("READY");
    }

    @Test
    void badCsvIsRejectedWholeWithEveryBadRow() throws Exception {
        long stored = jdbc.sql("select count(*) from evidence").query(Long.class).single();
        String csv = """
                student_id,outcome_code,kind,result,assessed_on
                DEMO-001,ПК 1.1,COURSE_GRADE,5,%1$s
                NOBODY,ПК 1.1,COURSE_GRADE,5,%1$s
                DEMO-001,ПК 7.7,COURSE_GRADE,5,%1$s
                DEMO-001,ПК 1.2,COURSE_GRADE,7,%1$s
                """.formatted(TestClock.today().minusDays(24));
        mvc.perform(post("/api/colleges/DEMO/assessments").contentType("text/csv")
                        .content(csv.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/invalid-assessment-file"))
                .andExpect(jsonPath("$.problemCount").value(3))
                .andExpect(jsonPath("$.problems[0].row").value(3))
                .andExpect(jsonPath("$.problems[0].column").value("student_id"))
                .andExpect(jsonPath("$.problems[1].row").value(4))
                .andExpect(jsonPath("$.problems[1].column").value("outcome_code"))
                .andExpect(jsonPath("$.problems[2].row").value(5))
                .andExpect(jsonPath("$.problems[2].column").value("result"))
                .andExpect(jsonPath("$.problems[2].value").value("7"));
        mvc.perform(post("/api/colleges/DEMO/assessments").contentType("text/csv")
                        .content(("student_id,outcome_code,result,assessed_on\nDEMO-001,ПК 1.1,5," + TestClock.today().minusDays(24) + "\n")
                                .getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].column").value("kind"))
                .andExpect(jsonPath("$.problems[0].reason").value("missing column"));
        assertThat(jdbc.sql("select count(*) from evidence").query(Long.class).single()).isEqualTo(stored);
    }

    @Test
    void badXmlIsRejectedWithAProblemDetail() throws Exception {
        long standards = jdbc.sql("select count(*) from professional_standard").query(Long.class).single();
        String[] bad = {
                "<XMLCardInfo><ProfessionalStandarts>",
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><XMLCardInfo>&e;</XMLCardInfo>",
                "<Programme/>"};
        for (String xml : bad) {
            mvc.perform(post("/api/standards").contentType("application/xml").content(xml))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("https://workready.ru/problems/invalid-standard-xml"))
                    .andExpect(jsonPath("$.detail").isNotEmpty());
        }
        assertThat(jdbc.sql("select count(*) from professional_standard").query(Long.class).single()).isEqualTo(standards);
    }

    @Test
    void unknownThingsAre404AndWrongMediaTypeIs415() throws Exception {
        mvc.perform(get("/api/students/NOBODY/readiness")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/not-found"));
        mvc.perform(post("/api/colleges/DEMO/assessments").contentType("application/xml").content("<a/>"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.status").value(415));
    }

    private JsonNode readiness(String student) throws Exception {
        String body = mvc.perform(get("/api/students/" + student + "/readiness").param("standard", "06.001"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body);
    }

    private static JsonNode function(JsonNode readiness, String code) {
        for (JsonNode f : readiness.get("functions")) {
            if (f.get("code").asString().equals(code)) {
                return f;
            }
        }
        throw new AssertionError("no function " + code);
    }

    private static String level(JsonNode readiness, String code) {
        return function(readiness, code).get("level").asString();
    }
}

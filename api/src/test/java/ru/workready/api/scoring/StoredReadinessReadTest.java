package ru.workready.api.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import ru.workready.api.ApiTest;
import ru.workready.data.assessments.AssessmentUploadService;
import ru.workready.data.mapping.MappingImportService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import ru.workready.data.testing.TestClock;

/**
 * GET /api/students/{id}/readiness serves the stored scores while they are current and computes
 * (and stores) them again after anything they depend on changed: evidence (an upload's stale mark),
 * the active rule set, the active mapping, the day.
 */
class StoredReadinessReadTest extends ApiTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext app;

    private final JsonMapper json = JsonMapper.builder().build();
    private ScoringFixture fixture;
    private String student;

    @BeforeEach
    void fixture() throws InterruptedException {
        fixture = ScoringFixture.create(app, 1);
        student = fixture.students().get(0);
        // the fixture's upload marked the student stale; let the stale-score job (every 2 s) take it
        // first, so that it cannot rescore in the middle of a test
        for (int i = 0; i < 150 && staleMarks() > 0; i++) {
            Thread.sleep(100);
        }
        assertThat(staleMarks()).isZero();
        Thread.sleep(200); // the job clears the mark after its rescoring has committed; let it finish
    }

    private JsonNode read() throws Exception {
        return json.readTree(mvc.perform(get("/api/students/" + student + "/readiness"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** When the stored rows were computed: one value per read that stored them (one transaction). */
    private OffsetDateTime storedAt() {
        return jdbc.sql("select max(computed_at) from readiness_score where student_id = ?").param(student)
                .query(OffsetDateTime.class).single();
    }

    private long staleMarks() {
        return jdbc.sql("select count(*) from stale_score where student_id = ?").param(student)
                .query(Long.class).single();
    }

    private static String level(JsonNode r, String code) {
        for (JsonNode f : r.get("functions")) {
            if (f.get("code").asString().equals(code)) {
                return f.get("level").asString();
            }
        }
        throw new AssertionError("no function " + code);
    }

    private static JsonNode withoutComputedAt(JsonNode r) {
        ObjectNode copy = (ObjectNode) r.deepCopy();
        copy.remove("computedAt");
        return copy;
    }

    @Test
    void storedScoresAreServedWhileCurrentAndEqualAComputedRead() throws Exception {
        // no rows for the standard: the read computes and stores them
        jdbc.sql("delete from readiness_score where student_id = ?").param(student).update();
        JsonNode computed = read();
        OffsetDateTime first = storedAt();
        assertThat(first).isNotNull();

        JsonNode served = read();
        assertThat(storedAt()).as("nothing recomputed").isEqualTo(first);
        assertThat(OffsetDateTime.parse(served.get("computedAt").asString()).toInstant()).isEqualTo(first.toInstant());
        assertThat(withoutComputedAt(served)).isEqualTo(withoutComputedAt(computed));
        assertThat(level(served, "A/01.3")).isEqualTo("PARTIALLY_READY");
        assertThat(served.get("generalizedFunctions").size()).isPositive();

        // explain=true needs the per-evidence detail, which is not stored: it computes
        JsonNode explained = json.readTree(mvc.perform(get("/api/students/" + student + "/readiness")
                        .param("explain", "true")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(explained.get("functions").get(0).has("outcomes")).isTrue();
    }

    @Test
    void anUploadMakesTheNextReadCompute() throws Exception {
        read();
        OffsetDateTime before = storedAt();
        // a later retake of ПК 1.1 with grade 5, stored without rescoring: the upload marks the student
        // stale. Whichever comes first, this read or the stale-score job, the read shows the retake.
        app.getBean(AssessmentUploadService.class).upload(fixture.college(), "retake.csv", null,
                ("student_id;outcome_code;kind;result;assessed_on\n" + student + ";ПК 1.1;COURSE_GRADE;5;" + TestClock.today().minusDays(1) + "\n")
                        .getBytes(StandardCharsets.UTF_8));

        JsonNode after = read();
        assertThat(level(after, "A/01.3")).isEqualTo("READY");
        assertThat(storedAt()).isAfter(before);
        assertThat(staleMarks()).isZero();
    }

    @Test
    void activatingARuleSetMakesTheNextReadCompute() throws Exception {
        assertThat(read().get("ruleSetVersion").asString()).isEqualTo("default-1");
        mvc.perform(post("/api/rule-sets/region-example/versions/1/activate").param("scope", "COLLEGE")
                .param("code", fixture.college())).andExpect(status().isOk());
        try {
            assertThat(read().get("ruleSetVersion").asString()).isEqualTo("region-example-1");
            assertThat(jdbc.sql("select distinct rule_set_version from readiness_score where student_id = ?")
                    .param(student).query(String.class).list()).containsExactly("region-example-1");
        } finally {
            mvc.perform(delete("/api/rule-sets/active").param("scope", "COLLEGE").param("code", fixture.college()))
                    .andExpect(status().isOk());
        }
        assertThat(read().get("ruleSetVersion").asString()).isEqualTo("default-1");
    }

    @Test
    void aNewMappingVersionMakesTheNextReadCompute() throws Exception {
        JsonNode first = read();
        assertThat(level(first, "A/01.3")).isEqualTo("PARTIALLY_READY");
        long programme = jdbc.sql("select programme_id from student where id = ?").param(student)
                .query(Long.class).single();
        long standard = first.get("standard").get("id").asLong();
        // ПК 1.2 (grade 5) now also covers A/01.3: readiness (0.5 + 1.0) / 2 = 0.75 → READY
        long set = app.getBean(MappingImportService.class).importCsv(programme, standard, "test", """
                outcome_code,function_code,type,weight,critical
                ПК 1.1,A/01.3,EXACT,1.0,false
                ПК 1.2,A/01.3,EXACT,1.0,false
                ПК 1.2,A/02.3,EXACT,1.0,true
                """.getBytes(StandardCharsets.UTF_8));

        JsonNode second = read();
        assertThat(second.get("mappingVersion").asInt()).isEqualTo(first.get("mappingVersion").asInt() + 1);
        assertThat(level(second, "A/01.3")).isEqualTo("READY");
        assertThat(jdbc.sql("select distinct mapping_set_id from readiness_score where student_id = ? and "
                        + "labour_function_id in (select id from labour_function where standard_id = ?)")
                .params(student, standard).query(Long.class).list()).containsExactly(set);
    }

    @Test
    void scoresComputedOnAnEarlierDayAreComputedAgain() throws Exception {
        read();
        // evidence ages (stale-evidence rules) count from the day of scoring
        jdbc.sql("update readiness_score set computed_at = computed_at - interval '2 days' where student_id = ?")
                .param(student).update();
        OffsetDateTime old = storedAt();
        read();
        assertThat(storedAt()).isAfter(old.plusDays(1));
    }
}

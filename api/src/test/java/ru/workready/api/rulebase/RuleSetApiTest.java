package ru.workready.api.rulebase;

import ru.workready.data.rulesets.RuleBaseRegistry;
import ru.workready.data.rulesets.RuleSetCompiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import ru.workready.api.ApiTest;
import ru.workready.api.scoring.ScoringFixture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Rule sets as data through the API: upload (compiled, tested), refuse broken ones, activate, preview, roll back. */
class RuleSetApiTest extends ApiTest {
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
        fixture = ScoringFixture.create(app, 3);
    }

    private static String resource(String path) throws Exception {
        try (InputStream in = RuleSetApiTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The default DRL with a stale limit of half a year, and test cases that say so. */
    private ObjectNode strictUpload(String name) throws Exception {
        Map<String, String> drl = new LinkedHashMap<>();
        drl.put("levels.drl", resource("/ru/workready/rules/defaultpolicy/levels.drl"));
        drl.put("evidence.drl", resource("/ru/workready/rules/defaultpolicy/evidence.drl"));
        ObjectNode body = json.createObjectNode();
        body.put("name", name);
        body.put("description", "default levels, results count for half a year");
        body.set("drl", json.valueToTree(drl));
        body.set("parameters", json.valueToTree(Map.of("staleAfterYears", 0.5)));
        body.set("testCases", json.readTree("""
                [{"name": "Ready", "functions": [{"standardCode": "06.001", "generalizedCode": "A", "code": "A/01.3",
                   "qualificationLevel": 3, "programmeLevel": 4, "mapped": true, "readiness": 0.8, "coverage": 1.0,
                   "certified": false}], "expectLevels": {"A/01.3": "READY"}, "expectRules": {"A/01.3": "Ready"}},
                 {"name": "Half a year", "evidence": [
                   {"sequence": 1, "outcomeCode": "ПК 1.1", "kind": "COURSE_GRADE", "ageYears": 0.6, "score": 1,
                    "weight": 1, "grade": 5},
                   {"sequence": 2, "outcomeCode": "ПК 1.1", "kind": "DEMO_EXAM", "ageYears": 0.4, "score": 1,
                    "weight": 3, "grade": 5}], "expectExcluded": [1]}]"""));
        return body;
    }

    private JsonNode readiness(String student) throws Exception {
        return json.readTree(mvc.perform(get("/api/students/" + student + "/readiness").param("standard", "06.001"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static String level(JsonNode r, String code) {
        for (JsonNode f : r.get("functions")) {
            if (f.get("code").asString().equals(code)) {
                return f.get("level").asString();
            }
        }
        throw new AssertionError("no function " + code);
    }

    @Test
    void shippedRuleSetsAreListedAndDefaultIsActive() throws Exception {
        mvc.perform(get("/api/rule-sets"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.label=='default-1')].activeIn[0]").value("DEFAULT"))
                .andExpect(jsonPath("$[?(@.label=='region-example-1')].source").value("SHIPPED"));
        mvc.perform(get("/api/rule-sets/default/versions/1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parameters.staleAfterYears").value(5.0))
                .andExpect(jsonPath("$.drl['levels.drl']").isNotEmpty())
                .andExpect(jsonPath("$.testCases.length()").value(9));
    }

    @Test
    void aRuleSetThatDoesNotCompileIsRefusedWithLineAndColumn() throws Exception {
        ObjectNode body = strictUpload("t6-broken");
        body.set("drl", json.valueToTree(Map.of("broken.drl", """
                package t6;
                rule "broken"
                when
                    NoSuchType( x > )
                then
                end
                """)));
        long before = jdbc.sql("select count(*) from rule_set_version").query(Long.class).single();
        mvc.perform(post("/api/rule-sets").contentType("application/json").content(body.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/invalid-rule-set"))
                .andExpect(jsonPath("$.problems[0].row").value(4))
                .andExpect(jsonPath("$.problems[0].column").value("broken.drl"))
                .andExpect(jsonPath("$.problems[0].reason").isNotEmpty());
        assertThat(jdbc.sql("select count(*) from rule_set_version").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aRuleSetWhoseOwnTestCaseFailsIsRefused() throws Exception {
        ObjectNode body = strictUpload("t6-wrong-case");
        ((ObjectNode) body.get("testCases").get(0)).set("expectLevels", json.readTree("{\"A/01.3\": \"NOT_READY\"}"));
        mvc.perform(post("/api/rule-sets").contentType("application/json").content(body.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/invalid-rule-set"))
                .andExpect(jsonPath("$.problems[0].column").value("testCases/Ready"))
                .andExpect(jsonPath("$.problems[0].value").value("A/01.3"))
                .andExpect(jsonPath("$.problems[0].reason").value("expected NOT_READY, got READY"));
        mvc.perform(get("/api/rule-sets/t6-wrong-case/versions/1")).andExpect(status().isNotFound());
    }

    @Test
    void aRuleSetBreakingTheOneDecisionInvariantIsRefused() throws Exception {
        ObjectNode body = strictUpload("t6-double");
        Map<String, String> drl = new LinkedHashMap<>();
        drl.put("levels.drl", resource("/ru/workready/rules/defaultpolicy/levels.drl"));
        drl.put("extra.drl", """
                package t6;
                import ru.workready.engine.scoring.FunctionFacts;
                import ru.workready.engine.scoring.LevelDecision;
                import ru.workready.engine.scoring.ReadinessLevel;
                rule "Everyone is ready too"
                when
                    $f : FunctionFacts( coverage < 0.3 )
                then
                    insert(new LevelDecision($f.code(), ReadinessLevel.READY, "x", "also ready"));
                end
                """);
        body.set("drl", json.valueToTree(drl));
        body.set("testCases", json.readTree("[{\"name\": \"nothing\"}]"));
        mvc.perform(post("/api/rule-sets").contentType("application/json").content(body.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].reason").value(org.hamcrest.Matchers.startsWith(
                        "expected exactly one level decision")));
    }

    @Test
    void uploadsWithoutTestCasesOrWithBadFieldsAreRefused() throws Exception {
        ObjectNode body = strictUpload("T6 Bad Name");
        body.remove("testCases");
        body.set("parameters", json.readTree("{\"weight.NOPE\": 2, \"weight.DEMO_EXAM\": -1}"));
        mvc.perform(post("/api/rule-sets").contentType("application/json").content(body.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[?(@.column=='name')]").exists())
                .andExpect(jsonPath("$.problems[?(@.column=='testCases')]").exists())
                .andExpect(jsonPath("$.problems[?(@.column=='parameters.weight.NOPE')]").exists())
                .andExpect(jsonPath("$.problems[?(@.column=='parameters.weight.DEMO_EXAM')]").exists());
        mvc.perform(post("/api/rule-sets").contentType("application/json").content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void uploadPreviewActivateForACollegeAndRemove() throws Exception {
        String name = "t6-strict-" + fixture.college().toLowerCase(java.util.Locale.ROOT).substring(3);
        JsonNode created = json.readTree(mvc.perform(post("/api/rule-sets").contentType("application/json")
                        .content(strictUpload(name).toString()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.activeIn.length()").value(0))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        String label = created.get("label").asString();
        String student = fixture.students().get(0);
        assertThat(level(readiness(student), "A/02.3")).isEqualTo("READY");

        // what the college would look like under the candidate, before activating it
        mvc.perform(get("/api/rule-sets/" + name + "/versions/1/preview").param("college", fixture.college())
                        .param("standard", "06.001"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.candidate").value(label))
                .andExpect(jsonPath("$.activeVersions[0]").value("default-1"))
                .andExpect(jsonPath("$.students").value(3))
                // A/02.3 and A/03.3 rest on ПК 1.2 alone, assessed three years ago
                .andExpect(jsonPath("$.changed").value(6))
                .andExpect(jsonPath("$.transitions['READY → INSUFFICIENT_EVIDENCE']").value(6))
                .andExpect(jsonPath("$.changes[0].function").value("A/02.3"));
        assertThat(readiness(student).get("ruleSetVersion").asString()).isEqualTo("default-1");

        mvc.perform(post("/api/rule-sets/" + name + "/versions/1/activate").param("scope", "COLLEGE")
                        .param("code", fixture.college()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.scope=='COLLEGE:" + fixture.college() + "')].ruleSet").value(label));
        JsonNode strict = readiness(student);
        assertThat(strict.get("ruleSetVersion").asString()).isEqualTo(label);
        assertThat(level(strict, "A/02.3")).isEqualTo("INSUFFICIENT_EVIDENCE");
        assertThat(jdbc.sql("select distinct rule_set_version from readiness_score where student_id = ?")
                .param(student).query(String.class).list()).containsExactly(label);
        // reports on the college's programme name the rule set that judges its students, not the default's
        long programme = jdbc.sql("select programme_id from student where id = ?").param(student)
                .query(Long.class).single();
        for (String report : List.of("coverage", "uncovered", "orphans", "above-level", "cohort")) {
            JsonNode r = json.readTree(mvc.perform(get("/api/reports/" + report)
                    .param("programme", String.valueOf(programme)).param("standard", "06.001"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
            assertThat(r.get("provenance").get("ruleSetVersions")).as(report).extracting(JsonNode::asString)
                    .containsExactly(label);
        }
        // the DEMO college is untouched
        assertThat(readiness("DEMO-001").get("ruleSetVersion").asString()).isEqualTo("default-1");

        // a region's rule set applies to its colleges unless the college has its own
        mvc.perform(post("/api/rule-sets/region-example/versions/1/activate").param("scope", "REGION")
                .param("code", fixture.region())).andExpect(status().isOk());
        assertThat(readiness(student).get("ruleSetVersion").asString()).isEqualTo(label);
        mvc.perform(delete("/api/rule-sets/active").param("scope", "COLLEGE").param("code", fixture.college()))
                .andExpect(status().isOk());
        assertThat(readiness(student).get("ruleSetVersion").asString()).isEqualTo("region-example-1");
        // rollback of the region: it had nothing before, so it falls back to the default
        mvc.perform(post("/api/rule-sets/rollback").param("scope", "REGION").param("code", fixture.region()))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/rule-sets/" + name + "/versions/1/activate").param("scope", "REGION")
                .param("code", fixture.region())).andExpect(status().isOk());
        assertThat(readiness(student).get("ruleSetVersion").asString()).isEqualTo(label);
        mvc.perform(post("/api/rule-sets/rollback").param("scope", "REGION").param("code", fixture.region()))
                .andExpect(status().isOk());
        assertThat(readiness(student).get("ruleSetVersion").asString()).isEqualTo("region-example-1");
        mvc.perform(delete("/api/rule-sets/active").param("scope", "REGION").param("code", fixture.region()))
                .andExpect(status().isOk());
        assertThat(readiness(student).get("ruleSetVersion").asString()).isEqualTo("default-1");
    }

    @Test
    void aRuleSetsOwnRussianReasonWinsOverTheTranslation() throws Exception {
        String name = "t6-bilingual-" + fixture.college().toLowerCase(java.util.Locale.ROOT).substring(3);
        ObjectNode body = strictUpload(name);
        String levels = body.get("drl").get("levels.drl").asString();
        String english = "60% is needed.\"));";
        assertThat(levels).contains(english);
        ((ObjectNode) body.get("drl")).put("levels.drl", levels.replace(english,
                "60% is needed.\").inRussian(\"Оценок мало: \" + Texts.percent($f.coverage()) + \".\"));"));
        mvc.perform(post("/api/rule-sets").contentType("application/json").content(body.toString()))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/rule-sets/" + name + "/versions/1/activate").param("scope", "COLLEGE")
                .param("code", fixture.college())).andExpect(status().isOk());
        String student = fixture.students().get(0);
        for (int served = 0; served < 2; served++) { // computed and stored, then served from the stored row
            JsonNode ru = json.readTree(mvc.perform(get("/api/students/" + student + "/readiness")
                            .param("standard", "06.001").header("Accept-Language", "ru")).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
            JsonNode en = readiness(student);
            assertThat(level(en, "A/02.3")).isEqualTo("INSUFFICIENT_EVIDENCE");
            for (int i = 0; i < ru.get("functions").size(); i++) {
                JsonNode f = ru.get("functions").get(i);
                if ("INSUFFICIENT_EVIDENCE".equals(f.get("level").asString())) {
                    // the rule's own Russian, then the engine's specifics translated by the API
                    assertThat(f.get("reason").asString()).matches("Оценок мало: \\d+%\\. Не хватает \\d+ % веса: .*");
                    assertThat(en.get("functions").get(i).get("reason").asString()).startsWith("Only ");
                }
            }
        }
        assertThat(jdbc.sql("select count(*) from readiness_score where student_id = ? and explanation ->> 'reasonRu' is not null")
                .param(student).query(Long.class).single()).isPositive();
        mvc.perform(delete("/api/rule-sets/active").param("scope", "COLLEGE").param("code", fixture.college()))
                .andExpect(status().isOk());
    }

    @Test
    void badScopesAndUnknownVersionsAreProblems() throws Exception {
        mvc.perform(post("/api/rule-sets/default/versions/1/activate").param("scope", "PLANET"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/invalid-scope"));
        mvc.perform(post("/api/rule-sets/default/versions/1/activate").param("scope", "COLLEGE"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/rule-sets/default/versions/1/activate").param("scope", "COLLEGE")
                .param("code", "NO-SUCH-COLLEGE")).andExpect(status().isNotFound());
        mvc.perform(post("/api/rule-sets/default/versions/99/activate")).andExpect(status().isNotFound());
        mvc.perform(get("/api/rule-sets/default/versions/1/preview")).andExpect(status().isBadRequest());
        mvc.perform(delete("/api/rule-sets/active").param("scope", "DEFAULT")).andExpect(status().isConflict());
    }

    @Test
    void shippedRuleBasesLoadFromRequestThreadsWithAnotherContextClassLoader() throws Exception {
        // a web server's request threads carry its own context class loader; Drools' single classpath
        // container must still be the application's
        RuleBaseRegistry fresh = new RuleBaseRegistry(app.getBean(ru.workready.data.rulesets.RuleSetRepository.class),
                app.getBean(RuleSetCompiler.class));
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<String> label = new java.util.concurrent.atomic.AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                label.set(fresh.compiled(app.getBean(ru.workready.data.rulesets.RuleSetRepository.class)
                        .find("region-example", 1).orElseThrow()).label());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.setContextClassLoader(new java.net.URLClassLoader(new java.net.URL[0], getClass().getClassLoader()));
        t.start();
        t.join();
        assertThat(failure.get()).isNull();
        assertThat(label.get()).isEqualTo("region-example-1");
    }
}

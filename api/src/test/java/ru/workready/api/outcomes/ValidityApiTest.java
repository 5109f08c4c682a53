package ru.workready.api.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import ru.workready.api.ApiTest;
import ru.workready.data.security.ApiKeyService;
import ru.workready.data.security.OrganisationKind;
import ru.workready.data.security.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The validity report on seeded simulated cohorts (fixture: ПК 1.1 → A/01.3, ПК 1.2 → A/02.3, graduation 2024-06-30):
 * employment generated from one ТФ's readiness is found, employment unrelated to the other's is not; small cohorts
 * are suppressed for outsiders and too thin for everybody; a candidate rule set known to predict better wins.
 */
class ValidityApiTest extends ApiTest {
    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext app;
    @Autowired
    ApiKeyService keys;

    private final JsonMapper json = JsonMapper.builder().build();

    private JsonNode read(MockHttpServletRequestBuilder request) throws Exception {
        return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private static JsonNode feature(JsonNode report, String code) {
        for (JsonNode f : report.get("functions")) {
            if (f.get("code").asString().equals(code)) {
                return f.get("figure");
            }
        }
        throw new AssertionError("no " + code + " in " + report.get("functions"));
    }

    private static String grade(Random random) {
        return String.valueOf(2 + random.nextInt(4));
    }

    /** The 12-month record of a graduate: in specialty (ОКЗ 2512), or another job or none. */
    private static String outcome(String id, boolean inSpecialty, Random random) {
        return id + ";2025-06-30;" + (inSpecialty ? "EMPLOYED;COLLEGE_SURVEY;2512;"
                : random.nextBoolean() ? "EMPLOYED;EMPLOYER;9329;" : "UNEMPLOYED;COLLEGE_SURVEY;;") + "\n";
    }

    @Test
    void employmentThatFollowsOneFunctionIsFoundAndTheOtherPredictsNothing() throws Exception {
        long seed = 20261205L;
        System.out.println("ValidityApiTest simulation seed " + seed);
        Random random = new Random(seed);
        OutcomeFixture fx = OutcomeFixture.create(app, 2020, 160);
        StringBuilder results = new StringBuilder();
        StringBuilder employment = new StringBuilder();
        for (String id : fx.students()) {
            String a013 = grade(random);
            results.append(id).append(";ПК 1.1;COURSE_GRADE;").append(a013).append(";2024-05-20\n");
            results.append(id).append(";ПК 1.2;COURSE_GRADE;").append(grade(random)).append(";2024-05-20\n");
            // READY in A/01.3 (grade 4 or 5): 75 % work in the specialty; otherwise 25 %; A/02.3 plays no part
            boolean ready = a013.compareTo("4") >= 0;
            employment.append(outcome(id, random.nextDouble() < (ready ? 0.75 : 0.25), random));
        }
        fx.results(results.toString());
        fx.employment(employment.toString());

        JsonNode r = read(get("/api/reports/validity").param("standard", "06.001").param("college", fx.college()));
        assertThat(r.get("graduates").asInt()).isEqualTo(160);
        assertThat(r.get("ruleSets").toString()).contains("default-1");
        assertThat(r.get("standardEditions").get(0).asString()).isEqualTo("06.001 (424н от 2022-07-20)");
        assertThat(r.get("mappings").get(0).asString()).contains(fx.college()).contains("v1");
        assertThat(r.get("outcomeSources").toString()).contains("COLLEGE_SURVEY", "EMPLOYER");
        JsonNode found = feature(r, "A/01.3");
        assertThat(found.get("verdict").asString()).isEqualTo("PREDICTS");
        assertThat(found.get("graduates").asInt()).isEqualTo(160);
        assertThat(found.get("auc").get("low").asDouble()).isGreaterThan(0.5);
        assertThat(found.get("highVsLow").get("low").asDouble()).isGreaterThan(0.2);
        JsonNode nothing = feature(r, "A/02.3");
        assertThat(nothing.get("verdict").asString()).isEqualTo("PREDICTS_NOTHING");
        assertThat(nothing.get("auc").get("low").asDouble()).isLessThan(0.5);
        assertThat(r.get("summary").get("figure").get("graduates").asInt()).isEqualTo(160);
        // the same seed gives the same intervals
        JsonNode again = read(get("/api/reports/validity").param("standard", "06.001").param("college", fx.college()));
        assertThat(feature(again, "A/01.3").get("auc")).isEqualTo(found.get("auc"));

        String csv = mvc.perform(get("/api/reports/validity").param("standard", "06.001")
                        .param("college", fx.college()).param("format", "csv")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("Набор правил: default-1").contains("A/01.3").contains("PREDICTS_NOTHING");
        mvc.perform(get("/api/reports/validity").param("standard", "06.001").param("college", fx.college())
                .param("format", "xlsx")).andExpect(status().isOk());
    }

    @Test
    void smallCohortsAreWithheldFromOutsidersAndTooThinForEverybody() throws Exception {
        OutcomeFixture fx = OutcomeFixture.create(app, 2020, 4);
        StringBuilder results = new StringBuilder();
        StringBuilder employment = new StringBuilder();
        Random random = new Random(4);
        for (String id : fx.students()) {
            results.append(id).append(";ПК 1.1;COURSE_GRADE;5;2024-05-20\n");
            employment.append(outcome(id, true, random));
        }
        fx.results(results.toString());
        fx.employment(employment.toString());
        String designer = key(fx, OrganisationKind.REGION, null, Role.CURRICULUM_DESIGNER);
        JsonNode outside = read(get("/api/reports/validity").param("standard", "06.001")
                .param("college", fx.college()).header(API_KEY_HEADER, designer));
        assertThat(outside.get("withheld").asString()).contains("fewer than 5");
        assertThat(outside.get("graduates").asInt()).isZero();
        assertThat(outside.get("functions").size()).isZero();

        String own = key(fx, OrganisationKind.COLLEGE, fx.college(), Role.COLLEGE);
        JsonNode inside = read(get("/api/reports/validity").param("standard", "06.001")
                .header(API_KEY_HEADER, own));
        assertThat(inside.get("graduates").asInt()).isEqualTo(4);
        JsonNode a013 = feature(inside, "A/01.3");
        assertThat(a013.get("verdict").asString()).isEqualTo("TOO_THIN");
        assertThat(a013.get("auc").isNull()).isTrue();
        assertThat(a013.get("groups").get(0).get("graduates").asInt()).isEqualTo(4);
    }

    /**
     * Old course grades (three years before graduation) are noise; the recent module exam decides who works in the
     * specialty. A candidate that lets results count for one year only judges by the exam alone, so it predicts better
     * than the default (five years), which mixes both.
     */
    @Test
    void aCandidateRuleSetKnownToBeBetterWins() throws Exception {
        long seed = 20261206L;
        System.out.println("ValidityApiTest comparison seed " + seed);
        Random random = new Random(seed);
        OutcomeFixture fx = OutcomeFixture.create(app, 2020, 120);
        StringBuilder results = new StringBuilder();
        StringBuilder employment = new StringBuilder();
        for (String id : fx.students()) {
            String exam = grade(random);
            results.append(id).append(";ПК 1.1;COURSE_GRADE;").append(grade(random)).append(";2021-05-20\n");
            results.append(id).append(";ПК 1.1;MODULE_EXAM;").append(exam).append(";2024-05-20\n");
            employment.append(outcome(id, random.nextDouble() < (exam.compareTo("4") >= 0 ? 0.85 : 0.15), random));
        }
        fx.results(results.toString());
        fx.employment(employment.toString());
        String name = "recent-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        mvc.perform(post("/api/rule-sets").contentType("application/json").content(recentOnly(name).toString()))
                .andExpect(status().isCreated());

        JsonNode c = read(get("/api/reports/validity/comparison").param("standard", "06.001")
                .param("college", fx.college()).param("candidate", name).param("version", "1"));
        assertThat(c.get("candidate").asString()).isEqualTo(name + "-1");
        assertThat(c.get("active").get("ruleSets").toString()).contains("default-1");
        assertThat(c.get("candidateReport").get("ruleSets").toString()).contains(name + "-1");
        JsonNode row = null;
        for (JsonNode x : c.get("rows")) {
            if (x.get("code").asString().equals("A/01.3")) {
                row = x;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("candidateAuc").get("estimate").asDouble())
                .isGreaterThan(row.get("activeAuc").get("estimate").asDouble());
        assertThat(row.get("difference").get("low").asDouble()).isGreaterThan(0);
        assertThat(row.get("better").asString()).isEqualTo("CANDIDATE");
        // the rule-set preview points at the comparison for the same scope
        JsonNode preview = read(get("/api/rule-sets/" + name + "/versions/1/preview").param("college", fx.college())
                .param("standard", "06.001"));
        assertThat(preview.get("validityComparison").asString()).isEqualTo("/api/reports/validity/comparison?candidate="
                + name + "&version=1&standard=06.001&college=" + fx.college());
    }

    private ObjectNode recentOnly(String name) throws Exception {
        Map<String, String> drl = new LinkedHashMap<>();
        drl.put("levels.drl", resource("/ru/workready/rules/defaultpolicy/levels.drl"));
        drl.put("evidence.drl", resource("/ru/workready/rules/defaultpolicy/evidence.drl"));
        ObjectNode body = json.createObjectNode();
        body.put("name", name);
        body.put("description", "default levels, results count for one year");
        body.set("drl", json.valueToTree(drl));
        body.set("parameters", json.valueToTree(Map.of("staleAfterYears", 1.0)));
        body.set("testCases", json.readTree("""
                [{"name": "Ready", "functions": [{"standardCode": "06.001", "generalizedCode": "A", "code": "A/01.3",
                   "qualificationLevel": 3, "programmeLevel": 4, "mapped": true, "readiness": 0.8, "coverage": 1.0,
                   "certified": false}], "expectLevels": {"A/01.3": "READY"}, "expectRules": {"A/01.3": "Ready"}}]"""));
        return body;
    }

    private static String resource(String path) throws Exception {
        try (InputStream in = ValidityApiTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String key(OutcomeFixture fx, OrganisationKind kind, String college, Role role) {
        String org = ("org-" + role + "-" + fx.college()).toLowerCase(Locale.ROOT);
        keys.createOrganisation(org, "Организация " + org, kind, college);
        return keys.createKey(org, role, "validity test", null, null, null).secret();
    }
}

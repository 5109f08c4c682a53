package ru.workready.api.rulebase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import ru.workready.api.ApiTest;
import ru.workready.api.scoring.ScoringFixture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import ru.workready.data.testing.TestClock;

/**
 * Rule sets whose policy is a decision table: upload (JSON with base64, or multipart), the original
 * kept byte for byte and the generated DRL viewable, errors located by sheet and cell, and the whole
 * life of a version — preview, activate, explanations naming the table's rules, what-if, rollback.
 */
class DecisionTableApiTest extends ApiTest {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** A row the example does not have: it makes the fixture's 2024 course grades (ПК 1.2) stop counting. */
    private static final List<String> COURSE_GRADES_EXPIRE = DecisionTableFiles.row("Course grades expire",
            "COURSE_GRADE", "2", "Course grades are valid for 2 years in this region.",
            "Оценки за курсы в этом регионе действительны 2 г.", "", "X");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.context.ApplicationContext app;

    private final JsonMapper json = JsonMapper.builder().build();
    private ScoringFixture fixture;
    private String suffix;

    @BeforeEach
    void fixture() {
        fixture = ScoringFixture.create(app, 3);
        suffix = fixture.college().toLowerCase(Locale.ROOT).substring(3);
    }

    private String text(String path) {
        return new String(DecisionTableFiles.resource(path), StandardCharsets.UTF_8);
    }

    /** The default level and evidence DRL, the shipped descriptor's parameters and its test cases. */
    private ObjectNode meta(String name) {
        JsonNode descriptor = json.readTree(DecisionTableFiles.resource("/rulesets/region-example-table.json"));
        Map<String, String> drl = new LinkedHashMap<>();
        drl.put("levels.drl", text("/ru/workready/rules/defaultpolicy/levels.drl"));
        drl.put("evidence.drl", text("/ru/workready/rules/defaultpolicy/evidence.drl"));
        ObjectNode body = json.createObjectNode();
        body.put("name", name);
        body.put("description", "regional policy as a decision table");
        body.set("drl", json.valueToTree(drl));
        body.set("parameters", descriptor.get("parameters"));
        body.set("testCases", descriptor.get("testCases"));
        return body;
    }

    /** Test cases for a table with the extra row: the one-decision cases of the default, and the new exclusion. */
    private ObjectNode metaWithCourseGradesExpire(String name) {
        ObjectNode body = meta(name);
        body.set("testCases", json.readTree("""
                [{"name": "Ready", "functions": [{"standardCode": "06.001", "generalizedCode": "A", "code": "A/01.3",
                   "qualificationLevel": 3, "programmeLevel": 4, "mapped": true, "readiness": 0.8, "coverage": 1.0,
                   "certified": false}], "expectLevels": {"A/01.3": "READY"}, "expectRules": {"A/01.3": "Ready"}},
                 {"name": "Course grades expire", "evidence": [
                   {"sequence": 1, "outcomeCode": "ПК 1.1", "kind": "COURSE_GRADE", "ageYears": 2.5, "score": 1,
                    "weight": 1, "grade": 5},
                   {"sequence": 2, "outcomeCode": "ПК 1.2", "kind": "COURSE_GRADE", "ageYears": 1.5, "score": 1,
                    "weight": 1, "grade": 5},
                   {"sequence": 3, "outcomeCode": "ПК 1.1", "kind": "DEMO_EXAM", "ageYears": 2.5, "score": 1,
                    "weight": 3, "grade": 5}], "expectExcluded": [1]}]"""));
        return body;
    }

    private ResultActions uploadJson(ObjectNode meta, String file, byte[] table) throws Exception {
        meta.set("tables", json.valueToTree(Map.of(file, Base64.getEncoder().encodeToString(table))));
        return mvc.perform(post("/api/rule-sets").contentType("application/json").content(meta.toString()));
    }

    private ResultActions uploadMultipart(ObjectNode meta, String file, String type, byte[] table) throws Exception {
        return mvc.perform(multipart("/api/rule-sets")
                .file(new MockMultipartFile("ruleSet", "", "application/json", meta.toString().getBytes(StandardCharsets.UTF_8)))
                .file(new MockMultipartFile("file", file, type, table)));
    }

    private long versions() {
        return jdbc.sql("select count(*) from rule_set_version").query(Long.class).single();
    }

    private JsonNode readiness(String student) throws Exception {
        return json.readTree(mvc.perform(get("/api/students/" + student + "/readiness").param("standard", "06.001")
                        .param("explain", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static JsonNode function(JsonNode readiness, String code) {
        for (JsonNode f : readiness.get("functions")) {
            if (f.get("code").asString().equals(code)) {
                return f;
            }
        }
        throw new AssertionError("no function " + code);
    }

    @Test
    void theExampleCsvIsStoredByteForByteAndItsGeneratedDrlCanBeReviewed() throws Exception {
        String name = "t6-dt-csv-" + suffix;
        byte[] csv = DecisionTableFiles.resource("/rulesets/region-example-table.csv");
        uploadJson(meta(name), "region-example-table.csv", csv)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.label").value(name + "-1"));
        mvc.perform(get("/api/rule-sets/" + name + "/versions/1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tables[0].file").value("region-example-table.csv"))
                .andExpect(jsonPath("$.tables[0].format").value("CSV"))
                .andExpect(jsonPath("$.tables[0].rules").value(2))
                .andExpect(jsonPath("$.tables[0].size").value(csv.length))
                .andExpect(jsonPath("$.tables[0].generatedDrl").value("region-example-table.csv.drl"))
                .andExpect(jsonPath("$.drl['region-example-table.csv.drl']").value(
                        org.hamcrest.Matchers.containsString("rule \"Demo exam expires\"")))
                .andExpect(jsonPath("$.drl['levels.drl']").isNotEmpty());
        byte[] downloaded = mvc.perform(get("/api/rule-sets/" + name + "/versions/1/tables/region-example-table.csv"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition",
                        org.hamcrest.Matchers.containsString("region-example-table.csv")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(downloaded).isEqualTo(csv);
        mvc.perform(get("/api/rule-sets/" + name + "/versions/1/tables/region-example-table.csv/drl"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/plain"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "// rule values at A10, header at A5\nrule \"Championship weighs more\"")));
        mvc.perform(get("/api/rule-sets/" + name + "/versions/1/tables/nope.csv")).andExpect(status().isNotFound());
        mvc.perform(get("/api/rule-sets/" + name + "/versions/1/tables/nope.csv/drl")).andExpect(status().isNotFound());
    }

    @Test
    void aSemicolonWindows1251CsvAsRussianExcelSavesItIsAccepted() throws Exception {
        String name = "t6-dt-1251-" + suffix;
        List<List<String>> cells = DecisionTableFiles.exampleCells();
        cells.get(9).set(3, "Результаты чемпионатов весят 4 в этом регионе.");
        byte[] csv = new String(DecisionTableFiles.csv(cells, ';'), StandardCharsets.UTF_8)
                .getBytes(java.nio.charset.Charset.forName("windows-1251"));
        uploadJson(meta(name), "regional.csv", csv).andExpect(status().isCreated());
        mvc.perform(get("/api/rule-sets/" + name + "/versions/1/tables/regional.csv/drl"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "\"Результаты чемпионатов весят 4 в этом регионе.\"")));
        assertThat(mvc.perform(get("/api/rule-sets/" + name + "/versions/1/tables/regional.csv"))
                .andReturn().getResponse().getContentAsByteArray()).isEqualTo(csv);
    }

    @Test
    void anXlsxTableGoesThroughPreviewActivationExplanationsWhatIfAndRollback() throws Exception {
        String name = "t6-dt-xlsx-" + suffix;
        List<List<String>> cells = DecisionTableFiles.exampleCells();
        cells.add(new ArrayList<>(List.of("")));
        cells.set(11, COURSE_GRADES_EXPIRE);
        byte[] xlsx = DecisionTableFiles.xlsx(cells);
        String label = json.readTree(uploadMultipart(metaWithCourseGradesExpire(name), "region-policy.xlsx", XLSX, xlsx)
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).get("label").asString();
        mvc.perform(get("/api/rule-sets/" + name + "/versions/1"))
                .andExpect(jsonPath("$.tables[0].format").value("XLSX"))
                .andExpect(jsonPath("$.tables[0].sheet").value(DecisionTableFiles.SHEET))
                .andExpect(jsonPath("$.tables[0].rules").value(3));
        assertThat(mvc.perform(get("/api/rule-sets/" + name + "/versions/1/tables/region-policy.xlsx"))
                .andExpect(content().contentType(XLSX))
                .andReturn().getResponse().getContentAsByteArray()).isEqualTo(xlsx);

        // the cohort under the table before activating it: A/02.3 and A/03.3 rest on the 2024 ПК 1.2 grades
        mvc.perform(get("/api/rule-sets/" + name + "/versions/1/preview").param("college", fixture.college())
                        .param("standard", "06.001"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.candidate").value(label))
                .andExpect(jsonPath("$.students").value(3))
                .andExpect(jsonPath("$.changed").value(6))
                .andExpect(jsonPath("$.transitions['READY → INSUFFICIENT_EVIDENCE']").value(6));

        // activate over an earlier activation of the college, so that rollback has somewhere to go
        String student = fixture.students().get(0);
        mvc.perform(post("/api/rule-sets/default/versions/1/activate").param("scope", "COLLEGE")
                .param("code", fixture.college())).andExpect(status().isOk());
        mvc.perform(post("/api/rule-sets/" + name + "/versions/1/activate").param("scope", "COLLEGE")
                .param("code", fixture.college())).andExpect(status().isOk());
        JsonNode under = readiness(student);
        assertThat(under.get("ruleSetVersion").asString()).isEqualTo(label);
        JsonNode a023 = function(under, "A/02.3");
        assertThat(a023.get("level").asString()).isEqualTo("INSUFFICIENT_EVIDENCE");
        assertThat(a023.get("rules")).extracting(JsonNode::asString)
                .contains("Course grades expire", "Insufficient evidence");
        JsonNode grade = a023.get("outcomes").get(0).get("evidence").get(0);
        assertThat(grade.get("excluded").asBoolean()).isTrue();
        assertThat(grade.get("rule").asString()).isEqualTo("Course grades expire");
        // the table's "Reason" cell explains it
        assertThat(grade.get("reason").asString()).isEqualTo("Course grades are valid for 2 years in this region.");
        // and its «Причина» cell in Russian, winning over the API's translation
        JsonNode ru = json.readTree(mvc.perform(get("/api/students/" + student + "/readiness").param("standard", "06.001")
                        .param("explain", "true").header("Accept-Language", "ru"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(function(ru, "A/02.3").get("outcomes").get(0).get("evidence").get(0).get("reason").asString())
                .isEqualTo("Оценки за курсы в этом регионе действительны 2 г.");

        // what-if under the active table: a fresh ПК 1.2 grade counts again
        mvc.perform(post("/api/students/" + student + "/readiness/what-if").param("standard", "06.001")
                        .contentType("application/json").content("""
                                {"results": [{"outcomeCode": "ПК 1.2", "kind": "COURSE_GRADE", "result": "5",
                                              "assessedOn": "%s"}]}""".formatted(TestClock.today().minusDays(24))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ruleSetVersion").value(label))
                .andExpect(jsonPath("$.changed[?(@.code=='A/02.3')].levelAfter").value("READY"));

        mvc.perform(post("/api/rule-sets/rollback").param("scope", "COLLEGE").param("code", fixture.college()))
                .andExpect(status().isOk());
        JsonNode back = readiness(student);
        assertThat(back.get("ruleSetVersion").asString()).isEqualTo("default-1");
        assertThat(function(back, "A/02.3").get("level").asString()).isEqualTo("READY");
    }

    @Test
    void aRuleThatDoesNotCompileIsReportedAtItsSheetRowAndCell() throws Exception {
        List<List<String>> cells = DecisionTableFiles.exampleCells();
        cells.get(10).set(1, "DEMO_EXAMS"); // B11: no such evidence kind
        long before = versions();
        uploadMultipart(meta("t6-dt-bad-kind-" + suffix), "region-policy.xlsx", XLSX, DecisionTableFiles.xlsx(cells))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/invalid-rule-set"))
                .andExpect(jsonPath("$.problems[0].row").value(11))
                .andExpect(jsonPath("$.problems[0].column").value("region-policy.xlsx: Правила!B11"))
                .andExpect(jsonPath("$.problems[0].value").value("DEMO_EXAMS"))
                .andExpect(jsonPath("$.problems[0].reason").value(
                        org.hamcrest.Matchers.startsWith("rule \"Demo exam expires\": ")));
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void aMalformedTableIsReportedAtTheCellDroolsNames() throws Exception {
        List<List<String>> cells = DecisionTableFiles.exampleCells();
        cells.get(9).add("stray"); // H10: a value under no column header
        long before = versions();
        uploadJson(meta("t6-dt-stray-" + suffix), "policy.csv", DecisionTableFiles.csv(cells, ','))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].row").value(10))
                .andExpect(jsonPath("$.problems[0].column").value("policy.csv: H10"))
                .andExpect(jsonPath("$.problems[0].value").value("stray"))
                .andExpect(jsonPath("$.problems[0].reason").value(org.hamcrest.Matchers.containsString("H10")));
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void aWrongImportIsReportedAtTheImportCell() throws Exception {
        List<List<String>> cells = DecisionTableFiles.exampleCells();
        cells.get(1).set(1, cells.get(1).get(1).replace("scoring.EvidenceFacts", "scoring.EvidenceFact"));
        uploadJson(meta("t6-dt-import-" + suffix), "policy.csv", DecisionTableFiles.csv(cells, ','))
                .andExpect(status().isBadRequest())
                // the import, and the fact-type cell every rule uses (listed once, not once per rule)
                .andExpect(jsonPath("$.problems[?(@.column=='policy.csv: B7')]").value(
                        org.hamcrest.Matchers.hasSize(1)))
                .andExpect(jsonPath("$.problems[?(@.column=='policy.csv: B2')].row").value(2))
                .andExpect(jsonPath("$.problems[?(@.column=='policy.csv: B7')].value").value("$e : EvidenceFacts"))
                .andExpect(jsonPath("$.problems[?(@.column=='policy.csv: B7')].reason").value(
                        "Unable to resolve ObjectType 'EvidenceFacts'"));
    }

    @Test
    void rowsWithoutANameAreRefusedBecauseExplanationsShowTheName() throws Exception {
        List<List<String>> cells = DecisionTableFiles.exampleCells();
        cells.get(10).set(0, "");
        uploadMultipart(meta("t6-dt-unnamed-" + suffix), "policy.xlsx", XLSX, DecisionTableFiles.xlsx(cells))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems.length()").value(1))
                .andExpect(jsonPath("$.problems[0].row").value(11))
                .andExpect(jsonPath("$.problems[0].column").value("policy.xlsx: Правила!A11"))
                .andExpect(jsonPath("$.problems[0].reason").value(org.hamcrest.Matchers.containsString("NAME")));
    }

    @Test
    void rowsNamedLikeAnotherRuleAreRefusedBecauseExplanationsCouldNotTellThemApart() throws Exception {
        List<List<String>> cells = DecisionTableFiles.exampleCells();
        cells.get(10).set(0, "Stale evidence excluded"); // the name of a rule in evidence.drl
        uploadJson(meta("t6-dt-same-name-" + suffix), "policy.csv", DecisionTableFiles.csv(cells, ','))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].row").value(11))
                .andExpect(jsonPath("$.problems[0].column").value("policy.csv: A11"))
                .andExpect(jsonPath("$.problems[0].value").value("Stale evidence excluded"))
                .andExpect(jsonPath("$.problems[0].reason").value(org.hamcrest.Matchers.containsString("evidence.drl")));
    }

    @Test
    void unreadableFilesAndBadFieldsAreProblemsNotErrors() throws Exception {
        long before = versions();
        uploadJson(meta("t6-dt-junk-" + suffix), "policy.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].column").value("policy.xlsx"))
                .andExpect(jsonPath("$.problems[0].reason").value(org.hamcrest.Matchers.startsWith(
                        "not a readable XLSX workbook")));
        uploadJson(meta("t6-dt-notable-" + suffix), "policy.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].column").value(org.hamcrest.Matchers.startsWith("policy.csv")));
        ObjectNode body = meta("t6-dt-fields-" + suffix);
        body.set("tables", json.readTree("{\"policy.ods\": \"AAAA\", \"other.csv\": \"!!not base64!!\"}"));
        mvc.perform(post("/api/rule-sets").contentType("application/json").content(body.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[?(@.column=='tables' && @.value=='policy.ods')]").exists())
                .andExpect(jsonPath("$.problems[?(@.column=='tables' && @.value=='other.csv')]").exists());
        ObjectNode clash = meta("t6-dt-clash-" + suffix);
        ((ObjectNode) clash.get("drl")).put("policy.csv.drl", "package x;");
        uploadJson(clash, "policy.csv", DecisionTableFiles.resource("/rulesets/region-example-table.csv"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].value").value("policy.csv.drl"));
        mvc.perform(multipart("/api/rule-sets").file(new MockMultipartFile("file", "policy.csv", "text/csv",
                        DecisionTableFiles.resource("/rulesets/region-example-table.csv"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].column").value("ruleSet"));
        mvc.perform(multipart("/api/rule-sets")
                        .file(new MockMultipartFile("ruleSet", "", "application/json", "{oops".getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].column").value("ruleSet"));
        assertThat(versions()).isEqualTo(before);
    }
}

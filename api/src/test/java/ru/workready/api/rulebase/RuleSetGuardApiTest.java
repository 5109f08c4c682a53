package ru.workready.api.rulebase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import ru.workready.api.ApiTest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rule sets are code: an upload that references what a rule set may not is refused before anything of
 * it is compiled or run (the DRL would create a marker file: it does not exist afterwards), and one
 * that never stops is stopped within the test budget. Nothing of either is stored.
 */
class RuleSetGuardApiTest extends ApiTest {
    @TempDir
    static Path dir;
    private static String marker;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void markerPath() {
        marker = dir.resolve("marker").toString().replace("\\", "/");
    }

    private static final String HEADER = """
            package t7;
            import ru.workready.engine.scoring.FunctionFacts;
            import ru.workready.engine.scoring.LevelDecision;
            import ru.workready.engine.scoring.ReadinessLevel;
            """;

    /** A rule (from line 5) whose consequence, on line 9, is the given Java. */
    private static String consequence(String java) {
        return HEADER + """
                rule "Payload"
                when
                    $f : FunctionFacts()
                then
                """ + "    " + java + "\nend\n";
    }

    private static String text(String path) {
        return new String(DecisionTableFiles.resource(path), StandardCharsets.UTF_8);
    }

    private ObjectNode upload(String name, Map<String, String> extra) {
        Map<String, String> drl = new LinkedHashMap<>();
        drl.put("levels.drl", text("/ru/workready/rules/defaultpolicy/levels.drl"));
        drl.putAll(extra);
        ObjectNode body = json.createObjectNode();
        body.put("name", name);
        body.set("drl", json.valueToTree(drl));
        body.set("testCases", json.readTree("""
                [{"name": "Ready", "functions": [{"standardCode": "06.001", "generalizedCode": "A", "code": "A/01.3",
                   "qualificationLevel": 3, "programmeLevel": 4, "mapped": true, "readiness": 0.8, "coverage": 1.0,
                   "certified": false}], "expectLevels": {"A/01.3": "READY"}}]"""));
        return body;
    }

    private long versions() {
        return jdbc.sql("select count(*) from rule_set_version").query(Long.class).single();
    }

    static List<Arguments> forbidden() {
        String m = "\"" + "MARKER" + "\"";
        return List.of(
                Arguments.of("import", HEADER + "import java.io.File;\n" + """
                        rule "Payload"
                        when
                            $f : FunctionFacts()
                        then
                            new File(MARKER_Q).createNewFile();
                        end
                        """.replace("MARKER_Q", m), 5, "java.io.File"),
                Arguments.of("system-exit", consequence("java.lang.System.exit(0);"), 9, "java.lang.System"),
                Arguments.of("runtime-exec", consequence("Runtime.getRuntime().exec(new String[] {\"touch\", " + m
                        + "});"), 9, "java.lang.Runtime"),
                Arguments.of("file-writer", consequence("new java.io.FileWriter(" + m + ").close();"), 9,
                        "java.io.FileWriter"),
                Arguments.of("class-for-name", consequence("Class.forName(\"java.io.FileWriter\").getConstructor("
                        + "String.class).newInstance(" + m + ");"), 9, "java.lang.Class"),
                Arguments.of("thread", consequence("new Thread(() -> { }).start();"), 9, "java.lang.Thread"),
                Arguments.of("eval", HEADER + """
                        rule "Payload"
                        when
                            $f : FunctionFacts()
                            eval( new java.io.File(MARKER_Q).createNewFile() )
                        then
                        end
                        """.replace("MARKER_Q", m), 8, "eval"),
                Arguments.of("from", HEADER + """
                        rule "Payload"
                        when
                            $f : FunctionFacts()
                            $p : Object() from java.nio.file.Files.createFile(java.nio.file.Path.of(MARKER_Q))
                        then
                        end
                        """.replace("MARKER_Q", m), 8, "java.nio.file.Files"),
                Arguments.of("function", HEADER + """
                        function void touch(String path) {
                            java.nio.file.Files.createFile(java.nio.file.Path.of(path));
                        }
                        rule "Payload"
                        when
                            $f : FunctionFacts()
                        then
                            touch(MARKER_Q);
                        end
                        """.replace("MARKER_Q", m), 6, "java.nio.file.Files"),
                Arguments.of("global", HEADER + "global java.util.List out;\n", 5, "global"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbidden")
    void aForbiddenReferenceIsRefusedWithFileLineAndReferenceAndNothingRuns(String kind, String drl, int line,
                                                                           String reference) throws Exception {
        long before = versions();
        String file = kind + ".drl";
        ObjectNode body = upload("t7-guard-" + kind, Map.of(file, drl.replace("MARKER", marker)));
        mvc.perform(post("/api/rule-sets").contentType("application/json").content(body.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/invalid-rule-set"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("nothing was compiled, run or stored")))
                .andExpect(jsonPath("$.problems[0].column").value(file))
                .andExpect(jsonPath("$.problems[0].row").value(line))
                .andExpect(jsonPath("$.problems[0].reason").value(Matchers.containsString(reference)));
        assertThat(Path.of(marker)).doesNotExist();
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void aDecisionTableWhoseActionWritesAFileIsRefusedAtItsCell() throws Exception {
        List<List<String>> cells = DecisionTableFiles.exampleCells();
        // the "Reason" action's code (D8) writes the row's value to a file
        cells.get(7).set(3, "java.nio.file.Files.writeString(java.nio.file.Path.of(\"$param\"), \"x\");");
        cells.get(9).set(3, marker);
        cells.get(10).set(3, marker);
        ObjectNode body = upload("t7-guard-table", Map.of());
        ((ObjectNode) body.get("drl")).put("evidence.drl", text("/ru/workready/rules/defaultpolicy/evidence.drl"));
        body.set("tables", json.valueToTree(Map.of("policy.csv",
                Base64.getEncoder().encodeToString(DecisionTableFiles.csv(cells, ',')))));
        long before = versions();
        mvc.perform(post("/api/rule-sets").contentType("application/json").content(body.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/invalid-rule-set"))
                .andExpect(jsonPath("$.problems[0].row").value(10))
                .andExpect(jsonPath("$.problems[0].column").value("policy.csv: D10"))
                .andExpect(jsonPath("$.problems[0].reason").value(Matchers.allOf(
                        Matchers.startsWith("rule \"Championship weighs more\": "),
                        Matchers.containsString("java.nio.file.Files"))));
        assertThat(Path.of(marker)).doesNotExist();
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void aRuleSetThatNeverStopsIsRefusedWithinTheBudget() throws Exception {
        String drl = HEADER + """
                rule "Forever"
                when
                    $f : FunctionFacts()
                then
                    update($f);
                end
                """;
        long before = versions();
        long started = System.nanoTime();
        mvc.perform(post("/api/rule-sets").contentType("application/json")
                        .content(upload("t7-guard-loop", Map.of("loop.drl", drl)).toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://workready.ru/problems/invalid-rule-set"))
                .andExpect(jsonPath("$.problems[0].column").value("testCases/Ready"))
                .andExpect(jsonPath("$.problems[0].value").value("Forever"))
                .andExpect(jsonPath("$.problems[0].reason").value(Matchers.allOf(
                        Matchers.startsWith("stopped: "), Matchers.containsString("rule \"Forever\" fired"))));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void theShippedRegionExampleStillUploads() throws Exception {
        ObjectNode body = upload("t7-guard-region-" + Long.toString(System.nanoTime(), 36), Map.of(
                "evidence.drl", text("/ru/workready/rules/defaultpolicy/evidence.drl"),
                "region.drl", text("/ru/workready/rules/regionexample/region.drl")));
        body.set("parameters", json.readTree(DecisionTableFiles.resource("/rulesets/region-example.json"))
                .get("parameters"));
        mvc.perform(post("/api/rule-sets").contentType("application/json").content(body.toString()))
                .andExpect(status().isCreated());
    }
}

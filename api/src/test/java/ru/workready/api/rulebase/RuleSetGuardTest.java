package ru.workready.api.rulebase;

import ru.workready.data.rulesets.DecisionTables;
import ru.workready.data.rulesets.DrlTokens;
import ru.workready.data.rulesets.RuleSetGuard;
import ru.workready.data.rulesets.RuleSetService;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The static check of uploaded DRL without the application: what a rule set may and may not reference. */
class RuleSetGuardTest {
    private static final ClassLoader LOADER = RuleSetGuardTest.class.getClassLoader();

    private static final String HEADER = """
            package t7;
            import ru.workready.engine.scoring.FunctionFacts;
            import ru.workready.engine.scoring.LevelDecision;
            import ru.workready.engine.scoring.ReadinessLevel;
            """;

    private static String text(String path) {
        return new String(DecisionTableFiles.resource(path), StandardCharsets.UTF_8);
    }

    private static List<RuleSetGuard.Finding> check(String drl) {
        return RuleSetGuard.check(Map.of("r.drl", drl), LOADER);
    }

    /** A rule whose consequence is the given Java, on line 8 of its file. */
    private static String consequence(String java) {
        return HEADER + """
                rule "Bad"
                when
                    $f : FunctionFacts()
                then
                """ + "    " + java + "\nend\n";
    }

    @Test
    void theShippedRuleSetsAndTheDecisionTableExamplePass() {
        Map<String, String> drl = new LinkedHashMap<>();
        drl.put("levels.drl", text("/ru/workready/rules/defaultpolicy/levels.drl"));
        drl.put("evidence.drl", text("/ru/workready/rules/defaultpolicy/evidence.drl"));
        drl.put("region.drl", text("/ru/workready/rules/regionexample/region.drl"));
        drl.put("table.csv.drl", DecisionTables.toDrl("table.csv",
                DecisionTableFiles.resource("/rulesets/region-example-table.csv")).drl());
        drl.put("table.xlsx.drl", DecisionTables.toDrl("table.xlsx",
                DecisionTableFiles.xlsx(DecisionTableFiles.exampleCells())).drl());
        assertThat(RuleSetGuard.check(drl, LOADER)).isEmpty();
    }

    @Test
    void aRuleMayCarryItsReasonInRussianToo() {
        assertThat(check(HEADER + """
                import ru.workready.engine.scoring.Texts;
                rule "Bilingual"
                when
                    $f : FunctionFacts( readiness < 0.5 )
                then
                    insert(new LevelDecision($f.code(), ReadinessLevel.NOT_READY, drools.getRule().getName(),
                            "Readiness " + Texts.decimal2($f.readiness()) + " is low.")
                            .inRussian("Готовность " + Texts.comma(Texts.decimal2($f.readiness())) + " низкая."));
                end
                """)).isEmpty();
    }

    @Test
    void theProductsFactTypesAndTheAllowedJdkTypesPass() {
        assertThat(check(HEADER + """
                import ru.workready.engine.scoring.Texts;
                import java.time.LocalDate;
                import java.util.List;
                declare Note
                    text : String
                    on : LocalDate
                end
                function String label(String s, int n) {
                    return s + " " + Math.max(n, 0) + String.valueOf(Integer.parseInt("1"));
                }
                rule "Fine"
                    salience 10
                    no-loop
                when
                    $f : FunctionFacts( $code : code, coverage < 0.6, code != "it's \\"java.io.File\\"" )
                    $n : Number( doubleValue > 0 ) from accumulate( FunctionFacts( $c : coverage ), sum($c) )
                    $all : List() from collect( FunctionFacts( code == $code ) )
                    $d : java.math.BigDecimal() from java.math.BigDecimal.valueOf($f.readiness())
                then
                    // System.exit(0) in a comment is only a comment; /* java.io.File */ too
                    String reason = "Runtime.getRuntime(): just text";
                    insert(new Note(label(reason, $all.size()), LocalDate.now()));
                    insert(new LevelDecision($f.code(), ReadinessLevel.READY, drools.getRule().getName(),
                            Texts.percent($f.coverage()) + ru.workready.engine.scoring.Texts.number(1.0)));
                end
                """)).isEmpty();
    }

    static List<Arguments> forbidden() {
        return List.of(
                Arguments.of("import", HEADER + "import java.io.File;\n", 5, "java.io.File"),
                Arguments.of("System.exit", consequence("java.lang.System.exit(0);"), 9, "java.lang.System"),
                Arguments.of("System", consequence("System.exit(0);"), 9, "java.lang.System"),
                Arguments.of("Runtime", consequence("Runtime.getRuntime().exec(\"touch /tmp/x\");"), 9,
                        "java.lang.Runtime"),
                Arguments.of("FileWriter", consequence("new java.io.FileWriter(\"/tmp/x\").close();"), 9,
                        "java.io.FileWriter"),
                Arguments.of("Class.forName", consequence("Class.forName(\"java.lang.Runtime\");"), 9,
                        "java.lang.Class"),
                Arguments.of("Thread", consequence("new Thread(() -> { }).start();"), 9, "java.lang.Thread"),
                Arguments.of("getClass", consequence("$f.getClass().getClassLoader();"), 9, ".getClass"),
                Arguments.of("kieRuntime", consequence("drools.getKieRuntime().halt();"), 9, "drools.getKieRuntime"),
                Arguments.of("spaces", consequence("java . lang . System . exit(0);"), 9, "java.lang.System"),
                Arguments.of("loop", consequence("while (true) { }"), 9, "while"),
                Arguments.of("eval", HEADER + """
                        rule "Eval"
                        when
                            eval( true )
                        then
                        end
                        """, 7, "eval"),
                Arguments.of("from", HEADER + """
                        rule "From"
                        when
                            $s : String() from java.lang.System.getProperty("user.home")
                        then
                        end
                        """, 7, "java.lang.System"),
                Arguments.of("function", HEADER + """
                        function String read(String path) {
                            return java.nio.file.Files.readString(java.nio.file.Path.of(path));
                        }
                        """, 6, "java.nio.file.Files"),
                Arguments.of("global", HEADER + "global java.util.List out;\n", 5, "global"),
                Arguments.of("package", "package java.io;\nrule \"P\" when then end\n", 1, "java.io"),
                Arguments.of("unicode", consequence("\\u0053ystem.exit(0);"), 9, "\\u0053"),
                Arguments.of("engine runtime", HEADER + "import ru.workready.engine.scoring.RuleRun;\n", 5,
                        "ru.workready.engine.scoring.RuleRun"),
                Arguments.of("api class", consequence("ru.workready.data.rulesets.RuleSetService.class.getName();"),
                        9, "ru.workready.data.rulesets.RuleSetService"),
                Arguments.of("timer", HEADER + """
                        rule "Timer"
                            timer ( int: 1s 1s )
                        when
                        then
                        end
                        """, 6, "timer"),
                Arguments.of("unknown", consequence("Unknown.call();"), 9, "Unknown"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbidden")
    void eachForbiddenReferenceIsFoundWithItsLine(String kind, String drl, int line, String reference) {
        List<RuleSetGuard.Finding> findings = check(drl);
        assertThat(findings).as(kind).anySatisfy(f -> {
            assertThat(f.file()).isEqualTo("r.drl");
            assertThat(f.line()).isEqualTo(line);
            assertThat(f.reference() + " " + f.reason()).contains(reference);
        });
    }

    @Test
    void anUnresolvablePatternTypeIsLeftToTheCompiler() {
        assertThat(check(HEADER + """
                rule "Typo"
                when
                    FunctionFact( coverage < 0.6 )
                then
                end
                """)).isEmpty();
    }

    @Test
    void aFunctionMayNotCallAFunction() {
        assertThat(check(HEADER + """
                function int f(int n) {
                    return n <= 0 ? 0 : f(n - 1) + f(n - 1);
                }
                """)).anySatisfy(f -> {
            assertThat(f.line()).isEqualTo(6);
            assertThat(f.reason()).contains("recursion");
        });
    }

    @Test
    void tokensSkipStringsCommentsAndNumbers() {
        assertThat(DrlTokens.tokens("a.b(\"System\", 'x', 1.5e3) /* File */ // Thread\n c!.d::e")
                .stream().map(t -> t.text).toList())
                .containsExactly("a", ".", "b", "(", ",", ",", ")", "c", ".", "d", ".", "e");
    }
}

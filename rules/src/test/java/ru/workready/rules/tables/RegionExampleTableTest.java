package ru.workready.rules.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import ru.workready.engine.assessments.EvidenceKind;
import ru.workready.engine.scoring.EvidenceFacts;
import ru.workready.engine.scoring.RuleSetChecks;
import ru.workready.engine.scoring.RuleSetTestCase;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The regional example policy as a decision table (rulesets/region-example-table.csv, and the same
 * cells as XLSX): one test per rule row, asserting which rule fired by name, as for the DRL rules; the
 * table decides exactly like the DRL region-example on random evidence; and the table's rule-set
 * descriptor passes its own test cases and the invariants.
 */
class RegionExampleTableTest {
    private static final Map<String, Double> REGION_PARAMETERS = Map.of("staleAfterYears", 5.0,
            "championshipWeight", 4.0, "demoExamValidYears", 3.0);
    private static final Map<String, Double> TABLE_PARAMETERS = Map.of("staleAfterYears", 5.0);

    private static String csvDrl;
    private static KieBase table;

    @BeforeAll
    static void compile() throws Exception {
        csvDrl = DecisionTableWorkbook.drlOfCsv(DecisionTableWorkbook.csv());
        table = kieBase(csvDrl);
    }

    private static String resource(String path) throws Exception {
        try (InputStream in = RegionExampleTableTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The default DRL next to the table's generated DRL, as an upload of the table's rule set compiles them. */
    static KieBase kieBase(String generated) throws Exception {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId id = ks.newReleaseId("ru.workready.test", "region-example-table", "1-" + System.nanoTime());
        kfs.generateAndWritePomXML(id);
        kfs.write("src/main/resources/rulesets/levels.drl", resource("/ru/workready/rules/defaultpolicy/levels.drl"));
        kfs.write("src/main/resources/rulesets/evidence.drl", resource("/ru/workready/rules/defaultpolicy/evidence.drl"));
        kfs.write("src/main/resources/rulesets/region-example-table.csv.drl", generated);
        KieBuilder builder = ks.newKieBuilder(kfs, RegionExampleTableTest.class.getClassLoader()).buildAll();
        assertThat(builder.getResults().getMessages(Message.Level.ERROR)).isEmpty();
        try {
            return ks.newKieContainer(id, RegionExampleTableTest.class.getClassLoader()).getKieBase();
        } finally {
            ks.getRepository().removeKieModule(id);
        }
    }

    private static EvidenceFacts ev(long seq, EvidenceKind kind, double age) {
        return new EvidenceFacts(seq, "ПК 1.1", kind, age, 1.0, kind.defaultWeight(), 5, null, null);
    }

    /** Rule names with the spreadsheet row they were generated from. */
    private static Map<String, Integer> rulesByRow(String drl) {
        Map<String, Integer> rules = new LinkedHashMap<>();
        Matcher m = Pattern.compile("// rule values at [A-Z]+(\\d+), header at [A-Z]+\\d+\\s*\\nrule \"([^\"]*)\"")
                .matcher(drl);
        while (m.find()) {
            rules.put(m.group(2), Integer.parseInt(m.group(1)));
        }
        return rules;
    }

    @Test
    void eachRowIsOneRuleNamedAsInTheTable() {
        // the names are what explanations show as "rules that fired": the NAME column, not "<table>_<row>"
        assertThat(rulesByRow(csvDrl)).containsExactly(Map.entry("Championship weighs more", 10),
                Map.entry("Demo exam expires", 11));
        assertThat(table.getKiePackage("ru.workready.rules.regiontable").getRules()).extracting(r -> r.getName())
                .containsExactlyInAnyOrder("Championship weighs more", "Demo exam expires");
    }

    @Test
    void row10ChampionshipWeighsMore() {
        var out = RuleSetChecks.evaluate(table, TABLE_PARAMETERS, List.of(), List.of(),
                List.of(ev(1, EvidenceKind.CHAMPIONSHIP, 1), ev(2, EvidenceKind.DEMO_EXAM, 1)));
        assertThat(out.reweighted()).singleElement().satisfies(r -> {
            assertThat(r.sequence()).isEqualTo(1);
            assertThat(r.weight()).isEqualTo(4.0);
            assertThat(r.rule()).isEqualTo("Championship weighs more");
            assertThat(r.reason()).isEqualTo("Championship results weigh 4 in this region.");
            assertThat(r.reasonRu()).isEqualTo("Результаты чемпионатов в этом регионе весят 4."); // «Причина»
        });
        assertThat(out.exclusions()).isEmpty();
    }

    @Test
    void row11DemoExamExpires() {
        var out = RuleSetChecks.evaluate(table, TABLE_PARAMETERS, List.of(), List.of(),
                List.of(ev(1, EvidenceKind.DEMO_EXAM, 3.2), ev(2, EvidenceKind.DEMO_EXAM, 2.9),
                        ev(3, EvidenceKind.MODULE_EXAM, 3.2), ev(4, EvidenceKind.DEMO_EXAM, 3.0)));
        assertThat(out.excluded()).containsExactly(1L);
        assertThat(out.exclusions()).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo("Demo exam expires");
            assertThat(e.reason()).isEqualTo("Demonstration exam results are valid for 3 years in this region.");
            assertThat(e.reasonRu()).isEqualTo("Результаты демонстрационного экзамена в этом регионе действительны 3 г.");
        });
        assertThat(out.reweighted()).isEmpty();
    }

    @Test
    void theDefaultRulesStillApplyNextToTheTable() {
        var out = RuleSetChecks.evaluate(table, TABLE_PARAMETERS, List.of(), List.of(),
                List.of(ev(1, EvidenceKind.COURSE_GRADE, 5.5)));
        assertThat(out.exclusions()).extracting(e -> e.rule()).containsExactly("Stale evidence excluded");
    }

    @Test
    void theSameCellsAsXlsxGenerateTheSameRules() throws Exception {
        byte[] xlsx = DecisionTableWorkbook.xlsx(DecisionTableWorkbook.cells(DecisionTableWorkbook.csv()));
        String xlsxDrl = DecisionTableWorkbook.drlOfXlsx(xlsx);
        assertThat(rulesByRow(xlsxDrl)).isEqualTo(rulesByRow(csvDrl));
        KieBase fromXlsx = kieBase(xlsxDrl);
        var out = RuleSetChecks.evaluate(fromXlsx, TABLE_PARAMETERS, List.of(), List.of(),
                List.of(ev(1, EvidenceKind.CHAMPIONSHIP, 1), ev(2, EvidenceKind.DEMO_EXAM, 3.5)));
        assertThat(out.reweighted()).extracting(r -> r.rule()).containsExactly("Championship weighs more");
        assertThat(out.exclusions()).extracting(e -> e.rule()).containsExactly("Demo exam expires");
    }

    static List<Long> seeds() {
        List<Long> seeds = new ArrayList<>();
        Random r = new Random(20261125L);
        for (int i = 0; i < 20; i++) {
            seeds.add(r.nextLong());
        }
        return seeds;
    }

    /** The table says what region.drl says: same exclusions and weights, by the same rule names and reasons. */
    @ParameterizedTest
    @MethodSource("seeds")
    void decidesLikeTheDrlRegionExample(long seed) {
        KieBase drl = KieServices.Factory.get().getKieClasspathContainer().getKieBase("region-example");
        Random random = new Random(seed);
        List<EvidenceFacts> evidence = new ArrayList<>();
        EvidenceKind[] kinds = EvidenceKind.values();
        for (int i = 1; i <= 1 + random.nextInt(12); i++) {
            evidence.add(ev(i, kinds[random.nextInt(kinds.length)], Math.round(random.nextDouble() * 70) / 10.0));
        }
        var a = RuleSetChecks.evaluate(drl, REGION_PARAMETERS, List.of(), List.of(), evidence);
        var b = RuleSetChecks.evaluate(table, TABLE_PARAMETERS, List.of(), List.of(), evidence);
        Comparator<Object> byText = Comparator.comparing(Object::toString);
        assertThat(b.exclusions()).as("exclusions, seed %d, evidence %s", seed, evidence)
                .usingElementComparator(byText).containsExactlyInAnyOrderElementsOf(a.exclusions());
        assertThat(b.reweighted()).as("weights, seed %d, evidence %s", seed, evidence)
                .usingElementComparator(byText).containsExactlyInAnyOrderElementsOf(a.reweighted());
    }

    record Descriptor(String name, List<String> drl, List<String> tables, Map<String, Double> parameters,
                      List<RuleSetTestCase> testCases) {
    }

    @Test
    void itsDescriptorPassesItsTestCasesAndTheInvariants() throws Exception {
        Descriptor d;
        try (InputStream in = getClass().getResourceAsStream("/rulesets/region-example-table.json")) {
            d = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(in, Descriptor.class);
        }
        assertThat(d.tables()).containsExactly("rulesets/region-example-table.csv");
        assertThat(d.testCases()).hasSizeGreaterThanOrEqualTo(9);
        long seed = 42;
        assertThat(RuleSetChecks.run(table, d.parameters(), d.testCases(), seed)).as("failures, seed " + seed).isEmpty();
    }
}

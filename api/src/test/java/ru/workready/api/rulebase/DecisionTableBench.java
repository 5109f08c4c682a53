package ru.workready.api.rulebase;

import ru.workready.data.rulesets.DecisionTables;
import ru.workready.data.rulesets.RuleSetCompiler;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.kie.api.KieBase;
import ru.workready.engine.assessments.EvidenceKind;
import ru.workready.engine.scoring.EvidenceFacts;
import ru.workready.engine.scoring.RuleSetChecks;

/**
 * What a decision table costs against the same policy written as DRL, measured in one run
 * (bench/decision-tables.sh): table → DRL, the whole upload compile, and evaluating evidence with the
 * compiled rule base; plus the size of the jars decision tables add to the application.
 */
public final class DecisionTableBench {
    private static final Map<String, Double> DRL_PARAMETERS = Map.of("staleAfterYears", 5.0,
            "championshipWeight", 4.0, "demoExamValidYears", 3.0);
    private static final Map<String, Double> TABLE_PARAMETERS = Map.of("staleAfterYears", 5.0);

    private DecisionTableBench() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String levels = text("/ru/workready/rules/defaultpolicy/levels.drl");
        String evidence = text("/ru/workready/rules/defaultpolicy/evidence.drl");
        Map<String, String> drlOnly = new LinkedHashMap<>();
        drlOnly.put("levels.drl", levels);
        drlOnly.put("evidence.drl", evidence);
        drlOnly.put("region.drl", text("/ru/workready/rules/regionexample/region.drl"));
        byte[] csv = DecisionTableFiles.resource("/rulesets/region-example-table.csv");
        byte[] xlsx = DecisionTableFiles.xlsx(DecisionTableFiles.exampleCells());
        RuleSetCompiler compiler = new RuleSetCompiler();
        Supplier<KieBase> table = () -> {
            Map<String, String> drl = new LinkedHashMap<>();
            drl.put("levels.drl", levels);
            drl.put("evidence.drl", evidence);
            drl.put("t.csv.drl", DecisionTables.toDrl("t.csv", csv).drl());
            return compiler.compile("bench-table", drl);
        };

        double csvToDrl = median(rounds * 5, () -> DecisionTables.toDrl("t.csv", csv));
        double xlsxToDrl = median(rounds * 5, () -> DecisionTables.toDrl("t.xlsx", xlsx));
        // DRL and table alternate round by round: the machine is shared, and noise then hits both alike
        double[] compile = compare(rounds, () -> compiler.compile("bench-drl", drlOnly), table::get);
        double compileDrl = compile[0];
        double compileTable = compile[1];
        System.out.printf("table → DRL: CSV %.2f ms, XLSX %.2f ms (median of %d)%n", csvToDrl, xlsxToDrl, rounds * 5);
        System.out.printf("upload compile: DRL %.1f ms, CSV table + DRL %.1f ms: ratio %.2f (median of %d)%n",
                compileDrl, compileTable, compileTable / compileDrl, rounds);

        KieBase byDrl = compiler.compile("bench-drl", drlOnly);
        KieBase byTable = table.get();
        List<List<EvidenceFacts>> students = students(2_000, new Random(20261125L));
        double[] scoring = compare(rounds, () -> evaluate(byDrl, DRL_PARAMETERS, students),
                () -> evaluate(byTable, TABLE_PARAMETERS, students));
        double drlScoring = scoring[0];
        double tableScoring = scoring[1];
        System.out.printf("evidence rules over %d students × 60 results: DRL %.1f ms, table %.1f ms: ratio %.2f%n",
                students.size(), drlScoring, tableScoring, tableScoring / drlScoring);

        long added = 0;
        for (String c : List.of("org.drools.decisiontable.SpreadsheetCompiler", "org.drools.template.DataProvider",
                "org.drools.drl.extensions.DecisionTableFactory")) {
            try {
                File jar = new File(Class.forName(c).getProtectionDomain().getCodeSource().getLocation().toURI());
                System.out.printf("  %s: %d KB%n", jar.getName(), jar.length() / 1024);
                added += jar.length();
            } catch (ReflectiveOperationException | java.net.URISyntaxException e) {
                System.out.println("  " + c + ": " + e);
            }
        }
        System.out.printf("jars added for decision tables: %d KB (POI was already there for XLSX uploads)%n",
                added / 1024);
    }

    private static List<List<EvidenceFacts>> students(int n, Random random) {
        EvidenceKind[] kinds = EvidenceKind.values();
        List<List<EvidenceFacts>> students = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            List<EvidenceFacts> evidence = new ArrayList<>();
            for (int i = 1; i <= 60; i++) {
                EvidenceKind k = kinds[random.nextInt(kinds.length)];
                evidence.add(new EvidenceFacts(i, "ПК " + (1 + i % 9) + "." + (1 + i % 4), k,
                        random.nextDouble() * 6, 1.0, k.defaultWeight(), 5, null, null));
            }
            students.add(evidence);
        }
        return students;
    }

    private static int evaluate(KieBase kb, Map<String, Double> parameters, List<List<EvidenceFacts>> students) {
        int excluded = 0;
        for (List<EvidenceFacts> evidence : students) {
            excluded += RuleSetChecks.evaluate(kb, parameters, List.of(), List.of(), evidence).excluded().size();
        }
        return excluded;
    }

    /** Medians of a and b, run alternately after a warm-up of each. */
    private static double[] compare(int rounds, Supplier<?> a, Supplier<?> b) {
        for (int i = 0; i < Math.max(3, rounds / 4); i++) {
            a.get();
            b.get();
        }
        double[] ta = new double[rounds];
        double[] tb = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            a.get();
            ta[i] = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            b.get();
            tb[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ta);
        Arrays.sort(tb);
        return new double[] {ta[rounds / 2], tb[rounds / 2]};
    }

    private static double median(int rounds, Supplier<?> work) {
        for (int i = 0; i < Math.max(3, rounds / 4); i++) {
            work.get(); // warm-up
        }
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[rounds / 2];
    }

    private static String text(String path) {
        return new String(DecisionTableFiles.resource(path), StandardCharsets.UTF_8);
    }
}

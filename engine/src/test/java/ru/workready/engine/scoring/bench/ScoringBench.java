package ru.workready.engine.scoring.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** Runs {@link ScoringBenchmark} and prints the ratios the targets are stated in (DESIGN §6). */
public final class ScoringBench {
    private ScoringBench() {
    }

    public static void main(String[] args) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(ScoringBenchmark.class.getName()).build()).run();
        Map<String, Double> us = new HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            us.put(name.substring(name.lastIndexOf('.') + 1), r.getPrimaryResult().getScore());
        }
        double perStudent = 1.0 / ScoringBenchmark.STUDENTS;
        double arithmetic = us.get("arithmetic") * perStudent;
        double baseline = us.get("baselineJava") * perStudent;
        double product = us.get("productRules") * perStudent;
        double rowsPerSecond = BenchData.EVIDENCE_PER_STUDENT / (arithmetic / 1e6);
        System.out.printf(Locale.ROOT, "%nper student (60 evidence rows, 16 ТФ): arithmetic %.1f µs, "
                + "Java baseline %.1f µs, rules %.1f µs%n", arithmetic, baseline, product);
        System.out.printf(Locale.ROOT, "arithmetic: %.0f evidence rows/s on one core (target ≥ 1,000,000)%n",
                rowsPerSecond);
        System.out.printf(Locale.ROOT, "rules / Java baseline = %.2f× (target ≤ 3×)%n", product / baseline);
    }
}

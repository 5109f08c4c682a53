package ru.workready.engine.scoring.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import ru.workready.engine.scoring.ReadinessEvaluator;
import ru.workready.engine.scoring.ScoringInput;

/** A quick interleaved timing of baseline and rules (no JMH), for a first look on a busy machine. */
public final class QuickBench {
    private QuickBench() {
    }

    public static void main(String[] args) {
        List<ScoringInput> students = BenchData.students(2000, 7);
        Map<String, Double> parameters = Map.of("staleAfterYears", 2.0);
        ReadinessEvaluator product = new ReadinessEvaluator(BenchData.defaultRules(), "default-1", parameters);
        ReadinessEvaluator baseline = new ReadinessEvaluator(new JavaPolicy(), "default-1", parameters);
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        for (int round = 0; round < rounds; round++) {
            long t0 = System.nanoTime();
            for (ScoringInput in : students) {
                baseline.evaluate(in);
            }
            long t1 = System.nanoTime();
            for (ScoringInput in : students) {
                product.evaluate(in);
            }
            long t2 = System.nanoTime();
            double b = (t1 - t0) / 1e3 / students.size();
            double p = (t2 - t1) / 1e3 / students.size();
            System.out.printf(Locale.ROOT, "round %d: baseline %.1f µs, rules %.1f µs per student, ratio %.2f%n",
                    round, b, p, p / b);
        }
    }
}

package ru.workready.engine.scoring.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import ru.workready.engine.scoring.Methodology;
import ru.workready.engine.scoring.ReadinessEvaluator;
import ru.workready.engine.scoring.ScoringInput;
import ru.workready.engine.scoring.StudentReadiness;

/**
 * Scoring one student (60 evidence rows, 16 ТФ): the arithmetic alone (mastery), the plain-Java
 * baseline (the evaluator with the policy as if/else) and the product (the same evaluator with the
 * `default` rules in one small session) — checked to give equal results. One benchmark operation = {@link #STUDENTS} students. Run by bench/scoring.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class ScoringBenchmark {
    static final int STUDENTS = 200;

    List<ScoringInput> students;
    ReadinessEvaluator product;
    ReadinessEvaluator baseline;
    Methodology methodology;

    @Setup(Level.Trial)
    public void setUp() {
        students = BenchData.students(STUDENTS, 7);
        Map<String, Double> parameters = Map.of("staleAfterYears", 2.0);
        product = new ReadinessEvaluator(BenchData.defaultRules(), "default-1", parameters);
        baseline = new ReadinessEvaluator(new JavaPolicy(), "default-1", parameters);
        methodology = Methodology.defaults();
        // the two must give the same results, or the comparison is meaningless
        for (ScoringInput in : students) {
            StudentReadiness rules = product.evaluate(in);
            StudentReadiness java = baseline.evaluate(in);
            if (!rules.equals(java)) {
                throw new IllegalStateException(in.studentId() + ": rules and Java differ\n" + rules + "\n" + java);
            }
        }
    }

    @Benchmark
    public void arithmetic(Blackhole bh) {
        for (ScoringInput in : students) {
            bh.consume(methodology.mastery(in.evidence()));
        }
    }

    @Benchmark
    public void baselineJava(Blackhole bh) {
        for (ScoringInput in : students) {
            bh.consume(baseline.evaluate(in));
        }
    }

    @Benchmark
    public void productRules(Blackhole bh) {
        for (ScoringInput in : students) {
            bh.consume(product.evaluate(in));
        }
    }
}

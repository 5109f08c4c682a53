package ru.workready.rules.defaultpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ru.workready.engine.scoring.CriticalOutcome;
import ru.workready.engine.scoring.FunctionFacts;
import ru.workready.engine.scoring.LevelDecision;
import ru.workready.engine.scoring.ReadinessLevel;

/**
 * Property: for any facts, the rules decide exactly one level per function, and it is the level
 * DESIGN §3 step 6 describes (a plain-Java oracle). Several functions share one session, so a
 * wrong join between a function and its critical outcomes would show too.
 */
class ExclusivityPropertyTest {

    private static final double[] READINESS = {0.0, 0.25, 0.49999, 0.5, 0.6, 0.74999, 0.75, 0.9, 1.0};
    private static final double[] COVERAGE = {0.0, 0.3, 0.59999, 0.6, 0.8, 1.0};
    private static final double[] MASTERY = {0.0, 0.3, 0.49999, 0.5, 0.8, 1.0};

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void exactlyOneDecisionPerFunctionAndItIsTheDesignedOne(long seed) {
        Random random = new Random(seed);
        int programmeLevel = 3 + random.nextInt(3);
        int n = 1 + random.nextInt(6);
        List<FunctionFacts> functions = new ArrayList<>();
        List<CriticalOutcome> critical = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String code = "A/0" + (i + 1) + "." + programmeLevel;
            boolean mapped = random.nextInt(8) != 0;
            functions.add(new FunctionFacts("06.001", "A", code, 2 + random.nextInt(5), programmeLevel, mapped,
                    mapped ? pick(random, READINESS) : 0.0, mapped ? pick(random, COVERAGE) : 0.0,
                    random.nextInt(6) == 0));
            int criticalCount = mapped ? random.nextInt(4) : 0;
            for (int k = 0; k < criticalCount; k++) {
                boolean evidenced = random.nextInt(4) != 0;
                critical.add(new CriticalOutcome(code, "ПК " + (k + 1), evidenced,
                        evidenced ? pick(random, MASTERY) : 0.0));
            }
        }
        if (random.nextBoolean()) {
            // a weak critical outcome of a function that is not in the session must not matter
            critical.add(new CriticalOutcome("Z/99.9", "ПК 9", false, 0.0));
        }

        RuleHarness.Result result = RuleHarness.run(functions, critical);

        for (FunctionFacts f : functions) {
            List<LevelDecision> ds = result.decisionsFor(f.code());
            String context = "seed " + seed + ", " + f + ", critical " + critical;
            assertThat(ds).as("decisions for " + context).hasSize(1);
            Expected expected = oracle(f, critical);
            assertThat(ds.get(0).level()).as("level for " + context).isEqualTo(expected.level);
            assertThat(ds.get(0).rule()).as("rule for " + context).isEqualTo(expected.rule);
            assertThat(result.firedByFunction().get(f.code())).as("fired for " + context)
                    .containsExactly(expected.rule);
        }
        assertThat(result.decisions()).as("seed " + seed).hasSize(functions.size());
    }

    private record Expected(ReadinessLevel level, String rule) {
    }

    private static Expected oracle(FunctionFacts f, List<CriticalOutcome> critical) {
        if (f.certified()) {
            return new Expected(ReadinessLevel.READY, "Certified by independent assessment");
        }
        if (f.qualificationLevel() > f.programmeLevel()) {
            return new Expected(ReadinessLevel.ABOVE_PROGRAMME_LEVEL, "Above programme level");
        }
        if (!f.mapped()) {
            return new Expected(ReadinessLevel.UNMAPPED, "Unmapped function");
        }
        if (f.coverage() < 0.6) {
            return new Expected(ReadinessLevel.INSUFFICIENT_EVIDENCE, "Insufficient evidence");
        }
        if (f.readiness() >= 0.75) {
            boolean weakCritical = critical.stream().anyMatch(c -> c.functionCode().equals(f.code())
                    && (!c.evidenced() || c.mastery() < 0.5));
            return weakCritical
                    ? new Expected(ReadinessLevel.PARTIALLY_READY, "Critical outcome caps at partially ready")
                    : new Expected(ReadinessLevel.READY, "Ready");
        }
        if (f.readiness() >= 0.5) {
            return new Expected(ReadinessLevel.PARTIALLY_READY, "Partially ready");
        }
        return new Expected(ReadinessLevel.NOT_READY, "Not ready");
    }

    private static double pick(Random random, double[] values) {
        // half the time a boundary-ish value, half the time anything in [0, 1]
        return random.nextBoolean() ? values[random.nextInt(values.length)] : random.nextDouble();
    }
}

package ru.workready.engine.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ru.workready.engine.outcomes.ValidityAnalysis.Figure;
import ru.workready.engine.outcomes.ValidityAnalysis.Reading;
import ru.workready.engine.outcomes.ValidityAnalysis.Settings;
import ru.workready.engine.outcomes.ValidityAnalysis.Verdict;

/**
 * The validity figures: a fixed table by hand, seeded simulations with and without an effect, too-thin evidence and
 * small-group suppression.
 */
class ValidityAnalysisTest {
    private static final List<String> LEVELS = List.of("READY", "PARTIALLY_READY", "INSUFFICIENT_EVIDENCE", "NOT_READY");
    private static final Settings OPEN = new Settings(10, false, 20261205L, 1000);

    private static List<Reading> table(int readyYes, int readyNo, int partialYes, int partialNo) {
        List<Reading> r = new ArrayList<>();
        add(r, "READY", true, 3, true, readyYes);
        add(r, "READY", true, 3, false, readyNo);
        add(r, "PARTIALLY_READY", false, 2, true, partialYes);
        add(r, "PARTIALLY_READY", false, 2, false, partialNo);
        return r;
    }

    private static void add(List<Reading> r, String group, boolean high, double score, boolean outcome, int times) {
        for (int i = 0; i < times; i++) {
            r.add(new Reading(group, high, score, outcome));
        }
    }

    @Test
    void aFixedTableByHand() {
        // READY 16 of 20 employed in specialty, PARTIALLY_READY 6 of 20
        Figure f = ValidityAnalysis.figure("A/01.3", table(16, 4, 6, 14), LEVELS, OPEN);
        assertThat(f.graduates()).isEqualTo(40);
        assertThat(f.highGraduates()).isEqualTo(20);
        assertThat(f.withOutcome()).isEqualTo(22);
        assertThat(f.groups().get(0).rate().estimate()).isEqualTo(0.8);
        assertThat(f.groups().get(0).rate().low()).isCloseTo(0.58398, within(5e-5));
        assertThat(f.groups().get(1).rate().estimate()).isEqualTo(0.3);
        assertThat(f.groups().get(2).graduates()).isZero();
        assertThat(f.highVsLow().estimate()).isCloseTo(0.5, within(1e-12));
        assertThat(f.highVsLow().low()).isGreaterThan(0);
        // AUC with two tied scores: (16·14 + ½(16·4 + 6·14)) / (22·18) = (224 + 74) / 396
        assertThat(f.auc().estimate()).isCloseTo(298.0 / 396, within(1e-12));
        assertThat(f.verdict()).isEqualTo(Verdict.PREDICTS);
    }

    @Test
    void unrankedReadingsCountInTheRatesButNotInTheAuc() {
        List<Reading> r = table(16, 4, 6, 14);
        // 10 graduates with too little evidence to judge, all employed in the specialty: a rate, no rank
        add(r, "INSUFFICIENT_EVIDENCE", false, Double.NaN, true, 10);
        Figure f = ValidityAnalysis.figure("A/01.3", r, LEVELS, OPEN);
        assertThat(f.graduates()).isEqualTo(50);
        assertThat(f.groups().get(2).rate().estimate()).isEqualTo(1.0);
        assertThat(f.lowGraduates()).isEqualTo(30);
        assertThat(f.auc().estimate()).isCloseTo(298.0 / 396, within(1e-12));
    }

    @Test
    void noDifferenceIsNoPrediction() {
        Figure f = ValidityAnalysis.figure("A/02.3", table(10, 10, 10, 10), LEVELS, OPEN);
        assertThat(f.highVsLow().estimate()).isZero();
        assertThat(f.auc().estimate()).isEqualTo(0.5);
        assertThat(f.verdict()).isEqualTo(Verdict.PREDICTS_NOTHING);
    }

    @Test
    void tooThinGivesNoNumberButTheCounts() {
        Figure f = ValidityAnalysis.figure("A/03.3", table(8, 1, 2, 9), LEVELS, OPEN);
        assertThat(f.verdict()).isEqualTo(Verdict.TOO_THIN);
        assertThat(f.highVsLow()).isNull();
        assertThat(f.auc()).isNull();
        assertThat(f.highGraduates()).isEqualTo(9);
        assertThat(f.lowGraduates()).isEqualTo(11);
    }

    @Test
    void suppressionWithholdsRatesThatDescribeFewerThanFive() {
        Settings suppressed = new Settings(5, true, 1, 200);
        // READY: 3 of 12 employed in specialty (3 would be recoverable); PARTIALLY_READY: 9 of 14
        Figure f = ValidityAnalysis.figure("B/01.4", table(3, 9, 9, 5), LEVELS, suppressed);
        assertThat(f.groups().get(0).rate()).isNull();
        assertThat(f.groups().get(0).withOutcome()).isNull();
        assertThat(f.groups().get(0).withheld()).contains("fewer than 5");
        assertThat(f.groups().get(1).rate().estimate()).isCloseTo(9.0 / 14, within(1e-12));
        assertThat(f.highVsLow()).isNull();
        assertThat(f.auc()).isNotNull();
        // a group of 1–4 graduates: not even its size
        Figure g = ValidityAnalysis.figure("B/02.4", table(2, 1, 9, 8), LEVELS, suppressed);
        assertThat(g.groups().get(0).graduates()).isNull();
        assertThat(g.highGraduates()).isNull();
        assertThat(g.lowGraduates()).isEqualTo(17);
        // the same tables for the graduates' own college: everything
        Figure own = ValidityAnalysis.figure("B/01.4", table(3, 9, 9, 5), LEVELS, new Settings(5, false, 1, 200));
        assertThat(own.groups().get(0).rate().estimate()).isEqualTo(0.25);
        assertThat(own.highVsLow()).isNotNull();
    }

    /** Seeds of the simulations; each prints its seed. */
    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 8).mapToObj(i -> 20261205L * 31 + i);
    }

    /**
     * A cohort of 300 whose levels are drawn at random; employment in specialty follows READY (70 % against 35 %) in
     * one ТФ and nothing in the other.
     */
    private static List<Reading> simulate(Random random, int graduates, double ifReady, double otherwise) {
        List<Reading> r = new ArrayList<>();
        for (int i = 0; i < graduates; i++) {
            String level = LEVELS.get(random.nextInt(LEVELS.size()));
            boolean ready = level.equals("READY");
            boolean outcome = random.nextDouble() < (ready ? ifReady : otherwise);
            r.add(new Reading(level, ready, strength(level), outcome));
        }
        return r;
    }

    private static double strength(String level) {
        // ReadinessLevel.strength(): READY 3, PARTIALLY_READY 2, INSUFFICIENT_EVIDENCE 1, NOT_READY 0
        return 3 - LEVELS.indexOf(level);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aKnownEffectIsFound(long seed) {
        System.out.println("ValidityAnalysisTest effect seed " + seed);
        Figure f = ValidityAnalysis.figure("effect", simulate(new Random(seed), 300, 0.70, 0.35), LEVELS,
                new Settings(10, false, seed, 500));
        assertThat(f.verdict()).isEqualTo(Verdict.PREDICTS);
        assertThat(f.highVsLow().covers(0.35)).isTrue();
        assertThat(f.auc().low()).isGreaterThan(0.5);
    }

    @Test
    void withoutAnEffectItRarelyClaimsOne() {
        // 200 cohorts where employment ignores readiness: the verdict should say "predicts nothing" nearly always
        // (a 95 % interval: about 5 % false alarms)
        Random random = new Random(20261205L);
        int alarms = 0;
        for (int run = 0; run < 200; run++) {
            Figure f = ValidityAnalysis.figure("random", simulate(random, 200, 0.5, 0.5), LEVELS,
                    new Settings(10, false, run, 300));
            if (f.verdict() != Verdict.PREDICTS_NOTHING) {
                alarms++;
            }
        }
        System.out.println("ValidityAnalysisTest: " + alarms + " false alarms in 200 null cohorts");
        assertThat(alarms).isLessThanOrEqualTo(16);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomEmploymentPredictsNothing(long seed) {
        System.out.println("ValidityAnalysisTest null seed " + seed);
        Figure f = ValidityAnalysis.figure("random", simulate(new Random(seed), 300, 0.5, 0.5), LEVELS,
                new Settings(10, false, seed, 500));
        assertThat(f.verdict()).isEqualTo(Verdict.PREDICTS_NOTHING);
        assertThat(f.auc().covers(0.5)).isTrue();
    }
}

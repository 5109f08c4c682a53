package ru.workready.engine.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** AUC (Mann–Whitney with ties) on small tables counted by hand, and its seeded bootstrap interval. */
class RocAucTest {

    @Test
    void tiesCountOneHalf() {
        // pairs (positive, negative): 3 beats all four = 4; each 2 ties one 2 and beats 1, 1, 0 = 3.5, twice = 7
        // → 11 of 3 × 4 = 12 pairs
        assertThat(RocAuc.auc(new double[] {3, 2, 2}, new double[] {2, 1, 1, 0})).isCloseTo(11.0 / 12, within(1e-12));
    }

    @Test
    void levelsOnlyTieMuch() {
        // READY = 3, PARTIALLY_READY = 2: positives 3,3,2 negatives 3,2,2,2
        // 3: tie 1 (0.5) + beats 3 = 3.5, twice = 7; 2: ties 3 (1.5) = 1.5 → 8.5 of 12
        assertThat(RocAuc.auc(new double[] {3, 3, 2}, new double[] {3, 2, 2, 2})).isCloseTo(8.5 / 12, within(1e-12));
    }

    @Test
    void extremes() {
        assertThat(RocAuc.auc(new double[] {1, 1}, new double[] {1, 1, 1})).isEqualTo(0.5);
        assertThat(RocAuc.auc(new double[] {5, 4}, new double[] {1, 2, 3})).isEqualTo(1.0);
        assertThat(RocAuc.auc(new double[] {0}, new double[] {1, 2})).isEqualTo(0.0);
    }

    @Test
    void theBootstrapIsSeededAndSurroundsTheEstimate() {
        double[] p = {3, 3, 2, 3, 1, 2, 3, 3, 0, 2};
        double[] q = {1, 2, 0, 3, 1, 1, 0, 2, 1, 0};
        Interval a = RocAuc.withInterval(p, q, 42, 2000);
        Interval b = RocAuc.withInterval(p, q, 42, 2000);
        assertThat(a).isEqualTo(b);
        assertThat(a.estimate()).isCloseTo(RocAuc.auc(p, q), within(1e-12));
        assertThat(a.low()).isLessThan(a.estimate());
        assertThat(a.high()).isGreaterThan(a.estimate());
        assertThat(a.low()).isGreaterThan(0.5);
        // perfect separation stays perfect in every resample
        Interval perfect = RocAuc.withInterval(new double[] {2, 3}, new double[] {0, 1}, 7, 200);
        assertThat(perfect.low()).isEqualTo(1.0);
    }

    @Test
    void aPairedDifferenceSeesTheBetterScore() {
        // b separates perfectly, a tells nothing: AUC 1.0 against 0.5
        boolean[] outcome = {true, true, true, true, true, true, false, false, false, false, false, false};
        double[] a = {1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0};
        double[] b = {2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1};
        Interval d = RocAuc.pairedDifference(a, b, outcome, 11, 1000);
        assertThat(d.estimate()).isCloseTo(0.5, within(1e-12));
        assertThat(d.low()).isGreaterThan(0);
        Interval same = RocAuc.pairedDifference(a, a, outcome, 11, 200);
        assertThat(same.low()).isZero();
        assertThat(same.high()).isZero();
    }

    @Test
    void quantilesInterpolate() {
        assertThat(RocAuc.quantile(new double[] {0, 1, 2, 3, 4}, 0.5)).isEqualTo(2.0);
        assertThat(RocAuc.quantile(new double[] {0, 10}, 0.25)).isEqualTo(2.5);
    }
}

package ru.workready.engine.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Wilson and Newcombe intervals against values computed by hand and published (Newcombe 1998, table II). */
class ProportionsTest {

    @Test
    void wilsonOfEightInTen() {
        // centre (0.8 + z²/20) / (1 + z²/10) = 0.71674; half z/(1 + z²/10) · √(0.016 + z²/400) = 0.22658
        Interval i = Proportions.wilson(8, 10);
        assertThat(i.estimate()).isEqualTo(0.8);
        assertThat(i.low()).isCloseTo(0.49016, within(5e-5));
        assertThat(i.high()).isCloseTo(0.94332, within(5e-5));
    }

    @Test
    void wilsonAtTheEdgesStaysInsideZeroOne() {
        Interval none = Proportions.wilson(0, 10);
        assertThat(none.low()).isEqualTo(0.0);
        assertThat(none.high()).isCloseTo(0.27753, within(5e-5));
        Interval all = Proportions.wilson(10, 10);
        assertThat(all.low()).isCloseTo(0.72247, within(5e-5));
        assertThat(all.high()).isEqualTo(1.0);
        // one graduate of one: an interval almost as wide as it can be
        assertThat(Proportions.wilson(1, 1).low()).isCloseTo(0.20654, within(5e-5));
    }

    @Test
    void wilsonOfHalfIsSymmetric() {
        Interval i = Proportions.wilson(20, 40);
        assertThat(0.5 - i.low()).isCloseTo(i.high() - 0.5, within(1e-12));
        assertThat(i.low()).isCloseTo(0.35199, within(5e-5));
    }

    @Test
    void newcombeDifferencesAsPublished() {
        Interval a = Proportions.difference(56, 70, 48, 80);
        assertThat(a.estimate()).isCloseTo(0.2, within(1e-12));
        assertThat(a.low()).isCloseTo(0.0524, within(5e-4));
        assertThat(a.high()).isCloseTo(0.3339, within(5e-4));
        Interval b = Proportions.difference(9, 10, 3, 10);
        assertThat(b.low()).isCloseTo(0.1705, within(5e-4));
        assertThat(b.high()).isCloseTo(0.8090, within(5e-4));
    }

    @Test
    void refusesImpossibleCounts() {
        assertThatThrownBy(() -> Proportions.wilson(3, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Proportions.wilson(4, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}

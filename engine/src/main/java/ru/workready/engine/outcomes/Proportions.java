package ru.workready.engine.outcomes;

/**
 * Rates with 95 % intervals. Wilson's score interval stays inside [0, 1] and keeps its coverage for small groups
 * and rates near 0 or 1, where the textbook p ± 1.96·√(p(1−p)/n) does not. A difference of two independent rates
 * gets Newcombe's hybrid score interval (method 10 of Newcombe 1998), built from the two Wilson intervals.
 */
public final class Proportions {
    /** The 97.5 % quantile of the standard normal distribution. */
    public static final double Z = 1.959963984540054;

    private Proportions() {
    }

    /** The rate successes / n with its Wilson 95 % interval; n must be positive. */
    public static Interval wilson(long successes, long n) {
        if (n <= 0 || successes < 0 || successes > n) {
            throw new IllegalArgumentException("need 0 ≤ successes ≤ n and n > 0, got " + successes + " of " + n);
        }
        double p = (double) successes / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        // at 0 and n the bound is exactly 0 or 1 (the formula gives it up to rounding)
        return new Interval(p, successes == 0 ? 0 : Math.max(0, centre - half),
                successes == n ? 1 : Math.min(1, centre + half));
    }

    /** The difference of rates a − b (a = s1/n1, b = s2/n2) with Newcombe's 95 % interval. */
    public static Interval difference(long s1, long n1, long s2, long n2) {
        Interval a = wilson(s1, n1);
        Interval b = wilson(s2, n2);
        double d = a.estimate() - b.estimate();
        double low = d - Math.sqrt(sq(a.estimate() - a.low()) + sq(b.high() - b.estimate()));
        double high = d + Math.sqrt(sq(a.high() - a.estimate()) + sq(b.estimate() - b.low()));
        return new Interval(d, Math.max(-1, low), Math.min(1, high));
    }

    private static double sq(double x) {
        return x * x;
    }
}

package ru.workready.engine;

import org.jspecify.annotations.Nullable;

/**
 * The API's numbers: scores, shares and fits are published with 4 decimals, rounded half up
 * ({@link Math#round}: ties toward positive infinity), the one rule every report, page and endpoint
 * uses so that the same value never prints two ways.
 */
public final class Decimals {
    private static final double SCALE = 10_000.0;

    private Decimals() {
    }

    /** The value rounded to 4 decimals. */
    public static double four(double v) {
        return Math.round(v * SCALE) / SCALE;
    }

    /** As {@link #four(double)}; null stays null. */
    public static @Nullable Double fourOrNull(@Nullable Double v) {
        return v == null ? null : four(v);
    }
}

package ru.workready.data.outcomes;

import org.jspecify.annotations.Nullable;
import ru.workready.engine.outcomes.Interval;

/** An interval's parts for export cells, rounded to four places; empty cells for no interval. */
public final class Intervals {
    private Intervals() {
    }

    public static @Nullable Double estimate(@Nullable Interval i) {
        return i == null ? null : round(i.estimate());
    }

    public static @Nullable Double low(@Nullable Interval i) {
        return i == null ? null : round(i.low());
    }

    public static @Nullable Double high(@Nullable Interval i) {
        return i == null ? null : round(i.high());
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}

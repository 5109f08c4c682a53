package ru.workready.data.outcomes;

import static ru.workready.engine.Decimals.four;

import org.jspecify.annotations.Nullable;
import ru.workready.engine.outcomes.Interval;

/** An interval's parts for export cells, rounded to four places; empty cells for no interval. */
public final class Intervals {
    private Intervals() {
    }

    public static @Nullable Double estimate(@Nullable Interval i) {
        return i == null ? null : four(i.estimate());
    }

    public static @Nullable Double low(@Nullable Interval i) {
        return i == null ? null : four(i.low());
    }

    public static @Nullable Double high(@Nullable Interval i) {
        return i == null ? null : four(i.high());
    }
}

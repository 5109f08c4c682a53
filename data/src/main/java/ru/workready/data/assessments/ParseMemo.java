package ru.workready.data.assessments;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** A bounded cache of parse results (null results included), so memory stays flat on any file. */
final class ParseMemo<T> {
    private static final int MAX = 10_000;
    private final Map<String, Optional<T>> values = new HashMap<>();

    @Nullable T get(String text, Function<String, @Nullable T> parse) {
        Optional<T> v = values.get(text);
        if (v == null) {
            v = Optional.ofNullable(parse.apply(text));
            if (values.size() < MAX) {
                values.put(text, v);
            }
        }
        return v.orElse(null);
    }
}

package ru.workready.data.employers;

import org.jspecify.annotations.Nullable;

/**
 * Which students a query is about: college region, college code, programme (ФГОС code) and
 * graduation year; null means any.
 */
public record CohortFilter(@Nullable String region, @Nullable String college, @Nullable String programme,
                           @Nullable Integer year) {
    public static final CohortFilter ANY = new CohortFilter(null, null, null, null);
}

package ru.workready.data.outcomes;

import org.jspecify.annotations.Nullable;

/**
 * Which graduates a query or report covers: any of college, ФГОС code, region (code or name) and graduation years
 * may be left open. Reports echo it, so it is a value of its own rather than a repository's.
 */
public record GraduateCohort(@Nullable String college, @Nullable String fgos, @Nullable String region,
                             @Nullable Integer fromYear, @Nullable Integer toYear) {
}

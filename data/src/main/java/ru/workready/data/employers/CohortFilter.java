package ru.workready.data.employers;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which students a query is about: college region, college code, programme (ФГОС code) and
 * graduation year; null means any. {@code onlyProgrammes}: when not null, only students of these
 * programmes (ids) — how the filter to mappings that passed employer expertise reaches the SQL
 * (see {@link MappingExpertiseOfCohorts}); not shown in answers, which name the filter instead.
 */
public record CohortFilter(@Nullable String region, @Nullable String college, @Nullable String programme,
                           @Nullable Integer year, @JsonIgnore @Nullable List<Long> onlyProgrammes) {
    public static final CohortFilter ANY = new CohortFilter(null, null, null, null);

    public CohortFilter(@Nullable String region, @Nullable String college, @Nullable String programme,
                        @Nullable Integer year) {
        this(region, college, programme, year, null);
    }

    public CohortFilter {
        onlyProgrammes = onlyProgrammes == null ? null : List.copyOf(onlyProgrammes);
    }

    /** The same filter, restricted to students of these programmes. */
    public CohortFilter onlyProgrammes(List<Long> programmeIds) {
        return new CohortFilter(region, college, programme, year, programmeIds);
    }
}

package ru.workready.api.employers;

import ru.workready.data.ProblemType;
import ru.workready.data.colleges.Regions;

import io.swagger.v3.oas.annotations.Parameter;
import org.jspecify.annotations.Nullable;
import ru.workready.data.employers.CohortFilter;

/** Which students an employer query covers, as the query parameters of every such endpoint; blank means any. */
record CohortQuery(@Parameter(description = "region of the college") @Nullable String region,
                   @Parameter(description = "college code") @Nullable String college,
                   @Parameter(description = "ФГОС code of the programme") @Nullable String programme,
                   @Parameter(description = "graduation year") @Nullable Integer year,
                   @Parameter(description = "YYYY-MM-DD: readiness as of the end of that day; graduation: as of each "
                           + "student's graduation date (30 June of the graduation year). Computed with today's rule "
                           + "set and mapping, not stored; students not graduated by then are left out and counted")
                   @Nullable String asOf,
                   @Parameter(description = "passed: only students whose programme's active mapping to the standard "
                           + "(every standard of a profile) passed employer expertise; applied before small-cell "
                           + "suppression") @Nullable String expertise) {

    /** Whether the query asks for mappings that passed employer expertise only (400 for another value). */
    boolean passedExpertiseOnly() {
        if (expertise == null || expertise.isBlank()) {
            return false;
        }
        if (!"passed".equals(expertise.strip())) {
            throw new ru.workready.data.InvalidInputException(ProblemType.INVALID_PARAMETER, "expertise must be passed",
                    java.util.List.of(new ru.workready.data.InvalidInputException.Problem(null, "expertise", expertise,
                            "the only value is passed")), 1);
        }
        return true;
    }

    /** region: a region's code or official name (GET /api/regions). */
    CohortFilter filter(Regions regions) {
        return new CohortFilter(regions.canonical(region), blankToNull(college), blankToNull(programme), year);
    }

    /** The day the students are scored as of; null: today's stored scores. */
    ru.workready.data.reports.ReportParameters.@Nullable CohortAsOf day() {
        return asOf == null || asOf.isBlank() ? null : ru.workready.data.reports.ReportParameters.CohortAsOf.parse(asOf);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

package ru.workready.api.reports;

import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.workready.data.reports.ReportParameters.ProgrammeSelector;

/**
 * What a report is about, as the query parameters every report takes: the programme by
 * {@code programme=<id>} or by {@code college}, {@code fgos} and {@code year}; {@code standard}
 * one or more codes (default: every standard the programme is mapped to).
 */
record ReportQuery(
        @Parameter(description = "programme id; or choose the programme by college, fgos and year") @Nullable Long programme,
        @Parameter(description = "college code") @Nullable String college,
        @Parameter(description = "ФГОС code of the programme, e.g. 09.02.07") @Nullable String fgos,
        @Parameter(description = "year of intake") @Nullable Integer year,
        @Parameter(description = "standard code(s); default: every standard the programme is mapped to")
        @Nullable List<String> standard) {

    ProgrammeSelector selector() {
        return new ProgrammeSelector(programme, college, fgos, year);
    }

    List<String> standards() {
        return standard == null ? List.of() : standard;
    }
}

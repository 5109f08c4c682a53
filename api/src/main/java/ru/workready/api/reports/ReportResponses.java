package ru.workready.api.reports;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import ru.workready.api.downloads.Downloads;
import ru.workready.data.InvalidInputException;
import ru.workready.data.ProblemType;
import ru.workready.data.reports.ReportExports;
import ru.workready.data.reports.Tabular;

/** A report as JSON, or as a CSV / XLSX download ({@code format=json|csv|xlsx}). */
public final class ReportResponses {
    private ReportResponses() {
    }

    /** Validates the format before computing, then answers JSON or a download. */
    public static ResponseEntity<?> respond(String format, Supplier<? extends Tabular> report) {
        String f = format.strip().toLowerCase(Locale.ROOT);
        if (!List.of("json", "csv", "xlsx").contains(f)) {
            throw new InvalidInputException(ProblemType.INVALID_REPORT_PARAMETER,
                    "Invalid report parameter 'format': must be "
                    + "json, csv or xlsx", List.of(new InvalidInputException.Problem(null, "format", format,
                    "must be json, csv or xlsx")), 1);
        }
        Tabular r = report.get();
        if (f.equals("json")) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(r);
        }
        String name = r.downloadName() + "." + f;
        return f.equals("csv") ? Downloads.attachment(Downloads.CSV, name, ReportExports.csv(r))
                : Downloads.attachment(Downloads.XLSX, name, ReportExports.xlsx(r));
    }
}

package ru.workready.data.students;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.workready.data.Inputs;
import ru.workready.data.assessments.CopyWriter;
import ru.workready.data.assessments.UploadFindings;
import ru.workready.data.assessments.UploadLoader;
import ru.workready.data.csv.CsvReader;

/**
 * Checks each roster row on its own (required ids, year, consent and its date) and COPYs it into the staging
 * table; the checks that need the whole file and the move into {@code student} are {@link RosterUploadService}'s.
 */
final class RosterStager implements UploadLoader.Stager {
    private static final Set<String> YES = Set.of("true", "yes", "да", "1", "y", "д", "+");
    private static final Set<String> NO = Set.of("false", "no", "нет", "0", "n", "н", "-");

    private final RosterUploadService roster;
    private final long uploadId;
    private final long collegeId;
    private final String collegeCode;
    private final Map<String, Integer> counts = new HashMap<>();

    RosterStager(RosterUploadService roster, long uploadId, long collegeId, String collegeCode) {
        this.roster = roster;
        this.uploadId = uploadId;
        this.collegeId = collegeId;
        this.collegeCode = collegeCode;
    }

    @Override
    public String copySql() {
        return "copy roster_staging from stdin";
    }

    @Override
    public UploadLoader.SetProblems setProblems(JdbcClient jdbc, int limit) {
        return roster.setProblems(jdbc, collegeId, collegeCode, limit);
    }

    @Override
    public UploadLoader.Moved move(JdbcClient jdbc, long stagedRows) {
        // work_mem for this transaction only: the move sorts the whole file once, better in memory
        jdbc.sql("set local work_mem = '512MB'").update();
        return roster.move(jdbc, uploadId, collegeId, collegeCode, stagedRows);
    }

    @Override
    public void stage(CsvReader.Row row, CopyWriter out, UploadFindings findings) {
        int n = row.number();
        String id = row.get("student_id");
        if (id == null) {
            findings.problem(n, "student_id", null, "required");
        }
        String programme = row.get("programme");
        if (programme == null) {
            findings.problem(n, "programme", null, "required (the ФГОС code, e.g. 09.02.07)");
        }
        Integer year = intakeYear(row, findings);
        Boolean consent = consent(row, findings);
        String dateText = row.get("consent_date");
        LocalDate date = consentDate(row, findings);
        if (Boolean.TRUE.equals(consent) && date == null && dateText == null) {
            findings.problem(n, "consent_date", null, "required when employer_consent is yes");
        }
        out.value(n).text(id).text(programme).value(year).text(row.get("group")).text(row.get("last_name"))
                .text(row.get("first_name")).text(row.get("middle_name")).value(consent).value(date);
        out.endRow();
    }

    @Override
    public Map<String, Integer> counts() {
        return counts;
    }

    private static @Nullable Integer intakeYear(CsvReader.Row row, UploadFindings findings) {
        String yearText = row.get("intake_year");
        if (yearText == null) {
            return null;
        }
        try {
            int year = Integer.parseInt(yearText);
            if (Inputs.inRange(year)) {
                return year;
            }
            findings.problem(row.number(), "intake_year", yearText, Inputs.YEAR_REASON);
        } catch (NumberFormatException e) {
            findings.problem(row.number(), "intake_year", yearText, "not a year");
        }
        return null;
    }

    /** Yes or no in either language; no when the column is empty, null (a problem) when unreadable. */
    private static @Nullable Boolean consent(CsvReader.Row row, UploadFindings findings) {
        String consentText = row.get("employer_consent");
        if (consentText == null) {
            return false;
        }
        String v = consentText.toLowerCase(Locale.ROOT);
        Boolean consent = YES.contains(v) ? Boolean.TRUE : NO.contains(v) ? Boolean.FALSE : null;
        if (consent == null) {
            findings.problem(row.number(), "employer_consent", consentText, "expected yes/no (да/нет, true/false)");
        }
        return consent;
    }

    private static @Nullable LocalDate consentDate(CsvReader.Row row, UploadFindings findings) {
        String dateText = row.get("consent_date");
        if (dateText == null) {
            return null;
        }
        LocalDate date = Inputs.parseDate(dateText);
        if (date == null) {
            findings.problem(row.number(), "consent_date", dateText, "not a date (expected YYYY-MM-DD or DD.MM.YYYY)");
        } else if (!Inputs.inRange(date)) {
            findings.problem(row.number(), "consent_date", dateText, Inputs.DATE_REASON);
            return null;
        }
        return date;
    }
}

package ru.workready.data.assessments;

import org.jspecify.annotations.Nullable;
import ru.workready.data.csv.CsvReader;

/** The problems of one row as they are found: each goes to the file's findings, and marks the row bad. */
final class RowProblems implements ResultRowCheck.Problems {
    final CsvReader.Row row;
    final UploadFindings findings;
    boolean bad;

    RowProblems(CsvReader.Row row, UploadFindings findings) {
        this.row = row;
        this.findings = findings;
    }

    @Nullable String required(String column) {
        String v = row.get(column);
        if (v == null) {
            problem(column, null, "required");
        }
        return v;
    }

    @Override
    public void problem(ResultField field, @Nullable String value, String reason) {
        problem(field.column(), value, reason);
    }

    void problem(String column, @Nullable String value, String reason) {
        bad = true;
        findings.problem(row.number(), column, value, reason);
    }
}

package ru.workready.data.assessments;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.csv.CsvReader;

/**
 * The part of an upload that depends on what it carries: the row checks done while streaming
 * into the staging table, the set-based checks in SQL, and the move into the real tables.
 */
public interface UploadLoader {

    UploadKind kind();

    /** Last segment of the problem type URI of a rejected upload. */
    String problemType();

    List<String> requiredColumns();

    /** Creates the staging table: temporary, dropped at commit, so a failure leaves nothing behind. */
    String stagingDdl();

    /** The {@code COPY ... FROM STDIN} into the staging table. */
    String copySql();

    /** A fresh row checker for one upload. */
    Stager stager(long collegeId, String collegeCode);

    /** Problems found by joins over the whole staging table (at most {@code limit} listed, all counted). */
    SetProblems setProblems(JdbcClient jdbc, long collegeId, String collegeCode, int limit);

    /**
     * Moves the rows that pass the set-based checks into the real tables, in the upload's
     * transaction. If fewer rows moved than were staged, some row failed a check: the caller then
     * asks {@link #setProblems} which, and rolls everything back. (The happy path so makes one
     * pass over the staging table instead of two.)
     */
    Moved move(JdbcClient jdbc, long uploadId, long collegeId, long stagedRows);

    /** Checks rows and writes each one to the staging COPY (nulls where a value is bad). */
    interface Stager {
        void stage(CsvReader.Row row, CopyWriter out, Findings findings);

        /** Rows per kind (assessments: evidence kind; roster: new or updated). */
        Map<String, Integer> counts();
    }

    record SetProblems(List<Problem> listed, long total) {
    }

    /**
     * What the move stored: rows, the students it touched (listed up to a cap) and how many, and
     * counts that only the move knows (else the stager's counts are the upload's).
     */
    record Moved(long rows, List<String> students, int studentCount, Map<String, Integer> counts) {
    }
}

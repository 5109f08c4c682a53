package ru.workready.data.assessments;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.ProblemType;
import ru.workready.data.csv.CsvReader;

/**
 * The part of an upload that depends on what it carries: the row checks done while streaming
 * into a {@code COPY}, the set-based checks in SQL (if any), and the move into the real tables.
 * A loader may COPY into a staging table and move from there (rosters), or check every row in
 * Java against look-ups loaded once per upload and COPY straight into the real table (assessments).
 */
public interface UploadLoader {

    UploadKind kind();

    /** Last segment of the problem type URI of a rejected upload. */
    ProblemType problemType();

    List<String> requiredColumns();

    /**
     * Prepares one upload inside its transaction (a temporary staging table dropped at commit, or
     * look-ups of the college's students and outcomes) and returns its row checker. {@code bytes} is
     * the file's size (a large file may be loaded differently).
     */
    Stager stager(JdbcClient jdbc, long uploadId, long collegeId, String collegeCode, long bytes);

    /** Checks one upload's rows and writes them to its {@code COPY}. */
    interface Stager {
        /** The {@code COPY ... FROM STDIN} the rows go to. */
        String copySql();

        /** Checks a row and writes it to the COPY (nulls where a value is bad, or nothing once a problem is known). */
        void stage(CsvReader.Row row, CopyWriter out, UploadFindings findings);

        /** Every row has been staged: findings that need the whole file (an assessment file's volumes). */
        default void rowsEnded(UploadFindings findings) {
        }

        /** Rows per kind (assessments: evidence kind; roster: new or updated). */
        Map<String, Integer> counts();

        /** Problems found by joins over the whole staging table (at most {@code limit} listed, all counted). */
        SetProblems setProblems(JdbcClient jdbc, int limit);

        /**
         * Moves the rows that pass the set-based checks into the real tables, in the upload's
         * transaction. If fewer rows moved than were staged, some row failed a check: the caller then
         * asks {@link #setProblems} which, and rolls everything back. (The happy path so makes one
         * pass over the staging table instead of two.) A loader that COPYs into the real table
         * only adds what follows the rows (stale-score marks).
         */
        Moved move(JdbcClient jdbc, long copiedRows);
    }

    record SetProblems(List<Problem> listed, long total) {
        public static final SetProblems NONE = new SetProblems(List.of(), 0);
    }

    /**
     * What the move stored: rows, the students it touched (listed up to a cap) and how many, and
     * counts that only the move knows (else the stager's counts are the upload's).
     */
    record Moved(long rows, List<String> students, int studentCount, Map<String, Integer> counts) {
    }
}

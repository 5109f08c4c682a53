package ru.workready.api.assessments;

import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.workready.data.ProblemType;
import ru.workready.data.assessments.AssessmentUploadService;
import ru.workready.data.assessments.CopyWriter;
import ru.workready.data.assessments.UploadFindings;
import ru.workready.data.assessments.UploadKind;
import ru.workready.data.assessments.UploadLoader;
import ru.workready.data.csv.CsvReader;

/**
 * The assessment loader with a hook before each row is staged (given the row's 1-based count), for
 * fault tests that must act while an upload is in flight: cut the connection, slow the rows down.
 */
record RowHookLoader(AssessmentUploadService delegate, IntConsumer beforeRow) implements UploadLoader {
    @Override
    public Stager stager(JdbcClient jdbc, long uploadId, long collegeId, String collegeCode, long bytes) {
        Stager inner = delegate.stager(jdbc, uploadId, collegeId, collegeCode, bytes);
        return new Stager() {
            private int rows;

            @Override
            public String copySql() {
                return inner.copySql();
            }

            @Override
            public void stage(CsvReader.Row row, CopyWriter out, UploadFindings findings) {
                beforeRow.accept(++rows);
                inner.stage(row, out, findings);
            }

            @Override
            public Map<String, Integer> counts() {
                return inner.counts();
            }

            @Override
            public SetProblems setProblems(JdbcClient jdbc, int limit) {
                return inner.setProblems(jdbc, limit);
            }

            @Override
            public Moved move(JdbcClient jdbc, long copiedRows) {
                return inner.move(jdbc, copiedRows);
            }
        };
    }

    @Override
    public UploadKind kind() {
        return delegate.kind();
    }

    @Override
    public ProblemType problemType() {
        return delegate.problemType();
    }

    @Override
    public List<String> requiredColumns() {
        return delegate.requiredColumns();
    }
}

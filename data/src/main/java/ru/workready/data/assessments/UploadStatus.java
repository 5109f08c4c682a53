package ru.workready.data.assessments;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.workready.data.InvalidInputException.Problem;

/**
 * An upload as a resource. {@code rowsRead} is the progress of one still processing;
 * {@code staleScores} counts the students of this upload whose stored scores still await the
 * rescoring job.
 */
public record UploadStatus(long id, String college, UploadKind kind, String status, @Nullable String fileName,
                           @Nullable String format, @Nullable String encoding, long bytes, int rows, long rowsRead,
                           Map<String, Integer> countsByKind, int studentCount, long staleScores,
                           List<String> warnings, int warningCount, List<Problem> problems, int problemCount,
                           @Nullable String detail, OffsetDateTime createdAt, @Nullable OffsetDateTime finishedAt) {

    public static final String PROCESSING = "PROCESSING";
    public static final String COMPLETED = "COMPLETED";
    public static final String REJECTED = "REJECTED";
    public static final String FAILED = "FAILED";
}

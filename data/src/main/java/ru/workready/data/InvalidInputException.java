package ru.workready.data;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Input that cannot be stored as it is; lists every problem found so that the client can fix
 * them all at once. Nothing of the input has been stored when this is thrown.
 */
public class InvalidInputException extends RuntimeException {
    /** A problem at a row (1-based, header is row 1) and column, or with the file as a whole. */
    public record Problem(@Nullable Integer row, @Nullable String column, @Nullable String value, String reason) {
        public static Problem ofFile(String reason) {
            return new Problem(null, null, null, reason);
        }
    }

    private final String type;
    private final List<Problem> problems;
    private final long problemCount;

    public InvalidInputException(String type, String message, List<Problem> problems, long problemCount) {
        super(message);
        this.type = type;
        this.problems = List.copyOf(problems);
        this.problemCount = problemCount;
    }

    public InvalidInputException(String type, String message) {
        this(type, message, List.of(), 0);
    }

    /** Stable problem kind, used as the last segment of the problem detail's type URI. */
    public String type() {
        return type;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** All problems found, of which at most a capped number are listed. */
    public long problemCount() {
        return problemCount;
    }
}

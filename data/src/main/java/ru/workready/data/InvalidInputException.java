package ru.workready.data;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Input that cannot be stored as it is; lists every problem found so that the client can fix
 * them all at once. Nothing of the input has been stored when this is thrown. Its type is a 400 kind
 * ({@link ConflictException} for the 409 ones).
 */
public class InvalidInputException extends RuntimeException {
    /** A problem at a row (1-based, header is row 1) and column, or with the file as a whole. */
    public record Problem(@Nullable Integer row, @Nullable String column, @Nullable String value, String reason) {
        public static Problem ofFile(String reason) {
            return new Problem(null, null, null, reason);
        }
    }

    private final ProblemType type;
    private final List<Problem> problems;
    private final long problemCount;

    /** @throws IllegalArgumentException when {@code type} is not answered 400 */
    public InvalidInputException(ProblemType type, String message, List<Problem> problems, long problemCount) {
        this(type, 400, message, problems, problemCount);
    }

    /** @throws IllegalArgumentException when {@code type} is not answered 400 */
    public InvalidInputException(ProblemType type, String message) {
        this(type, message, List.of(), 0);
    }

    /** For {@link ConflictException}: the type must be answered with {@code status}. */
    InvalidInputException(ProblemType type, int status, String message, List<Problem> problems, long problemCount) {
        super(message);
        this.type = type.requireStatus(status);
        this.problems = List.copyOf(problems);
        this.problemCount = problemCount;
    }

    /** The problem kind: its slug is the last segment of the problem detail's type URI, its status the answer's. */
    public ProblemType type() {
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

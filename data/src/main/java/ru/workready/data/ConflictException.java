package ru.workready.data;

import java.util.List;

/**
 * Input that is well formed but conflicts with the stored state (an existing code, an edition never overwritten, a job
 * not running): answered 409 Conflict rather than 400. Nothing has been stored when this is thrown. Its type is a 409
 * kind.
 */
public class ConflictException extends InvalidInputException {
    /** @throws IllegalArgumentException when {@code type} is not answered 409 */
    public ConflictException(ProblemType type, String message, List<Problem> problems, long problemCount) {
        super(type, 409, message, problems, problemCount);
    }

    /** @throws IllegalArgumentException when {@code type} is not answered 409 */
    public ConflictException(ProblemType type, String message) {
        this(type, message, List.of(), 0);
    }
}

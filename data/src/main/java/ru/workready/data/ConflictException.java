package ru.workready.data;

import java.util.List;

/**
 * Input that is well formed but conflicts with the stored state (an existing code, an edition never overwritten, a job
 * not running): answered 409 Conflict rather than 400. Nothing has been stored when this is thrown.
 */
public class ConflictException extends InvalidInputException {
    public ConflictException(String type, String message, List<Problem> problems, long problemCount) {
        super(type, message, problems, problemCount);
    }

    public ConflictException(String type, String message) {
        super(type, message);
    }
}

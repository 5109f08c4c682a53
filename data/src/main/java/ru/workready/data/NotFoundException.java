package ru.workready.data;

/** Something asked for by id or code does not exist (or is not visible to the caller). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}

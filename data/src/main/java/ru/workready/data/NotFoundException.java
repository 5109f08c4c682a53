package ru.workready.data;

/** Something asked for by id or code does not exist (or is not visible to the caller): a 404 kind. */
public class NotFoundException extends RuntimeException {
    private final ProblemType type;

    public NotFoundException(String message) {
        this(ProblemType.NOT_FOUND, message);
    }

    /** @throws IllegalArgumentException when {@code type} is not answered 404 */
    public NotFoundException(ProblemType type, String message) {
        super(message);
        this.type = type.requireStatus(404);
    }

    public ProblemType type() {
        return type;
    }
}

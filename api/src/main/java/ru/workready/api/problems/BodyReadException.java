package ru.workready.api.problems;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The request body could not be read to its end: mostly a client that went away mid-upload. The
 * client's doing, not ours: answered with 400 and not logged as an error.
 */
public class BodyReadException extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    public BodyReadException(IOException cause) {
        super("The request body could not be read", cause);
    }
}

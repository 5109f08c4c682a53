package ru.workready.data;

import java.util.List;

/** One page of a listing: items, 0-based page number, page size and the total over all pages. */
public record Page<T>(List<T> items, int page, int size, long total) {
    public static final int MAX_SIZE = 500;

    public Page {
        items = List.copyOf(items);
    }

    public long offset() {
        return (long) page * size;
    }

    /** A valid page request or an InvalidInputException naming the bad parameter. */
    public static void check(int page, int size) {
        if (page < 0) {
            throw new InvalidInputException(ProblemType.INVALID_PARAMETER,
                    "Parameter 'page' must be 0 or more, was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException(ProblemType.INVALID_PARAMETER,
                    "Parameter 'size' must be between 1 and " + MAX_SIZE + ", was " + size);
        }
    }
}

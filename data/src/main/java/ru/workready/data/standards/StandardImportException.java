package ru.workready.data.standards;

/**
 * A professional-standard file could not be imported: malformed XML, a DTD, an unexpected root,
 * no standards, a missing required field, an unparseable date or level. The message says what
 * and, where known, where ({@link #line()} / {@link #column()}, 1-based; -1 when unknown).
 */
public class StandardImportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    public StandardImportException(String reason) {
        this(reason, -1, -1, null);
    }

    public StandardImportException(String reason, int line, int column, Throwable cause) {
        super(format(reason, line, column), cause);
        this.line = line;
        this.column = column;
    }

    /** 1-based line of the problem in the file, or -1 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column of the problem in the file, or -1 when unknown. */
    public int column() {
        return column;
    }

    private static String format(String reason, int line, int column) {
        if (line <= 0) {
            return reason;
        }
        return column > 0
                ? reason + " (line " + line + ", column " + column + ")"
                : reason + " (line " + line + ")";
    }
}

package ru.workready.data.assessments;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Writes rows into a PostgreSQL {@code COPY ... FROM STDIN} (text format) as they are produced,
 * so a file of any size goes to the database through a fixed 64 KiB buffer.
 */
public final class CopyWriter implements AutoCloseable {
    private final PGCopyOutputStream copy;
    private final Writer out;
    private boolean first = true;

    public CopyWriter(Connection connection, String copySql) {
        try {
            copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), copySql, 64 * 1024);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY could not start: " + e.getMessage(), e);
        }
        out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 64 * 1024);
    }

    public CopyWriter text(@Nullable String value) {
        try {
            separator();
            if (value == null) {
                out.write("\\N");
                return this;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> out.write("\\\\");
                    case '\t' -> out.write("\\t");
                    case '\n' -> out.write("\\n");
                    case '\r' -> out.write("\\r");
                    default -> out.write(c);
                }
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Numbers, booleans and dates: their toString needs no escaping. */
    public CopyWriter value(@Nullable Object value) {
        try {
            separator();
            out.write(value == null ? "\\N" : value.toString());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void endRow() {
        try {
            out.write('\n');
            first = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void separator() throws IOException {
        if (!first) {
            out.write('\t');
        }
        first = false;
    }

    /** Ends the COPY; returns the number of rows the server took. */
    public long finish() {
        try {
            out.flush();
            return copy.endCopy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException ignored) {
                // the transaction is being rolled back anyway
            }
        }
    }
}

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
 * so a file of any size goes to the database through fixed buffers (rows are handed over in
 * 128 KiB chunks through a 1 MiB stream buffer: fewer, larger socket writes let the server parse
 * one chunk while this side builds the next).
 */
public final class CopyWriter implements AutoCloseable {
    private final PGCopyOutputStream copy;
    private final Writer out;
    /** Rows are built here and handed to the writer in large chunks (its per-call locking is costly). */
    private static final int CHUNK = 128 * 1024;
    private final StringBuilder chunk = new StringBuilder(CHUNK + 16 * 1024);
    private boolean first = true;

    public CopyWriter(Connection connection, String copySql) {
        try {
            copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), copySql, 1024 * 1024);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY could not start: " + e.getMessage(), e);
        }
        out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), CHUNK);
    }

    public CopyWriter text(@Nullable String value) {
        try {
            separator();
            if (value == null) {
                chunk.append("\\N");
                return this;
            }
            if (plain(value)) {
                chunk.append(value);
                return this;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> chunk.append("\\\\");
                    case '\t' -> chunk.append("\\t");
                    case '\n' -> chunk.append("\\n");
                    case '\r' -> chunk.append("\\r");
                    default -> chunk.append(c);
                }
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fields that need no escaping, already joined by tabs (the columns that are the same on every row). */
    public CopyWriter raw(String fields) {
        try {
            separator();
            chunk.append(fields);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Numbers, booleans and dates: their toString needs no escaping. */
    public CopyWriter value(@Nullable Object value) {
        try {
            separator();
            chunk.append(value == null ? "\\N" : value.toString());
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void endRow() {
        try {
            chunk.append('\n');
            first = true;
            if (chunk.length() >= CHUNK) {
                out.append(chunk);
                chunk.setLength(0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean plain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    private void separator() throws IOException {
        if (!first) {
            chunk.append('\t');
        }
        first = false;
    }

    /** Ends the COPY; returns the number of rows the server took. */
    public long finish() {
        try {
            out.append(chunk);
            chunk.setLength(0);
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

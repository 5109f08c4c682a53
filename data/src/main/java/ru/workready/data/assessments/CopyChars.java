package ru.workready.data.assessments;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The buffer text-format COPY rows are built in: fields separated by tabs, {@code \N} for null, backslash escapes;
 * handed to the writer in large chunks (its per-call locking is costly).
 */
final class CopyChars {
    private final int chunkSize;
    private final StringBuilder chunk;
    private final Writer out;
    private boolean first = true;

    CopyChars(OutputStream stream, int chunkSize) {
        this.chunkSize = chunkSize;
        this.chunk = new StringBuilder(chunkSize + 16 * 1024);
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), chunkSize);
    }

    void text(@Nullable String value) {
        separator();
        if (value == null) {
            chunk.append("\\N");
            return;
        }
        if (plain(value)) {
            chunk.append(value);
            return;
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
    }

    /** Fields that need no escaping, already joined by tabs. */
    void raw(String fields) {
        separator();
        chunk.append(fields);
    }

    /** A value whose toString needs no escaping. */
    void value(@Nullable Object value) {
        separator();
        chunk.append(value == null ? "\\N" : value.toString());
    }

    void endRow() {
        chunk.append('\n');
        first = true;
        if (chunk.length() >= chunkSize) {
            try {
                out.append(chunk);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            chunk.setLength(0);
        }
    }

    void flush() throws IOException {
        out.append(chunk);
        chunk.setLength(0);
        out.flush();
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

    private void separator() {
        if (!first) {
            chunk.append('\t');
        }
        first = false;
    }
}

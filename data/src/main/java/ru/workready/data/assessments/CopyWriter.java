package ru.workready.data.assessments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Writes rows into a PostgreSQL {@code COPY ... FROM STDIN} as they are produced, so a file of any
 * size goes to the database through fixed buffers (rows are handed over in 128 KiB chunks through
 * a 1 MiB stream buffer: fewer, larger socket writes let the server parse one chunk while this side
 * builds the next).
 *
 * <p>The format follows the statement: text format by default ({@link #text}, {@link #raw},
 * {@link #value}), PostgreSQL's binary format when the statement ends with
 * {@code (format binary)}. Binary rows start with {@link #row(int)} and are written with the typed
 * methods ({@link #int8}, {@link #int4}, {@link #int2}, {@link #bool}, {@link #date},
 * {@link #numeric}, {@link #text}); the server then parses no text at all (about a quarter less
 * server time per row of evidence).
 */
public final class CopyWriter implements AutoCloseable {
    private static final Pattern BINARY = Pattern.compile(".*\\(\\s*format\\s+binary\\s*\\)\\s*", Pattern.DOTALL);
    /** Binary COPY signature, flags (0) and header-extension length (0). */
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};
    /** Days from 1970-01-01 to 2000-01-01, PostgreSQL's date epoch. */
    private static final long PG_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final java.time.Instant PG_EPOCH = java.time.Instant.parse("2000-01-01T00:00:00Z");

    private final PGCopyOutputStream copy;
    private final boolean binary;
    /** Rows are built in a buffer and handed over in chunks of this size. */
    private static final int CHUNK = 128 * 1024;
    /** The buffer of a text-format COPY. */
    private final @Nullable CopyChars chars;
    /** The buffer of a binary COPY. */
    private final @Nullable CopyBytes bytes;

    public CopyWriter(Connection connection, String copySql) {
        try {
            copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), copySql, 1024 * 1024);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY could not start: " + e.getMessage(), e);
        }
        binary = isBinary(copySql);
        bytes = binary ? new CopyBytes(copy, CHUNK, HEADER) : null;
        chars = binary ? null : new CopyChars(copy, CHUNK);
    }

    /** Whether a {@code COPY} statement asks for the binary format (the option list ends it). */
    static boolean isBinary(String copySql) {
        return BINARY.matcher(copySql.toLowerCase(Locale.ROOT)).matches();
    }

    public boolean binary() {
        return binary;
    }

    public CopyWriter text(@Nullable String value) {
        if (binary) {
            return binaryText(value);
        }
        chars().text(value);
        return this;
    }

    /** Fields that need no escaping, already joined by tabs (the columns that are the same on every row). */
    public CopyWriter raw(String fields) {
        chars().raw(fields);
        return this;
    }

    /** Numbers, booleans and dates: their toString needs no escaping. */
    public CopyWriter value(@Nullable Object value) {
        chars().value(value);
        return this;
    }

    public void endRow() {
        if (binary) {
            bin().endRow();
        } else {
            chars().endRow();
        }
    }

    // ---- binary format ------------------------------------------------------------------------

    /** Starts a binary row of {@code fields} fields (end it with {@link #endRow()}). */
    public CopyWriter row(int fields) {
        CopyBytes b = bin();
        b.ensure(2);
        b.putShort(fields);
        return this;
    }

    /** A bigint field. */
    public CopyWriter int8(long value) {
        CopyBytes b = bin();
        b.ensure(12);
        b.putInt(8);
        b.putLong(value);
        return this;
    }

    public CopyWriter int8(@Nullable Long value) {
        return value == null ? nullField() : int8(value.longValue());
    }

    /** An integer field. */
    public CopyWriter int4(@Nullable Integer value) {
        if (value == null) {
            return nullField();
        }
        CopyBytes b = bin();
        b.ensure(8);
        b.putInt(4);
        b.putInt(value);
        return this;
    }

    /** A smallint field. */
    public CopyWriter int2(@Nullable Integer value) {
        if (value == null) {
            return nullField();
        }
        int v = value;
        if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
            throw new IllegalArgumentException("smallint out of range: " + v);
        }
        CopyBytes b = bin();
        b.ensure(6);
        b.putInt(2);
        b.putShort(v);
        return this;
    }

    public CopyWriter bool(@Nullable Boolean value) {
        if (value == null) {
            return nullField();
        }
        CopyBytes b = bin();
        b.ensure(5);
        b.putInt(1);
        b.putByte(value ? 1 : 0);
        return this;
    }

    /** A date field: days since 2000-01-01. */
    public CopyWriter date(@Nullable LocalDate value) {
        if (value == null) {
            return nullField();
        }
        CopyBytes b = bin();
        b.ensure(8);
        b.putInt(4);
        b.putInt(Math.toIntExact(value.toEpochDay() - PG_EPOCH_DAY));
        return this;
    }

    /** A timestamptz field: microseconds since 2000-01-01T00:00:00Z. */
    public CopyWriter timestamptz(java.time.@Nullable Instant value) {
        if (value == null) {
            return nullField();
        }
        CopyBytes b = bin();
        b.ensure(12);
        b.putInt(8);
        b.putLong(java.time.temporal.ChronoUnit.MICROS.between(PG_EPOCH, value));
        return this;
    }

    /** A numeric field ({@link PgNumeric}). */
    public CopyWriter numeric(@Nullable BigDecimal value) {
        if (value == null) {
            return nullField();
        }
        CopyBytes b = bin();
        short[] words = PgNumeric.words(value);
        b.ensure(4 + 2 * words.length);
        b.putInt(2 * words.length);
        for (short w : words) {
            b.putShort(w);
        }
        return this;
    }

    private CopyWriter binaryText(@Nullable String value) {
        if (value == null) {
            return nullField();
        }
        bin().putText(value);
        return this;
    }

    private CopyWriter nullField() {
        CopyBytes b = bin();
        b.ensure(4);
        b.putInt(-1);
        return this;
    }

    private CopyBytes bin() {
        if (bytes == null) {
            throw new IllegalStateException("typed fields are for a COPY in binary format");
        }
        return bytes;
    }

    private CopyChars chars() {
        if (chars == null) {
            throw new IllegalStateException("text-format fields in a COPY in binary format");
        }
        return chars;
    }

    /** Ends the COPY; returns the number of rows the server took. */
    public long finish() {
        try {
            if (binary) {
                CopyBytes b = bin();
                b.ensure(2);
                b.putShort(-1);
                b.flush();
            } else {
                chars().flush();
            }
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

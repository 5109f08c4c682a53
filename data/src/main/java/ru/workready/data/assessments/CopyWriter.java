package ru.workready.data.assessments;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
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
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);
    private static final long[] POW10 = {1, 10, 100, 1000};

    private final PGCopyOutputStream copy;
    private final boolean binary;
    /** Text rows are built here and handed to the writer in large chunks (its per-call locking is costly). */
    private static final int CHUNK = 128 * 1024;
    private final @Nullable StringBuilder chunk;
    private final @Nullable Writer out;
    private boolean first = true;
    /** Binary rows are built here and handed to the stream in large chunks. */
    private byte[] bytes;
    private int length;

    public CopyWriter(Connection connection, String copySql) {
        try {
            copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), copySql, 1024 * 1024);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY could not start: " + e.getMessage(), e);
        }
        binary = isBinary(copySql);
        if (binary) {
            chunk = null;
            out = null;
            bytes = new byte[CHUNK + 16 * 1024];
            System.arraycopy(HEADER, 0, bytes, 0, HEADER.length);
            length = HEADER.length;
        } else {
            chunk = new StringBuilder(CHUNK + 16 * 1024);
            out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), CHUNK);
            bytes = new byte[0];
        }
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
        StringBuilder chunk = textChunk();
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
    }

    /** Fields that need no escaping, already joined by tabs (the columns that are the same on every row). */
    public CopyWriter raw(String fields) {
        separator();
        textChunk().append(fields);
        return this;
    }

    /** Numbers, booleans and dates: their toString needs no escaping. */
    public CopyWriter value(@Nullable Object value) {
        separator();
        textChunk().append(value == null ? "\\N" : value.toString());
        return this;
    }

    public void endRow() {
        if (binary) {
            if (length >= CHUNK) {
                flushBytes();
            }
            return;
        }
        StringBuilder chunk = textChunk();
        chunk.append('\n');
        first = true;
        if (chunk.length() >= CHUNK) {
            try {
                out.append(chunk);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            chunk.setLength(0);
        }
    }

    // ---- binary format ------------------------------------------------------------------------

    /** Starts a binary row of {@code fields} fields (end it with {@link #endRow()}). */
    public CopyWriter row(int fields) {
        requireBinary();
        ensure(2);
        putShort(fields);
        return this;
    }

    /** A bigint field. */
    public CopyWriter int8(long value) {
        ensure(12);
        putInt(8);
        putLong(value);
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
        ensure(8);
        putInt(4);
        putInt(value);
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
        ensure(6);
        putInt(2);
        putShort(v);
        return this;
    }

    public CopyWriter bool(@Nullable Boolean value) {
        if (value == null) {
            return nullField();
        }
        ensure(5);
        putInt(1);
        bytes[length++] = (byte) (value ? 1 : 0);
        return this;
    }

    /** A date field: days since 2000-01-01. */
    public CopyWriter date(@Nullable LocalDate value) {
        if (value == null) {
            return nullField();
        }
        ensure(8);
        putInt(4);
        putInt(Math.toIntExact(value.toEpochDay() - PG_EPOCH_DAY));
        return this;
    }

    /** A timestamptz field: microseconds since 2000-01-01T00:00:00Z. */
    public CopyWriter timestamptz(java.time.@Nullable Instant value) {
        if (value == null) {
            return nullField();
        }
        ensure(12);
        putInt(8);
        putLong(java.time.temporal.ChronoUnit.MICROS.between(PG_EPOCH, value));
        return this;
    }

    /**
     * A numeric field: ndigits, weight, sign, dscale, then the base-10000 digits, most significant
     * first, the first one standing for 10000^weight (leading and trailing zero digits left out).
     */
    public CopyWriter numeric(@Nullable BigDecimal value) {
        if (value == null) {
            return nullField();
        }
        int scale = Math.max(value.scale(), 0);
        int pad = (4 - scale % 4) % 4;
        int fractionGroups = (scale + pad) / 4;
        // |value| * 10^(scale + pad): an integer whose base-10000 digits, from the last, are the
        // fraction's groups and then the integer part's
        BigInteger magnitude = value.setScale(scale).unscaledValue().abs();
        short[] groups;
        int count = 0;
        if (magnitude.bitLength() < 50) {
            long v = magnitude.longValue() * POW10[pad];
            groups = new short[6];
            while (v != 0) {
                groups[count++] = (short) (v % 10_000);
                v /= 10_000;
            }
        } else {
            BigInteger v = magnitude.multiply(BigInteger.valueOf(POW10[pad]));
            groups = new short[v.bitLength() / 13 + 2];
            while (v.signum() != 0) {
                BigInteger[] qr = v.divideAndRemainder(TEN_THOUSAND);
                groups[count++] = qr[1].shortValue();
                v = qr[0];
            }
        }
        // groups[0 .. count) least significant first, no leading zero digits; drop trailing zero ones
        int low = 0;
        while (low < count && groups[low] == 0) {
            low++;
        }
        int ndigits = count - low;
        int weight = ndigits == 0 ? 0 : count - fractionGroups - 1;
        if (scale > 0x3FFF) {
            throw new IllegalArgumentException("numeric scale out of range: " + scale);
        }
        ensure(12 + 2 * ndigits);
        putInt(8 + 2 * ndigits);
        putShort(ndigits);
        putShort(weight);
        putShort(value.signum() < 0 && ndigits > 0 ? 0x4000 : 0);
        putShort(scale);
        for (int i = count - 1; i >= low; i--) {
            putShort(groups[i]);
        }
        return this;
    }

    private CopyWriter binaryText(@Nullable String value) {
        if (value == null) {
            return nullField();
        }
        int n = value.length();
        boolean ascii = true;
        for (int i = 0; i < n; i++) {
            if (value.charAt(i) >= 0x80) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            ensure(4 + n);
            putInt(n);
            for (int i = 0; i < n; i++) {
                bytes[length++] = (byte) value.charAt(i);
            }
        } else {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            ensure(4 + utf8.length);
            putInt(utf8.length);
            System.arraycopy(utf8, 0, bytes, length, utf8.length);
            length += utf8.length;
        }
        return this;
    }

    private CopyWriter nullField() {
        ensure(4);
        putInt(-1);
        return this;
    }

    private void putShort(int v) {
        bytes[length++] = (byte) (v >>> 8);
        bytes[length++] = (byte) v;
    }

    private void putInt(int v) {
        bytes[length++] = (byte) (v >>> 24);
        bytes[length++] = (byte) (v >>> 16);
        bytes[length++] = (byte) (v >>> 8);
        bytes[length++] = (byte) v;
    }

    private void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }

    /** Room for {@code n} more bytes: hands the buffered rows over first if needed, grows only for huge fields. */
    private void ensure(int n) {
        if (length + n <= bytes.length) {
            return;
        }
        requireBinary();
        flushBytes();
        if (n > bytes.length) {
            bytes = new byte[n];
        }
    }

    private void flushBytes() {
        try {
            copy.write(bytes, 0, length);
            length = 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void requireBinary() {
        if (!binary) {
            throw new IllegalStateException("typed fields are for a COPY in binary format");
        }
    }

    private StringBuilder textChunk() {
        if (chunk == null) {
            throw new IllegalStateException("text-format fields in a COPY in binary format");
        }
        return chunk;
    }

    // ---- text format --------------------------------------------------------------------------

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
            textChunk().append('\t');
        }
        first = false;
    }

    /** Ends the COPY; returns the number of rows the server took. */
    public long finish() {
        try {
            if (binary) {
                ensure(2);
                putShort(-1);
                flushBytes();
            } else {
                out.append(chunk);
                chunk.setLength(0);
                out.flush();
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

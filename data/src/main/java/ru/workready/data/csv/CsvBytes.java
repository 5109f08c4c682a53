package ru.workready.data.csv;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The bulk-upload tokenizer: the records {@link CsvTable} reads, cut from the bytes of a UTF-8 or
 * Windows-1251 file (delimiters, quotes and line ends are ASCII bytes that never occur inside a
 * character of either encoding). A field without quotes or CR that lies within the buffer becomes a
 * string straight from the buffer; any other field is gathered byte by byte by the library's rules:
 * a quote opens a field only as its first character, {@code ""} inside quotes is one quote, text
 * after the closing quote is kept, a quote left open at the end of the file closes there, and CR,
 * LF and CRLF each end a record and count as one line. Kept for speed: a million-row upload spent
 * two fifths of its reading time decoding and copying characters.
 */
final class CsvBytes extends CsvReader.Records {
    /** The delimiter is told from the first line; a longer one is judged by its start. */
    private static final int FIRST_LINE_LIMIT = 1 << 20;

    private final InputStream in;
    private final Charset charset;
    private final byte[] buffer;
    private final byte delimiter;
    private int position;
    private int limit;
    /** A field that is not a plain slice of the buffer. */
    private byte[] field = new byte[256];
    private int fieldLength;
    /** Each column's values so far; {@link #REPEATING} until its first value, null once it has too many. */
    private @Nullable ColumnValues[] columns = new ColumnValues[0];
    private static final ColumnValues REPEATING = new ColumnValues();
    private static final int REMEMBERED_COLUMNS = 32;
    private static final int REMEMBERED_BYTES = 64;

    private CsvBytes(InputStream in, Charset charset, int bufferSize, byte delimiter) {
        this.in = in;
        this.charset = charset;
        this.buffer = new byte[bufferSize];
        this.delimiter = delimiter;
    }

    /** A tokenizer over the stream, its delimiter told from the first line (a UTF-8 BOM skipped). */
    static CsvBytes open(InputStream in, Charset charset, int bufferSize) throws IOException {
        BufferedInputStream rest = new BufferedInputStream(in);
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        int b;
        while (first.size() < FIRST_LINE_LIMIT && (b = rest.read()) != -1) {
            first.write(b);
            if (b == '\n' || b == '\r') {
                break;
            }
        }
        byte[] head = first.toByteArray();
        boolean bom = charset.equals(StandardCharsets.UTF_8) && head.length >= 3 && (head[0] & 0xFF) == 0xEF
                && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        int skip = bom ? 3 : 0;
        char delimiter = CsvTable.delimiterOf(new String(head, skip, head.length - skip, charset));
        InputStream all = new SequenceInputStream(new ByteArrayInputStream(head, skip, head.length - skip), rest);
        return new CsvBytes(all, charset, bufferSize, (byte) delimiter);
    }

    /**
     * The string of a cell that lies in the buffer: the one made before for the same bytes in this column while the
     * column has repeated few values (kinds, codes, dates, grades, assessors: made once, their hashes kept for the
     * look-ups that follow), a new one in a column of many (students' ids, comments). Only short cells of the first
     * columns are remembered: at most {@link #REMEMBERED_COLUMNS} × {@link ColumnValues#LIMIT} cells of
     * {@link #REMEMBERED_BYTES} bytes, whatever the file.
     */
    private String cell(int column, int start, int end) {
        if (column >= REMEMBERED_COLUMNS || end - start > REMEMBERED_BYTES) {
            return new String(buffer, start, end - start, charset);
        }
        if (column >= columns.length) {
            columns = Arrays.copyOf(columns, Math.min(REMEMBERED_COLUMNS, Math.max(column + 1, expectedFields)));
            Arrays.fill(columns, column, columns.length, REPEATING);
        }
        ColumnValues values = columns[column];
        if (values != null) {
            if (values == REPEATING) {
                values = columns[column] = new ColumnValues();
            }
            String value = values.get(buffer, start, end, charset);
            if (value != null) {
                return value;
            }
            columns[column] = null;
        }
        return new String(buffer, start, end - start, charset);
    }

    /** True when there is a byte at {@code position}, reading more if needed. */
    private boolean more() throws IOException {
        if (position < limit) {
            return true;
        }
        int n = in.read(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    private int read() throws IOException {
        return more() ? buffer[position++] & 0xFF : -1;
    }

    private void add(int b) {
        if (fieldLength == field.length) {
            field = Arrays.copyOf(field, field.length * 2);
        }
        field[fieldLength++] = (byte) b;
    }

    private void add(int from, int to) {
        int n = to - from;
        if (fieldLength + n > field.length) {
            field = Arrays.copyOf(field, Math.max(field.length * 2, fieldLength + n));
        }
        System.arraycopy(buffer, from, field, fieldLength, n);
        fieldLength += n;
    }

    @Override
    @Nullable List<String> next() throws IOException {
        if (!more()) {
            return null;
        }
        recordStartLine = line;
        List<String> out = new ArrayList<>(expectedFields + 1);
        while (true) {
            if (!more()) {
                // the record ended with a delimiter at the end of the file
                out.add("");
                return out;
            }
            fieldLength = 0;
            if (buffer[position] == '"') {
                position++;
                quoted();
            } else {
                int start = position;
                int p = start;
                byte b = 0;
                while (p < limit && (b = buffer[p]) != delimiter && b != '\n' && b != '\r') {
                    p++;
                }
                if (p < limit && b != '\r') {
                    // an empty cell is the one empty string: half the cells of a typical export, no allocation
                    out.add(p == start ? "" : cell(out.size(), start, p));
                    position = p + 1;
                    if (b == '\n') {
                        line++;
                        return out;
                    }
                    continue;
                }
                add(start, p);
                position = p;
            }
            if (plainRest(out)) {
                return out;
            }
        }
    }

    /** Gathers a quoted field up to its closing quote (or the end of the file). */
    private void quoted() throws IOException {
        int c;
        while ((c = read()) != -1) {
            if (c == '"') {
                if (!more() || buffer[position] != '"') {
                    return;
                }
                position++;
            } else if (c == '\r') {
                line++;
                if (more() && buffer[position] == '\n') {
                    add(c);
                    c = buffer[position++];
                }
            } else if (c == '\n') {
                line++;
            }
            add(c);
        }
    }

    /** Gathers the rest of a field up to a delimiter or a line end; true when it ended the record. */
    private boolean plainRest(List<String> out) throws IOException {
        while (true) {
            int c = read();
            if (c == -1 || c == delimiter || c == '\n' || c == '\r') {
                out.add(fieldLength == 0 ? "" : new String(field, 0, fieldLength, charset));
                if (c == '\r' && more() && buffer[position] == '\n') {
                    position++;
                }
                if (c == '\n' || c == '\r') {
                    line++;
                }
                return c != delimiter;
            }
            add(c);
        }
    }

    /** A column's distinct values, each a string made once, up to {@link #LIMIT} of them. */
    private static final class ColumnValues {
        static final int LIMIT = 512;
        private final int[] hashes = new int[2 * LIMIT];
        private final byte[][] bytes = new byte[2 * LIMIT][];
        private final String[] strings = new String[2 * LIMIT];
        private int size;

        /** The string of these bytes; null when the column has passed its limit of distinct values. */
        @Nullable String get(byte[] buffer, int start, int end, Charset charset) {
            int hash = 1;
            for (int i = start; i < end; i++) {
                hash = 31 * hash + buffer[i];
            }
            int mask = strings.length - 1;
            int i = hash * 0x9E3779B9 >>> 16 & mask;
            for (; strings[i] != null; i = (i + 1) & mask) {
                if (hashes[i] == hash && Arrays.equals(bytes[i], 0, bytes[i].length, buffer, start, end)) {
                    return strings[i];
                }
            }
            if (size == LIMIT) {
                return null;
            }
            size++;
            hashes[i] = hash;
            bytes[i] = Arrays.copyOfRange(buffer, start, end);
            return strings[i] = new String(buffer, start, end - start, charset);
        }
    }
}

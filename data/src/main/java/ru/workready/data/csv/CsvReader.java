package ru.workready.data.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import ru.workready.data.Inputs;

/**
 * A small RFC 4180 reader for the files colleges send: UTF-8 with or without BOM or
 * Windows-1251 (as Russian Excel saves), `;` or `,` as delimiter (detected from the header).
 */
public final class CsvReader {

    public static final Charset WINDOWS_1251 = Charset.forName("windows-1251");

    /** One data row: its 1-based line number in the file (header is row 1) and cells by header name. */
    public record Row(int number, Map<String, String> cells) {
        /**
         * The trimmed cell, or null when absent or blank; a cell with a NUL character is refused here,
         * with its row and column, whatever the file's format ({@link Inputs#requireCell}).
         */
        public @Nullable String get(String column) {
            String v = cells.get(column);
            if (v == null || v.isEmpty()) {
                return null;
            }
            if (v.indexOf('\0') >= 0) {
                Inputs.requireCell(number, column, v);
            }
            // most cells have nothing to trim: two characters tell
            if (!Character.isWhitespace(v.charAt(0)) && !Character.isWhitespace(v.charAt(v.length() - 1))) {
                return v;
            }
            return v.isBlank() ? null : v.strip();
        }
    }

    private CsvReader() {
    }

    /** Decodes the bytes as UTF-8 (BOM stripped) or, when they are not valid UTF-8, as Windows-1251. */
    public static String decode(byte[] content) {
        int offset = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer bytes = ByteBuffer.wrap(content, offset, content.length - offset);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return new String(content, WINDOWS_1251);
        }
    }

    /**
     * Reads the header and hands over every non-empty row. Header names are lower-cased and
     * trimmed; returns the header.
     */
    public static List<String> read(Reader in, Consumer<Row> sink) {
        return read(in, header -> {
        }, sink);
    }

    /** As {@link #read(Reader, Consumer)}, telling the header before the first row. */
    public static List<String> read(Reader in, Consumer<List<String>> onHeader, Consumer<Row> sink) {
        try {
            Parser p = new Parser(in);
            return rows(p.headerLine(), p, onHeader, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * As {@link #read(Reader, Consumer, Consumer)}, the same records, parsed on the bytes of a file in
     * UTF-8 or Windows-1251: delimiters, quotes and line ends are ASCII bytes that never occur inside
     * a character of either encoding, so fields are cut from the bytes and each is decoded once (a
     * million-row upload spent two fifths of its reading time decoding and copying characters).
     */
    public static List<String> read(InputStream in, Charset charset, Consumer<List<String>> onHeader,
                                    Consumer<Row> sink) {
        return read(in, charset, 64 * 1024, onHeader, sink);
    }

    /** With a given buffer size (tests cut fields across buffer ends with tiny ones). */
    static List<String> read(InputStream in, Charset charset, int bufferSize, Consumer<List<String>> onHeader,
                             Consumer<Row> sink) {
        try {
            ByteParser p = new ByteParser(in, charset, bufferSize);
            return rows(p.headerLine(), p, onHeader, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The records a parser reads, after its header, with the line each starts on. */
    private abstract static class Records {
        /** Fields per record (the header's), so that a record's list never grows. */
        int expectedFields = 10;
        int line = 1;
        int recordStartLine = 1;

        abstract @Nullable List<String> next() throws IOException;
    }

    private static List<String> rows(@Nullable List<String> header, Records p, Consumer<List<String>> onHeader,
                                     Consumer<Row> sink) throws IOException {
        if (header == null) {
            return List.of();
        }
        // interned: the callers ask for columns by literal names, found by identity before equals
        List<String> names = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT).intern()).toList();
        Inputs.checkHeader(names);
        onHeader.accept(names);
        Map<String, Integer> columns = new HashMap<>(names.size() * 2);
        for (int i = 0; i < names.size(); i++) {
            columns.put(names.get(i), i); // a repeated name: the last column wins, as before
        }
        p.expectedFields = names.size();
        List<String> fields;
        while ((fields = p.next()) != null) {
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                continue;
            }
            sink.accept(new Row(p.recordStartLine, new Cells(columns, fields)));
        }
        return names;
    }

    /**
     * A row's cells by header name over the parsed field list: one shared name → position map
     * instead of a hash map built per row (a million-row upload spent a fifth of its time there).
     */
    private static final class Cells extends AbstractMap<String, String> {
        private final Map<String, Integer> columns;
        private final List<String> fields;

        Cells(Map<String, Integer> columns, List<String> fields) {
            this.columns = columns;
            this.fields = fields;
        }

        @Override
        public @Nullable String get(Object column) {
            Integer i = columns.get(column);
            return i == null || i >= fields.size() ? null : fields.get(i);
        }

        @Override
        public boolean containsKey(Object column) {
            Integer i = columns.get(column);
            return i != null && i < fields.size();
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            Map<String, String> copy = new LinkedHashMap<>();
            columns.entrySet().stream().sorted(Map.Entry.comparingByValue())
                    .filter(c -> c.getValue() < fields.size())
                    .forEach(c -> copy.put(c.getKey(), fields.get(c.getValue())));
            return copy.entrySet();
        }
    }

    private static final class Parser extends Records {
        private final Reader in;
        private char delimiter = ',';
        private int pushedBack = -2;

        Parser(Reader in) {
            this.in = in;
        }

        /** Own buffer: Reader.read() per character takes a lock each time, which dominates on large files. */
        private final char[] buffer = new char[64 * 1024];
        private int position;
        private int limit;

        private int read() throws IOException {
            if (pushedBack != -2) {
                int c = pushedBack;
                pushedBack = -2;
                return c;
            }
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return -1;
                }
            }
            return buffer[position++];
        }

        @Nullable List<String> headerLine() throws IOException {
            StringBuilder raw = new StringBuilder();
            int c;
            while ((c = read()) != -1 && c != '\n') {
                raw.append((char) c);
            }
            if (raw.isEmpty() && c == -1) {
                return null;
            }
            line = 2;
            String text = header(raw.toString());
            delimiter = delimiterOf(text);
            return split(text, delimiter);
        }


        /** The next record, or null at the end; quoted fields may span lines. */
        @Override
        @Nullable List<String> next() throws IOException {
            int c = read();
            if (c == -1) {
                return null;
            }
            recordStartLine = line;
            List<String> out = new ArrayList<>(expectedFields + 1);
            StringBuilder cur = new StringBuilder();
            boolean quoted = false;
            while (true) {
                if (c == -1) {
                    out.add(cur.toString());
                    return out;
                }
                char ch = (char) c;
                if (quoted) {
                    if (ch == '"') {
                        int n = read();
                        if (n == '"') {
                            cur.append('"');
                        } else {
                            quoted = false;
                            pushedBack = n;
                        }
                    } else {
                        if (ch == '\n') {
                            line++;
                        }
                        cur.append(ch);
                    }
                } else if (ch == '"' && cur.isEmpty()) {
                    quoted = true;
                } else if (ch == delimiter) {
                    out.add(cur.toString());
                    cur.setLength(0);
                } else if (ch == '\n') {
                    line++;
                    out.add(cur.toString());
                    return out;
                } else if (ch != '\r') {
                    cur.append(ch);
                }
                c = read();
            }
        }
    }

    /**
     * The records of {@link Parser}, read from bytes: a field without quotes or CR that lies within
     * the buffer becomes a string straight from the buffer; any other field is gathered byte by
     * byte by the same rules as the character parser.
     */
    private static final class ByteParser extends Records {
        private final InputStream in;
        private final Charset charset;
        private final byte[] buffer;
        private int position;
        private int limit;
        private byte delimiter = ',';
        /** A field that is not a plain slice of the buffer. */
        private byte[] field = new byte[256];
        private int fieldLength;

        ByteParser(InputStream in, Charset charset, int bufferSize) {
            this.in = in;
            this.charset = charset;
            this.buffer = new byte[bufferSize];
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

        @Nullable List<String> headerLine() throws IOException {
            fieldLength = 0;
            int c;
            while ((c = read()) != -1 && c != '\n') {
                add(c);
            }
            if (fieldLength == 0 && c == -1) {
                return null;
            }
            line = 2;
            String text = header(new String(field, 0, fieldLength, charset));
            char d = delimiterOf(text);
            delimiter = (byte) d;
            return split(text, d);
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
                if (buffer[position] != '"') {
                    int start = position;
                    int p = start;
                    byte b = 0;
                    while (p < limit && (b = buffer[p]) != delimiter && b != '\n' && b != '\r') {
                        p++;
                    }
                    if (p < limit && b != '\r') {
                        out.add(new String(buffer, start, p - start, charset));
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
                if (slowField(out)) {
                    return out;
                }
            }
        }

        /** Gathers the rest of a field by the character parser's rules; true when it ended the record. */
        private boolean slowField(List<String> out) throws IOException {
            boolean quoted = false;
            while (true) {
                int c = read();
                if (c == -1) {
                    out.add(new String(field, 0, fieldLength, charset));
                    return true;
                }
                if (quoted) {
                    if (c == '"') {
                        if (more() && buffer[position] == '"') {
                            position++;
                            add('"');
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        add(c);
                    }
                } else if (c == '"' && fieldLength == 0) {
                    quoted = true;
                } else if (c == delimiter) {
                    out.add(new String(field, 0, fieldLength, charset));
                    return false;
                } else if (c == '\n') {
                    line++;
                    out.add(new String(field, 0, fieldLength, charset));
                    return true;
                } else if (c != '\r') {
                    add(c);
                }
            }
        }
    }

    /** The header line without a BOM or a trailing CR. */
    private static String header(String raw) {
        String text = raw;
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /** Whichever of ';' and ',' the header has more of. */
    private static char delimiterOf(String header) {
        long semicolons = header.chars().filter(ch -> ch == ';').count();
        long commas = header.chars().filter(ch -> ch == ',').count();
        return semicolons > commas ? ';' : ',';
    }

    private static List<String> split(String text, char delimiter) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == delimiter) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }
}

package ru.workready.data.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
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
 * The rows of a CSV file colleges send — UTF-8 with or without BOM or Windows-1251 (as Russian
 * Excel saves), `;` or `,` as delimiter (detected from the first line) — keyed by header name.
 * Small files are tokenized by the library ({@link CsvTable}); bulk uploads by {@link CsvBytes},
 * which reads the same records straight from the bytes (CsvBytesTest compares the two).
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
            if (visible(v.charAt(0)) && visible(v.charAt(v.length() - 1))) {
                return v;
            }
            return v.isBlank() ? null : v.strip();
        }

        /** Not white space; printable ASCII and Cyrillic answered without Unicode's tables (every cell asks). */
        static boolean visible(char c) {
            return c > ' ' && c < 0x7F || c >= 0x0400 && c <= 0x04FF || !Character.isWhitespace(c);
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
     * Reads the header, tells it, and hands over every non-blank row (header names lower-cased and
     * trimmed; returns the header), tokenized on the bytes of a UTF-8 or Windows-1251 file by
     * {@link CsvBytes}: the bulk-upload path.
     */
    public static List<String> read(InputStream in, Charset charset, Consumer<List<String>> onHeader,
                                    Consumer<Row> sink) {
        return read(in, charset, 64 * 1024, onHeader, sink);
    }

    /** With a given buffer size (tests cut fields across buffer ends with tiny ones). */
    static List<String> read(InputStream in, Charset charset, int bufferSize, Consumer<List<String>> onHeader,
                             Consumer<Row> sink) {
        try {
            return rows(CsvBytes.open(in, charset, bufferSize), onHeader, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The records a tokenizer reads, header first, with the line each starts on (1 = the first line). */
    abstract static class Records {
        /** Fields per record (the header's), so that a record's list never grows. */
        int expectedFields = 10;
        int line = 1;
        int recordStartLine = 1;

        abstract @Nullable List<String> next() throws IOException;
    }

    /** The header (the first record) told, then every non-blank record as a row; returns the header. */
    static List<String> rows(Records p, Consumer<List<String>> onHeader, Consumer<Row> sink) throws IOException {
        List<String> header = p.next();
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
}

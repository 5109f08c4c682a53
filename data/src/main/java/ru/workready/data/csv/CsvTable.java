package ru.workready.data.csv;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import ru.workready.data.InvalidInputException;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.ProblemType;

/**
 * The one CSV tokenizer for small files (decision tables, mappings, demand, programmes): Apache
 * Commons CSV in RFC 4180 mode, with the delimiter told from the first line (Russian Excel saves
 * with {@code ;}), lenient as colleges' files need: text after a closing quote is kept, a quote left
 * open at the end of the file closes there, empty lines are records (so that line numbers stay
 * true). CR, LF and CRLF each end a line; a record's line is the one it starts on (header = 1).
 */
public final class CsvTable {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false).setTrailingData(true).setLenientEof(true).get();

    /** One record: the line it starts on (the first line is 1) and its fields. */
    public record Record(int line, List<String> fields) {
        public Record {
            fields = List.copyOf(fields);
        }
    }

    private CsvTable() {
    }

    /** Decodes the bytes ({@link CsvReader#decode}), then reads them as {@link #read(String, Consumer, Consumer)}. */
    public static List<String> read(byte[] content, Consumer<CsvReader.Row> sink) {
        return read(CsvReader.decode(content), header -> {
        }, sink);
    }

    /**
     * Reads the header, tells it, and hands over every non-blank row with its line; header names are
     * lower-cased and trimmed. Returns the header (empty for an empty file).
     */
    public static List<String> read(String text, Consumer<List<String>> onHeader, Consumer<CsvReader.Row> sink) {
        Iterator<Record> records = records(text).iterator();
        CsvReader.Records source = new CsvReader.Records() {
            @Override
            @Nullable List<String> next() {
                if (!records.hasNext()) {
                    return null;
                }
                Record r = records.next();
                recordStartLine = r.line();
                return r.fields();
            }
        };
        try {
            return CsvReader.rows(source, onHeader, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every record of the text, header included; a leading BOM is dropped. */
    public static List<Record> records(String text) {
        String body = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        CSVFormat format = FORMAT.builder().setDelimiter(delimiterOf(body)).get();
        List<Record> out = new ArrayList<>();
        int line = 1;
        int counted = 0;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(body)).setFormat(format).get()) {
            for (CSVRecord r : parser) {
                int start = (int) r.getCharacterPosition();
                line += lineBreaks(body, counted, start);
                counted = start;
                out.add(new Record(line, r.toList()));
            }
        } catch (IOException | UncheckedIOException e) {
            // the lenient format refuses nothing a String can hold; kept as a 4xx should that change
            throw new InvalidInputException(ProblemType.INVALID_CSV, "The file is not readable as CSV",
                    List.of(new Problem(line, null, null, String.valueOf(e.getMessage()))), 1);
        }
        return out;
    }

    /**
     * Whichever of ';' and ',' the first line (up to CR or LF) has more of outside quotes; ',' on a
     * tie. Both tokenizers ask here, so they agree on every file.
     */
    public static char delimiterOf(String text) {
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                break;
            }
            quoted ^= c == '"';
            semicolons += c == ';' && !quoted ? 1 : 0;
            commas += c == ',' && !quoted ? 1 : 0;
        }
        return semicolons > commas ? ';' : ',';
    }

    /** Line breaks (CR, LF, CRLF as one) in text[from, to). */
    private static int lineBreaks(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\r' || (c == '\n' && (i == 0 || text.charAt(i - 1) != '\r'))) {
                n++;
            }
        }
        return n;
    }
}

package ru.workready.data.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import ru.workready.data.Inputs;
import ru.workready.data.InvalidInputException;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.ProblemType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams the rows of an uploaded file, whatever its format, as {@link CsvReader.Row}s keyed by
 * lower-cased column names, so that one row check serves every format. Row numbers are what the
 * user sees: the line of a CSV (header is 1), the sheet row of an XLSX, the object's position in
 * a JSON array or its line in JSON Lines.
 */
public final class TabularReader {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TabularReader() {
    }

    /** Calls onHeader with the column names (CSV and XLSX; JSON objects name their own fields), then every row. */
    public static void read(TabularFormat format, Path file, Charset charset, Consumer<List<String>> onHeader,
                            Consumer<CsvReader.Row> sink) {
        read(format, file, charset, XlsxGuard.Limits.UPLOADS, onHeader, sink);
    }

    /** As {@link #read(TabularFormat, Path, Charset, Consumer, Consumer)}, an XLSX within the given limits. */
    public static void read(TabularFormat format, Path file, Charset charset, XlsxGuard.Limits xlsxLimits,
                            Consumer<List<String>> onHeader, Consumer<CsvReader.Row> sink) {
        switch (format) {
            case CSV -> {
                try (InputStream in = Files.newInputStream(file)) {
                    CsvReader.read(in, charset, onHeader, sink);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case JSON -> readJson(file, sink);
            case XLSX -> XlsxReader.read(file, xlsxLimits, onHeader, sink);
            default -> throw new IllegalArgumentException(format.name());
        }
    }

    private static void readJson(Path file, Consumer<CsvReader.Row> sink) {
        try (InputStream in = Files.newInputStream(file); JsonParser p = JSON.createParser(in)) {
            JsonToken first = p.nextToken();
            boolean array = first == JsonToken.START_ARRAY;
            int index = 0;
            JsonToken t = array ? p.nextToken() : first;
            while (t != null && t != JsonToken.END_ARRAY) {
                index++;
                int number = array ? index : p.currentTokenLocation().getLineNr();
                if (t != JsonToken.START_OBJECT) {
                    throw new InvalidInputException(ProblemType.INVALID_JSON, "Each record must be a JSON object",
                            List.of(new Problem(number, null, t.asString(), "expected an object")), 1);
                }
                Map<String, String> cells = recordCells(p, number);
                sink.accept(new CsvReader.Row(number, cells));
                t = p.nextToken();
            }
            if (array && t == JsonToken.END_ARRAY && p.nextToken() != null) {
                throw new InvalidInputException(ProblemType.INVALID_JSON, "Content after the end of the JSON array");
            }
        } catch (JacksonException e) {
            long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new InvalidInputException(ProblemType.INVALID_JSON,
                    "Malformed JSON" + (line > 0 ? " at line " + line : "")
                    + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fields of the record whose START_OBJECT the parser is on, read up to its END_OBJECT. */
    private static Map<String, String> recordCells(JsonParser p, int number) {
        Map<String, String> cells = new HashMap<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName().strip().toLowerCase(Locale.ROOT);
            if (Inputs.hasNul(name) || name.isEmpty() || cells.containsKey(name)) {
                throw new InvalidInputException(ProblemType.INVALID_JSON, "A record has a malformed field name",
                        List.of(new Problem(number, Inputs.shown(name), null, Inputs.hasNul(name)
                                ? "the field name " + Inputs.NUL_REASON : name.isEmpty()
                                ? "the field has no name" : "the field appears more than once in the record")),
                        1);
            }
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                p.skipChildren();
                throw new InvalidInputException(ProblemType.INVALID_JSON, "Record fields must be plain values",
                        List.of(new Problem(number, name, null, "nested objects and arrays are not allowed")), 1);
            }
            cells.put(name, v == JsonToken.VALUE_NULL ? "" : p.getString());
        }
        return cells;
    }
}

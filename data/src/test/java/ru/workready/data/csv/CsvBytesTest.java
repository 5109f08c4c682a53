package ru.workready.data.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bulk uploads parse CSV on bytes ({@link CsvBytes}); small files go through the library
 * ({@link CsvTable}, Commons CSV). On seeded random files — well-formed tables of quoted fields with
 * embedded delimiters, doubled quotes and line breaks, empty fields, Cyrillic, CR/LF/CRLF, with and
 * without BOM, in UTF-8 and Windows-1251, and token soup full of stray quotes — cut across buffer
 * ends of every small size, both give the same header and the same rows with the same line numbers,
 * or the same refusal.
 */
class CsvBytesTest {
    private static final String[] TOKENS = {"a", "b", "7", " ", "Я", "ё", "щ", ";", ",", "\"", "\"\"", "\n", "\r\n",
        "\r", "ПК 1.1", "2026-03-01", "\"x;y\"", "\"мн\nстрок\"", "\"a\"b", "\" \"\"\""};
    private static final String PLAIN = "abЖЩё 12.«»-\t";
    private static final String ANY = PLAIN + ";,\"\n\r";
    private static final String[] LINE_ENDS = {"\n", "\r\n", "\r"};

    static Stream<Long> seeds() {
        return LongStream.range(0, 400).map(i -> 20261205L * 31 + i).boxed();
    }

    static Stream<Long> longFileSeeds() {
        return LongStream.range(0, 20).map(i -> 20261205L * 37 + i).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void bytesAndLibraryGiveTheSameRows(long seed) {
        System.out.println("CsvBytesTest seed " + seed);
        Random random = new Random(seed);
        String text = random.nextBoolean() ? table(random) : soup(random);
        Charset charset = random.nextBoolean() ? StandardCharsets.UTF_8 : CsvReader.WINDOWS_1251;
        byte[] bytes = text.getBytes(charset);
        String decoded = new String(bytes, charset);
        String expected = outcome(sink -> CsvTable.read(decoded, sink.header, sink.rows));
        for (int size : new int[] {1, 2, 3, 5, 8, 64, 64 * 1024}) {
            String actual = outcome(sink -> CsvReader.read(new ByteArrayInputStream(bytes), charset, size,
                    sink.header, sink.rows));
            assertThat(actual).as("seed %d, %s, buffer %d: %s", seed, charset, size, text.replace("\r", "\\r"))
                    .isEqualTo(expected);
        }
    }

    /**
     * Columns of few values (whose strings the tokenizer makes once), of many (it stops remembering them) and of a few
     * hundred cut across buffer ends: the same rows as the library's.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("longFileSeeds")
    void repeatedAndDistinctCellsOverManyRows(long seed) {
        System.out.println("CsvBytesTest seed " + seed);
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder("id;kind;date;note");
        int days = 1 + random.nextInt(700);
        for (int r = 0; r < 3_000; r++) {
            text.append('\n').append("ст-").append(random.nextInt(100_000)).append(';')
                    .append(random.nextBoolean() ? "ЭКЗАМЕН" : "grade").append(';')
                    .append(random.nextInt(days)).append(';').append(field(random));
        }
        Charset charset = random.nextBoolean() ? StandardCharsets.UTF_8 : CsvReader.WINDOWS_1251;
        byte[] bytes = text.toString().getBytes(charset);
        String expected = outcome(sink -> CsvTable.read(new String(bytes, charset), sink.header, sink.rows));
        for (int size : new int[] {7, 64 * 1024}) {
            String actual = outcome(sink -> CsvReader.read(new ByteArrayInputStream(bytes), charset, size,
                    sink.header, sink.rows));
            assertThat(actual).as("seed %d, %s, buffer %d", seed, charset, size).isEqualTo(expected);
        }
    }

    /** The header and rows read, or the refusal, as text to compare. */
    private static String outcome(Consumer<Sink> read) {
        Sink sink = new Sink();
        try {
            read.accept(sink);
            return sink.out.toString();
        } catch (RuntimeException e) {
            return "refused: " + e.getClass().getSimpleName() + " " + e.getMessage();
        }
    }

    private static final class Sink {
        final StringBuilder out = new StringBuilder();
        final Consumer<List<String>> header = h -> out.append("header ").append(h).append('\n');
        final Consumer<CsvReader.Row> rows = r -> out.append(r.number()).append(' ').append(r.cells()).append('\n');
    }

    /** A well-formed table: quoted fields may hold anything, plain ones no delimiter, quote or line end. */
    private static String table(Random random) {
        StringBuilder text = new StringBuilder(random.nextInt(4) == 0 ? "\uFEFF" : "");
        char delimiter = random.nextBoolean() ? ';' : ',';
        int columns = 1 + random.nextInt(5);
        List<String> header = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            header.add(random.nextBoolean() ? "Col" + c : "\"col " + c + "\"");
        }
        text.append(String.join(String.valueOf(delimiter), header));
        for (int r = random.nextInt(30); r > 0; r--) {
            text.append(LINE_ENDS[random.nextInt(LINE_ENDS.length)]);
            int fields = random.nextInt(4) == 0 ? random.nextInt(columns + 2) : columns;
            for (int f = 0; f < fields; f++) {
                text.append(f == 0 ? "" : String.valueOf(delimiter)).append(field(random));
            }
        }
        if (random.nextBoolean()) {
            text.append(LINE_ENDS[random.nextInt(LINE_ENDS.length)]);
        }
        return text.toString();
    }

    private static String field(Random random) {
        boolean quoted = random.nextBoolean();
        String alphabet = quoted ? ANY : PLAIN;
        StringBuilder v = new StringBuilder();
        for (int k = random.nextInt(random.nextInt(4) == 0 ? 1 : 9); k > 0; k--) {
            v.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return quoted ? '"' + v.toString().replace("\"", "\"\"") + '"' : v.toString();
    }

    /** Anything: stray quotes, text after closing quotes, quotes left open, blank lines. */
    private static String soup(Random random) {
        StringBuilder text = new StringBuilder();
        if (random.nextInt(4) == 0) {
            text.append('\uFEFF');
        }
        String delimiter = random.nextBoolean() ? ";" : ",";
        text.append(String.join(delimiter, List.of("student_id", "Kind", " result ", "\"comment\""))
                .substring(0, 20 + random.nextInt(10)));
        text.append(LINE_ENDS[random.nextInt(LINE_ENDS.length)]);
        for (int i = random.nextInt(120); i > 0; i--) {
            text.append(TOKENS[random.nextInt(TOKENS.length)]);
        }
        return text.toString();
    }
}

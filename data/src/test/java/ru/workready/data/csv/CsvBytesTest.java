package ru.workready.data.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Uploads parse CSV on bytes ({@code CsvReader.read(InputStream, …)}); everything else parses
 * characters. On seeded random files full of quotes, doubled quotes, delimiters, CR, LF, Cyrillic
 * and blank lines, in UTF-8 (with and without BOM) and Windows-1251, cut across buffer ends of
 * every small size, both give the same header and the same rows with the same line numbers.
 */
class CsvBytesTest {
    private static final String[] TOKENS = {"a", "b", "7", " ", "Я", "ё", "щ", ";", ",", "\"", "\"\"", "\n", "\r\n",
        "\r", "ПК 1.1", "2026-03-01", "\"x;y\"", "\"мн\nстрок\""};

    static Stream<Long> seeds() {
        return LongStream.range(0, 300).map(i -> 20261125L * 31 + i).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void bytesAndCharactersGiveTheSameRows(long seed) {
        Random random = new Random(seed);
        String text = file(random);
        Charset charset = random.nextBoolean() ? StandardCharsets.UTF_8 : CsvReader.WINDOWS_1251;
        List<String> charHeader = new ArrayList<>();
        List<CsvReader.Row> charRows = new ArrayList<>();
        CsvReader.read(new StringReader(text), charHeader::addAll, charRows::add);
        byte[] bytes = text.getBytes(charset);
        for (int size : new int[] {1, 2, 3, 5, 8, 64, 64 * 1024}) {
            List<String> byteHeader = new ArrayList<>();
            List<CsvReader.Row> byteRows = new ArrayList<>();
            CsvReader.read(new ByteArrayInputStream(bytes), charset, size, byteHeader::addAll, byteRows::add);
            assertThat(byteHeader).as("seed %d, %s, buffer %d", seed, charset, size).isEqualTo(charHeader);
            assertThat(byteRows).as("seed %d, %s, buffer %d: %s", seed, charset, size, text).isEqualTo(charRows);
        }
    }

    private static String file(Random random) {
        StringBuilder text = new StringBuilder();
        if (random.nextInt(4) == 0) {
            text.append('\uFEFF');
        }
        String delimiter = random.nextBoolean() ? ";" : ",";
        text.append(String.join(delimiter, List.of("student_id", "Kind", " result ", "\"comment\""))
                .substring(0, 20 + random.nextInt(10)));
        text.append(random.nextBoolean() ? "\r\n" : "\n");
        int tokens = random.nextInt(120);
        for (int i = 0; i < tokens; i++) {
            text.append(TOKENS[random.nextInt(TOKENS.length)]);
        }
        return text.toString();
    }
}

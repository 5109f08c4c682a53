package ru.workready.data.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvReaderRowTest {

    /** The shortcut answers as {@link Character#isWhitespace} does, for every character. */
    @Test
    void visibleIsNotWhiteSpaceForEveryCharacter() {
        for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
            assertThat(CsvReader.Row.visible((char) c)).as("U+%04X", c).isEqualTo(!Character.isWhitespace(c));
        }
    }

    @Test
    void cellsAreTrimmedAndBlankOnesAreAbsent() {
        CsvReader.Row row = new CsvReader.Row(2, Map.of("a", " ПК 1.1\t", "b", "  ", "c", "Демо", "d", "\u2003x"));
        assertThat(row.get("a")).isEqualTo("ПК 1.1");
        assertThat(row.get("b")).isNull();
        assertThat(row.get("c")).isEqualTo("Демо");
        assertThat(row.get("d")).isEqualTo("x");
        assertThat(row.get("missing")).isNull();
    }
}

package ru.workready.data.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

    /** A column is found by the name the header gives it, whether the caller's string is the same object or not. */
    @Test
    void columnsAreFoundByNameWhateverTheStringInstance() {
        List<CsvReader.Row> rows = new ArrayList<>();
        CsvReader.read(new ByteArrayInputStream("Student_ID;kind; comment \nS1;;x\n".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8, header -> { }, rows::add);
        CsvReader.Row row = rows.get(0);
        assertThat(row.get("student_id")).isEqualTo("S1");
        assertThat(row.get(new String("student_id".toCharArray()))).isEqualTo("S1");
        assertThat(row.get("kind")).isNull();
        assertThat(row.cells().get("kind")).isEmpty();
        assertThat(row.get(new String("comment".toCharArray()))).isEqualTo("x");
        assertThat(row.cells().containsKey("comment")).isTrue();
        assertThat(row.cells().containsKey("missing")).isFalse();
        assertThat(row.get("missing")).isNull();
    }
}

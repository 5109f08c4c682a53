package ru.workready.data.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.workready.data.InvalidInputException;

class CsvTableTest {

    @Test
    void recordsKeepTheLineTheyStartOn() {
        List<CsvTable.Record> records = CsvTable.records("a;b\r\n\"x\ny\";2\r\rlast;\"open");
        assertThat(records).containsExactly(
                new CsvTable.Record(1, List.of("a", "b")),
                new CsvTable.Record(2, List.of("x\ny", "2")),
                new CsvTable.Record(4, List.of("")),
                new CsvTable.Record(5, List.of("last", "open")));
    }

    @Test
    void delimiterIsCountedOutsideQuotesOnTheFirstLine() {
        assertThat(CsvTable.delimiterOf("a;b,c;d\n,,,,")).isEqualTo(';');
        assertThat(CsvTable.delimiterOf("RuleSet,\"a;b;c\"")).isEqualTo(',');
        assertThat(CsvTable.delimiterOf("a;b\r,,,,")).isEqualTo(';');
        assertThat(CsvTable.delimiterOf("single")).isEqualTo(',');
    }

    @Test
    void rowsAreKeyedByTrimmedLowerCaseHeaderWithUtf8OrWindows1251AndBom() {
        for (byte[] content : new byte[][] {
            "\uFEFFКод; Балл \n\"ПК 1.1\";\"5\"\"\"\n\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
            "Код; Балл \n\"ПК 1.1\";\"5\"\"\"\n\n".getBytes(CsvReader.WINDOWS_1251)}) {
            List<CsvReader.Row> rows = new ArrayList<>();
            assertThat(CsvTable.read(content, rows::add)).containsExactly("код", "балл");
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).number()).isEqualTo(2);
            assertThat(rows.get(0).get("код")).isEqualTo("ПК 1.1");
            assertThat(rows.get(0).get("балл")).isEqualTo("5\"");
        }
    }

    @Test
    void anEmptyFileHasNoHeaderAndAnEmptyHeaderIsRefusedOnRowOne() {
        assertThat(CsvTable.read(new byte[0], row -> {
        })).isEmpty();
        assertThatThrownBy(() -> CsvTable.read(";\nx;y".getBytes(java.nio.charset.StandardCharsets.UTF_8), row -> {
        })).isInstanceOf(InvalidInputException.class);
    }
}

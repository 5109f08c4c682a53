package ru.workready.data.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ru.workready.data.csv.CsvReader;
import ru.workready.data.csv.CsvTable;

/** CSV and XLSX exports: formula injection is neutralized and every cell round-trips. */
class ReportExportsTest {
    private static final String ALPHABET = "=+-@\t;\",\n\r 'aбВ1.#";

    static Stream<Long> seeds() {
        return LongStream.range(0, 200).map(i -> 20261125L + i).boxed();
    }

    @Test
    void cellsStartingWithAFormulaCharacterAreNeutralized() {
        assertThat(ReportExports.csvCell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(ReportExports.csvCell("+7 999")).isEqualTo("'+7 999");
        // the same guard as every export (CsvCells): plain numbers stay numbers, text after a sign does not
        assertThat(ReportExports.csvCell("-1")).isEqualTo("-1");
        assertThat(ReportExports.csvCell("-0,25")).isEqualTo("-0,25");
        assertThat(ReportExports.csvCell("-1+A1")).isEqualTo("'-1+A1");
        assertThat(ReportExports.csvCell("＝1+1")).isEqualTo("'＝1+1");
        assertThat(ReportExports.csvCell("\tx")).isEqualTo("'\tx");
        assertThat(ReportExports.csvCell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ReportExports.csvCell("ПК 1.1")).isEqualTo("ПК 1.1");
        assertThat(ReportExports.csvCell("a;b")).isEqualTo("\"a;b\"");
    }

    /** Any text, once exported and read back, is the text itself, prefixed with ' only when it starts a formula. */
    @ParameterizedTest
    @MethodSource("seeds")
    void csvRoundTripsAndNeverStartsAFormula(long seed) {
        Random random = new Random(seed);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            StringBuilder s = new StringBuilder();
            int n = random.nextInt(8);
            for (int k = 0; k < n; k++) {
                s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            // CsvReader skips blank lines and trims: keep a visible letter at the end
            values.add(s.append('x').toString());
        }
        List<List<@Nullable Object>> rows = List.of(new ArrayList<>(values));
        byte[] csv = ReportExports.csv(report(new Table("t", List.of("a", "b", "c", "d"), rows)));
        String text = CsvReader.decode(csv);
        String data = text.substring(text.indexOf("a;b;c;d"));
        List<CsvReader.Row> read = new ArrayList<>();
        CsvTable.read(data, header -> {
        }, read::add);
        assertThat(read).as("seed %d", seed).hasSize(1);
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            String cell = read.get(0).cells().get(String.valueOf((char) ('a' + i)));
            String expected = "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
            assertThat(cell).as("seed %d, value %s", seed, v).isEqualTo(expected);
            assertThat("=+-@".indexOf(cell.charAt(0))).as("seed %d", seed).isNegative();
        }
    }

    @Test
    void xlsxKeepsFormulaLookingTextAsText() throws Exception {
        List<List<@Nullable Object>> rows = List.of(Table.row("=1+1", 0.5, null));
        byte[] xlsx = ReportExports.xlsx(report(new Table("Лист", List.of("a", "b", "c"), rows)));
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetName(0)).isEqualTo("Сведения");
            assertThat(book.getSheet("Сведения").getRow(0).getCell(0).getStringCellValue()).startsWith("Программа: 09.02.07");
            Row row = book.getSheet("Лист").getRow(1);
            Cell text = row.getCell(0);
            assertThat(text.getCellType()).isEqualTo(CellType.STRING);
            assertThat(text.getStringCellValue()).isEqualTo("=1+1");
            assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(0.5);
            assertThat(row.getCell(2)).isNull();
        }
    }

    private static ProgrammeReport report(Table table) {
        Provenance p = new Provenance(new Provenance.Programme(1, "C", "09.02.07", "Программа", 2023, 5),
                List.of(new Provenance.Source("06.001", "Программист", "424н", LocalDate.of(2022, 7, 20), 1, 1, 1, true)),
                List.of("default-1"), OffsetDateTime.parse("2026-11-25T10:00:00Z"));
        return new ProgrammeReport() {
            @Override
            public Provenance provenance() {
                return p;
            }

            @Override
            public List<Table> tables() {
                return List.of(table);
            }

            @Override
            public String fileName() {
                return "t";
            }
        };
    }
}

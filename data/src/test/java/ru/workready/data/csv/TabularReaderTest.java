package ru.workready.data.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.workready.data.InvalidInputException;
import ru.workready.data.assessments.UploadSpool;

class TabularReaderTest {
    @TempDir
    Path dir;

    private List<CsvReader.Row> read(TabularFormat format, byte[] content) {
        List<CsvReader.Row> rows = new ArrayList<>();
        try (UploadSpool spool = UploadSpool.of(content)) {
            TabularReader.read(format, spool.file(), spool.utf8() ? StandardCharsets.UTF_8 : CsvReader.WINDOWS_1251,
                    h -> {
                    }, rows::add);
        }
        return rows;
    }

    @Test
    void encodingIsToldFromTheBytes() {
        String text = "student_id;assessor\nS-1;ЦОК «Север»\n";
        try (UploadSpool utf8 = UploadSpool.of(text.getBytes(StandardCharsets.UTF_8));
             UploadSpool cp1251 = UploadSpool.of(text.getBytes(Charset.forName("windows-1251")))) {
            assertThat(utf8.utf8()).isTrue();
            assertThat(cp1251.utf8()).isFalse();
        }
        for (Charset cs : List.of(StandardCharsets.UTF_8, Charset.forName("windows-1251"))) {
            assertThat(read(TabularFormat.CSV, text.getBytes(cs)).get(0).get("assessor")).isEqualTo("ЦОК «Север»");
        }
        byte[] bom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        assertThat(read(TabularFormat.CSV, bom).get(0).get("student_id")).isEqualTo("S-1");
    }

    @Test
    void formatIsToldFromTheMediaTypeOrTheFirstBytes() {
        assertThat(TabularFormat.detect("text/csv; charset=windows-1251", new byte[0])).isEqualTo(TabularFormat.CSV);
        assertThat(TabularFormat.detect("application/x-ndjson", new byte[0])).isEqualTo(TabularFormat.JSON);
        assertThat(TabularFormat.detect("application/octet-stream", "  [{}]".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(TabularFormat.JSON);
        assertThat(TabularFormat.detect(null, new byte[] {'P', 'K', 3, 4})).isEqualTo(TabularFormat.XLSX);
        assertThat(TabularFormat.detect(null, "a;b".getBytes(StandardCharsets.UTF_8))).isEqualTo(TabularFormat.CSV);
    }

    @Test
    void jsonValuesOfAnyScalarTypeAreText() {
        List<CsvReader.Row> rows = read(TabularFormat.JSON,
                "{\"Student_ID\": \"S-1\", \"result\": 4, \"max_points\": 12.5, \"passed\": true, \"comment\": null}\n\n{\"student_id\": \"S-2\"}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("student_id")).isEqualTo("S-1");
        assertThat(rows.get(0).get("result")).isEqualTo("4");
        assertThat(rows.get(0).get("max_points")).isEqualTo("12.5");
        assertThat(rows.get(0).get("passed")).isEqualTo("true");
        assertThat(rows.get(0).get("comment")).isNull();
        assertThat(rows.get(1).number()).as("JSON Lines rows are numbered by line").isEqualTo(3);
        assertThatThrownBy(() -> read(TabularFormat.JSON, "[{\"a\": {\"b\": 1}}]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("plain values");
    }

    @Test
    void xlsxDatesNumbersAndGapsReadAsTyped() throws IOException {
        byte[] content;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("m/d/yy"));
            var sheet = book.createSheet();
            Row h = sheet.createRow(0);
            h.createCell(0).setCellValue("Student_ID");
            h.createCell(2).setCellValue("assessed_on");
            h.createCell(3).setCellValue("result");
            Row r = sheet.createRow(2);
            r.createCell(0).setCellValue("S-1");
            r.createCell(2).setCellValue(LocalDate.of(2026, 6, 15));
            r.getCell(2).setCellStyle(date);
            r.createCell(3).setCellValue(5);
            book.write(out);
            content = out.toByteArray();
        }
        List<CsvReader.Row> rows = read(TabularFormat.XLSX, content);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).number()).as("the sheet's row number").isEqualTo(3);
        assertThat(rows.get(0).get("student_id")).isEqualTo("S-1");
        assertThat(rows.get(0).get("assessed_on")).isEqualTo("2026-06-15");
        assertThat(rows.get(0).get("result")).isEqualTo("5");
    }

    /** Property: any table of awkward cells written as RFC 4180 CSV reads back cell for cell. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 20261125, 987654321})
    void csvRoundTripsAwkwardCells(long seed) throws IOException {
        Random random = new Random(seed);
        String alphabet = "abcЖЩё;,\"\n 12.«»\t";
        char delimiter = random.nextBoolean() ? ';' : ',';
        int columns = 2 + random.nextInt(5);
        List<String> header = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            header.add("col" + c);
        }
        List<List<String>> table = new ArrayList<>();
        StringBuilder csv = new StringBuilder(String.join(String.valueOf(delimiter), header)).append("\r\n");
        for (int r = 0; r < 50; r++) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                StringBuilder cell = new StringBuilder("x");
                for (int k = random.nextInt(8); k > 0; k--) {
                    cell.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                row.add(cell.toString());
                csv.append(c == 0 ? "" : String.valueOf(delimiter))
                        .append('"').append(cell.toString().replace("\"", "\"\"")).append('"');
            }
            csv.append(random.nextBoolean() ? "\n" : "\r\n");
            table.add(row);
        }
        Path file = dir.resolve("t" + seed + ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        List<CsvReader.Row> rows = new ArrayList<>();
        TabularReader.read(TabularFormat.CSV, file, StandardCharsets.UTF_8, h -> assertThat(h).isEqualTo(header),
                rows::add);
        assertThat(rows).as("seed %d", seed).hasSize(table.size());
        for (int r = 0; r < table.size(); r++) {
            for (int c = 0; c < columns; c++) {
                assertThat(rows.get(r).cells().get("col" + c)).as("seed %d row %d col %d", seed, r, c)
                        .isEqualTo(table.get(r).get(c));
            }
        }
    }
}

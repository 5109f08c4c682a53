package ru.workready.api.rulebase;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.drools.decisiontable.parser.csv.CsvLineParser;

/** The shipped example decision table (from the rules jar) as cells, CSV and XLSX, for upload tests. */
final class DecisionTableFiles {
    static final String SHEET = "Правила";

    private DecisionTableFiles() {
    }

    static byte[] resource(String path) {
        try (InputStream in = DecisionTableFiles.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example's cells, rows of mutable lists, so a test can change a cell or add a row. */
    static List<List<String>> exampleCells() {
        List<List<String>> rows = new ArrayList<>();
        CsvLineParser parser = new CsvLineParser();
        for (String line : new String(resource("/rulesets/region-example-table.csv"), StandardCharsets.UTF_8)
                .split("\r?\n")) {
            rows.add(new ArrayList<>(parser.parse(line)));
        }
        return rows;
    }

    static byte[] csv(List<List<String>> cells, char delimiter) {
        StringBuilder s = new StringBuilder();
        for (List<String> row : cells) {
            for (int c = 0; c < row.size(); c++) {
                String v = row.get(c);
                s.append(c == 0 ? "" : String.valueOf(delimiter)).append(
                        v.indexOf(delimiter) >= 0 || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
            }
            s.append('\n');
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An XLSX workbook: a notes sheet, then the cells on sheet «Правила». */
    static byte[] xlsx(List<List<String>> cells) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("Пояснения").createRow(0).createCell(0).setCellValue("Правила — на листе «Правила».");
            Sheet sheet = wb.createSheet(SHEET);
            for (int r = 0; r < cells.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < cells.get(r).size(); c++) {
                    if (!cells.get(r).get(c).isEmpty()) {
                        row.createCell(c).setCellValue(cells.get(r).get(c));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A row of the example table: name, evidence kind, older than, reason, Причина, weight, excluded. */
    static List<String> row(String name, String kind, String olderThan, String reason, String reasonRu, String weight,
                            String excluded) {
        return new ArrayList<>(List.of(name, kind, olderThan, reason, reasonRu, weight, excluded));
    }
}

package ru.workready.rules.tables;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.csv.CsvLineParser;

/**
 * The shipped example decision table: the committed CSV, and the same cells as an XLSX workbook built
 * with POI (a notes sheet first, then the rules sheet), as a methodologist would keep it in Excel.
 */
final class DecisionTableWorkbook {
    static final String CSV = "/rulesets/region-example-table.csv";
    static final String RULES_SHEET = "Правила";

    private DecisionTableWorkbook() {
    }

    static byte[] csv() throws IOException {
        try (InputStream in = DecisionTableWorkbook.class.getResourceAsStream(CSV)) {
            return in.readAllBytes();
        }
    }

    static List<List<String>> cells(byte[] csv) {
        List<List<String>> rows = new ArrayList<>();
        CsvLineParser parser = new CsvLineParser();
        for (String line : new String(csv, StandardCharsets.UTF_8).split("\r?\n")) {
            rows.add(parser.parse(line));
        }
        return rows;
    }

    /** An XLSX workbook with the cells on sheet «Правила», after a notes sheet «Пояснения». */
    static byte[] xlsx(List<List<String>> cells) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("Пояснения").createRow(0).createCell(0)
                    .setCellValue("Региональная политика: правила на листе «Правила», одна строка — одно правило.");
            Sheet sheet = wb.createSheet(RULES_SHEET);
            for (int r = 0; r < cells.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < cells.get(r).size(); c++) {
                    String v = cells.get(r).get(c);
                    if (!v.isEmpty()) {
                        row.createCell(c).setCellValue(v);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    static String drlOfCsv(byte[] csv) {
        return new SpreadsheetCompiler().compile(new java.io.ByteArrayInputStream(csv), InputType.CSV);
    }

    static String drlOfXlsx(byte[] xlsx) {
        return new SpreadsheetCompiler().compile(new java.io.ByteArrayInputStream(xlsx), RULES_SHEET);
    }
}

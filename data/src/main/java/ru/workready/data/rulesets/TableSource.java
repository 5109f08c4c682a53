package ru.workready.data.rulesets;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.jspecify.annotations.Nullable;
import ru.workready.data.InvalidInputException;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.csv.CsvReader;
import ru.workready.data.csv.CsvTable;
import ru.workready.data.csv.XlsxGuard;

/**
 * What Drools compiles of a decision table (input: the bytes; sheet: the one with the rules, for a
 * workbook) and that sheet's cells by row, to name the cell at fault.
 */
record TableSource(@Nullable String sheet, Map<Integer, List<String>> cells, byte[] input) {

    /** What an XLSX may unpack to. */
    static final long MAX_UNPACKED_BYTES = 32L * 1024 * 1024;
    /** A decision table's limits: 8 MB a part, 4 MB and 50,000 shared strings, 200,000 XML elements. */
    static final XlsxGuard.Limits LIMITS = new XlsxGuard.Limits(8L << 20, 8L << 20, 4L << 20, 50_000,
            MAX_UNPACKED_BYTES, 200_000);

    /** Reads a table in the given format, or throws {@link InvalidInputException} naming the file or cell. */
    static TableSource read(String file, DecisionTables.Format format, byte[] content) {
        return format == DecisionTables.Format.CSV ? csv(content) : workbook(file, format, content);
    }

    private static TableSource csv(byte[] content) {
        String text = commaSeparated(CsvReader.decode(content));
        return new TableSource(null, csvCells(text), text.getBytes(StandardCharsets.UTF_8)); // Drools reads CSV as UTF-8
    }

    private static TableSource workbook(String file, DecisionTables.Format format, byte[] content) {
        if (format == DecisionTables.Format.XLSX) {
            checkUnpackedSize(file, content);
        }
        Map<String, Map<Integer, List<String>>> sheets = workbookCells(file, content);
        // the rules are on the first sheet with a RuleTable: a notes sheet may come before it
        String sheet = sheets.entrySet().stream().filter(e -> hasRuleTable(e.getValue())).map(Map.Entry::getKey)
                .findFirst().orElse(null);
        if (sheet == null) {
            throw DecisionTables.problem(file, null, file, null, "no sheet has a RuleTable cell: a decision table "
                    + "starts with a cell 'RuleTable <name>' above its NAME/CONDITION/ACTION header row");
        }
        return new TableSource(sheet, sheets.get(sheet), content);
    }

    /**
     * An XLSX is a zip: a few kilobytes can unpack to gigabytes, and POI's user model holds all of it
     * in memory, an object per XML element. A methodologist's workbook unpacks to well under a
     * megabyte, so the shared limits ({@link XlsxGuard}) are tight here: every part's declared size,
     * then its bytes as they inflate, the shared strings and the elements of all parts counted.
     */
    private static void checkUnpackedSize(String file, byte[] content) {
        try {
            XlsxGuard.checkWhole(content, LIMITS);
        } catch (InvalidInputException e) {
            Problem p = e.problems().isEmpty() ? Problem.ofFile(e.getMessage()) : e.problems().get(0);
            throw DecisionTables.problem(file, null, p.column() == null ? file : file + ": " + p.column(), null,
                    p.reason().startsWith(XlsxGuard.UNREADABLE) ? p.reason()
                            : p.reason() + "; a decision table is far smaller");
        }
    }

    private static boolean hasRuleTable(Map<Integer, List<String>> cells) {
        return cells.values().stream().flatMap(List::stream)
                .anyMatch(v -> v.strip().toLowerCase(Locale.ROOT).startsWith("ruletable"));
    }

    /** Every sheet's cell text (as Excel shows it), in workbook order. */
    private static Map<String, Map<Integer, List<String>>> workbookCells(String file, byte[] content) {
        Map<String, Map<Integer, List<String>>> sheets = new LinkedHashMap<>();
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            for (Sheet s : wb) {
                Map<Integer, List<String>> rows = new LinkedHashMap<>();
                for (Row r : s) {
                    List<String> values = new ArrayList<>();
                    for (int c = 0; c < Math.max(0, r.getLastCellNum()); c++) {
                        Cell cell = r.getCell(c);
                        values.add(cell == null ? "" : formatter.formatCellValue(cell));
                    }
                    rows.put(r.getRowNum() + 1, values);
                }
                sheets.put(s.getSheetName(), rows);
            }
        } catch (java.io.IOException | RuntimeException e) {
            throw DecisionTables.problem(file, null, file, null,
                    "not a readable " + DecisionTables.format(file) + " workbook: " + DecisionTables.reason(e));
        }
        return sheets;
    }

    private static Map<Integer, List<String>> csvCells(String text) {
        Map<Integer, List<String>> rows = new LinkedHashMap<>();
        for (CsvTable.Record r : CsvTable.records(text)) {
            rows.put(r.line(), r.fields());
        }
        return rows;
    }

    /**
     * Drools reads only comma-separated CSV; Russian Excel saves with ';'. A file whose first line has
     * more ';' than ',' outside quotes is rewritten with commas (quoted where needed), a record a line.
     */
    static String commaSeparated(String text) {
        if (CsvTable.delimiterOf(text) != ';') {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 64);
        for (CsvTable.Record r : CsvTable.records(text)) {
            List<String> cells = r.fields();
            for (int i = 0; i < cells.size(); i++) {
                String v = cells.get(i);
                out.append(i == 0 ? "" : ",");
                out.append(v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
            }
            out.append('\n');
        }
        return out.toString();
    }
}

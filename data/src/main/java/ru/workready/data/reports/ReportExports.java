package ru.workready.data.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import ru.workready.data.csv.CsvCells;

/**
 * CSV and XLSX downloads of a report. CSV: UTF-8 with BOM and ';' (what Russian Excel opens
 * without a wizard), the provenance as leading '#' lines, the report's first table; every cell
 * through {@link CsvCells}, the formula guard all exports share. XLSX: a
 * "Сведения" sheet with the provenance, then one sheet per table.
 */
public final class ReportExports {
    private ReportExports() {
    }

    public static byte[] csv(Tabular report) {
        StringBuilder out = new StringBuilder("\uFEFF");
        for (String line : report.provenanceLines()) {
            out.append(csvCell("# " + line)).append("\r\n");
        }
        for (String line : report.notes()) {
            out.append(csvCell("# " + line)).append("\r\n");
        }
        Table table = report.tables().get(0);
        appendCsvRow(out, List.copyOf(table.header()));
        for (List<@Nullable Object> row : table.rows()) {
            appendCsvRow(out, row);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendCsvRow(StringBuilder out, List<? extends @Nullable Object> row) {
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) {
                out.append(';');
            }
            Object v = row.get(i);
            out.append(v == null ? "" : csvCell(v instanceof Double ? number((Double) v) : String.valueOf(v)));
        }
        out.append("\r\n");
    }

    /** A cell through the one formula guard of every export ({@link CsvCells}), quoted for ';'. */
    static String csvCell(String value) {
        return CsvCells.cell(value, ';');
    }

    private static String number(Double v) {
        // Russian Excel reads a decimal comma
        return String.valueOf(v).replace('.', ',');
    }

    public static byte[] xlsx(Tabular report) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = boldStyle(book);
            aboutSheet(book, report);
            for (Table table : report.tables()) {
                tableSheet(book, table, bold);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CellStyle boldStyle(XSSFWorkbook book) {
        CellStyle bold = book.createCellStyle();
        Font font = book.createFont();
        font.setBold(true);
        bold.setFont(font);
        return bold;
    }

    /** The "Сведения" sheet: the provenance, then the notes, one line a row. */
    private static void aboutSheet(XSSFWorkbook book, Tabular report) {
        Sheet about = book.createSheet("Сведения");
        int r = 0;
        for (String line : report.provenanceLines()) {
            about.createRow(r++).createCell(0).setCellValue(line);
        }
        for (String line : report.notes()) {
            about.createRow(r++).createCell(0).setCellValue(line);
        }
        about.setColumnWidth(0, 120 * 256);
    }

    /** One table on a sheet of its own: a bold, frozen header row, then the rows. */
    private static void tableSheet(XSSFWorkbook book, Table table, CellStyle bold) {
        Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(table.name()));
        Row header = sheet.createRow(0);
        for (int c = 0; c < table.header().size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(table.header().get(c));
            cell.setCellStyle(bold);
        }
        HeatStyles heat = table.heatmap() ? new HeatStyles(book) : null;
        int n = 1;
        for (List<@Nullable Object> row : table.rows()) {
            Row x = sheet.createRow(n++);
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                if (v != null) {
                    writeCell(x.createCell(c), v, heat);
                }
            }
        }
        sheet.createFreezePane(0, 1);
        for (int c = 0; c < Math.min(table.header().size(), 12); c++) {
            sheet.setColumnWidth(c, Math.min(60, Math.max(10, table.header().get(c).length() + 4)) * 256);
        }
    }

    private static void writeCell(Cell cell, Object v, @Nullable HeatStyles heat) {
        if (v instanceof Number) {
            cell.setCellValue(((Number) v).doubleValue());
            return;
        }
        // text cells are stored as strings: POI never turns them into formulas
        cell.setCellValue(String.valueOf(v));
        if (heat != null) {
            CellStyle s = heat.of(String.valueOf(v));
            if (s != null) {
                cell.setCellStyle(s);
            }
        }
    }

    /** Fills for the coverage matrix: darker green for EXACT, lighter for PART_OF, yellow for RELATED. */
    private static final class HeatStyles {
        private final XSSFCellStyle exact;
        private final XSSFCellStyle partOf;
        private final XSSFCellStyle related;

        HeatStyles(XSSFWorkbook book) {
            exact = fill(book, new byte[] {(byte) 0x2e, (byte) 0x7d, (byte) 0x32});
            partOf = fill(book, new byte[] {(byte) 0x81, (byte) 0xc7, (byte) 0x84});
            related = fill(book, new byte[] {(byte) 0xff, (byte) 0xe0, (byte) 0x82});
        }

        private static XSSFCellStyle fill(XSSFWorkbook book, byte[] rgb) {
            XSSFCellStyle s = book.createCellStyle();
            s.setFillForegroundColor(new XSSFColor(rgb, null));
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            return s;
        }

        @Nullable CellStyle of(String value) {
            String v = value.toUpperCase(Locale.ROOT);
            if (v.startsWith("EXACT")) {
                return exact;
            }
            if (v.startsWith("PART_OF")) {
                return partOf;
            }
            return v.startsWith("RELATED") ? related : null;
        }
    }
}

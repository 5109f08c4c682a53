package ru.workready.data.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The XLSX reader parses the sheet itself instead of through POI's {@code XSSFSheetXMLHandler}
 * (which builds a rich-text object per string cell). On seeded random workbooks (shared and inline
 * strings, rich text, escapes, numbers in several formats, dates, booleans, formulas with cached
 * results, blank styled cells, gaps and empty rows) it gives exactly the rows POI's handler gives.
 */
class XlsxReaderTest {
    private static final String[] HEADER = {"student_id", "Kind", "result", "assessed_on", "comment", "place"};
    private static final String[] FORMATS = {"General", "0.00", "dd.mm.yyyy", "yyyy-mm-dd", "#,##0", "0%", "@",
        "d mmm yy"};

    @TempDir
    Path dir;

    static Stream<Long> seeds() {
        return LongStream.range(0, 60).map(i -> 20261125L * 17 + i).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void readsWhatPoisSheetHandlerReads(long seed) throws Exception {
        Random random = new Random(seed);
        Path file = dir.resolve("random-" + seed + ".xlsx");
        write(file, random);
        List<String> header = new ArrayList<>();
        List<CsvReader.Row> rows = new ArrayList<>();
        XlsxReader.read(file, header::addAll, rows::add);
        List<String> poiHeader = new ArrayList<>();
        List<CsvReader.Row> poiRows = new ArrayList<>();
        readWithPoi(file, poiHeader, poiRows);
        assertThat(header).as("seed %d", seed).isEqualTo(poiHeader);
        assertThat(rows).as("seed %d", seed).isEqualTo(poiRows);
    }

    /** The reader as it was: POI's sheet handler with the same row assembly and date formatting. */
    private static void readWithPoi(Path file, List<String> header, List<CsvReader.Row> rows) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            try (InputStream sheet = reader.getSheetsData().next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                        new XlsxReader.Rows(header::addAll, rows::add), new XlsxReader.IsoDates(), false));
                parser.parse(new InputSource(sheet));
            }
        }
    }

    private static void write(Path file, Random random) throws IOException {
        boolean streaming = random.nextInt(3) == 0; // SXSSF writes inline strings, XSSF shared ones
        try (Workbook book = streaming ? new SXSSFWorkbook(50) : new XSSFWorkbook();
             OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = book.createSheet("Результаты");
            List<CellStyle> styles = new ArrayList<>();
            for (String f : FORMATS) {
                CellStyle style = book.createCellStyle();
                style.setDataFormat(book.createDataFormat().getFormat(f));
                styles.add(style);
            }
            Row head = sheet.createRow(0);
            for (int c = 0; c < HEADER.length; c++) {
                if (random.nextInt(10) > 0) {
                    head.createCell(c).setCellValue(HEADER[c]);
                }
            }
            int rows = 1 + random.nextInt(40);
            int r = 1;
            for (int i = 0; i < rows; i++) {
                r += random.nextInt(4) == 0 ? 2 : 1; // now and then an empty row between
                Row row = sheet.createRow(r);
                for (int c = 0; c < HEADER.length + 1; c++) {
                    if (random.nextInt(5) == 0) {
                        continue; // a gap
                    }
                    cell(book, row.createCell(c), styles, random);
                }
            }
            if (!streaming) {
                book.getCreationHelper().createFormulaEvaluator().evaluateAll();
            }
            book.write(out);
        }
    }

    private static void cell(Workbook book, Cell cell, List<CellStyle> styles, Random random) {
        switch (random.nextInt(9)) {
            case 0 -> cell.setCellValue("Ученик-" + random.nextInt(1000));
            case 1 -> cell.setCellValue(random.nextBoolean() ? " с пробелами " : "a_x000D_b");
            case 2 -> {
                if (book instanceof XSSFWorkbook) {
                    XSSFRichTextString rich = new XSSFRichTextString("жирный и обычный");
                    XSSFFont bold = (XSSFFont) book.createFont();
                    bold.setBold(true);
                    rich.applyFont(0, 6, bold);
                    cell.setCellValue(rich);
                } else {
                    cell.setCellValue("обычный");
                }
            }
            case 3 -> {
                cell.setCellValue(random.nextInt(100_000) / (random.nextBoolean() ? 1.0 : 100.0));
                cell.setCellStyle(styles.get(random.nextInt(styles.size())));
            }
            case 4 -> {
                cell.setCellValue(LocalDate.of(2020, 1, 1).plusDays(random.nextInt(3000)));
                cell.setCellStyle(styles.get(2 + random.nextInt(2)));
            }
            case 5 -> cell.setCellValue(random.nextBoolean());
            case 6 -> {
                if (book instanceof XSSFWorkbook) {
                    cell.setCellFormula(random.nextBoolean() ? "1+" + random.nextInt(9) : "\"a\"&\"b\"");
                    cell.setCellStyle(styles.get(random.nextInt(styles.size())));
                } else {
                    cell.setCellValue(7);
                }
            }
            case 7 -> cell.setCellStyle(styles.get(random.nextInt(styles.size()))); // blank, styled
            default -> cell.setCellValue(random.nextInt(6));
        }
    }
}

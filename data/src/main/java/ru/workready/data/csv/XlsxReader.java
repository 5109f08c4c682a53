package ru.workready.data.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import ru.workready.data.InvalidInputException;

/**
 * Reads the first sheet of an XLSX file with POI's SAX event API: the sheet XML is streamed,
 * never built into a workbook in memory. The first row is the header. Date cells come out as
 * ISO dates whatever their display format; numbers as Excel shows them, without grouping.
 */
final class XlsxReader {
    private XlsxReader() {
    }

    static void read(Path file, Consumer<List<String>> onHeader, Consumer<CsvReader.Row> sink) {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new InvalidInputException("invalid-xlsx", "The workbook has no sheet");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings,
                        new Rows(onHeader, sink), new IsoDates(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (NotOfficeXmlFileException | InvalidFormatException e) {
            throw new InvalidInputException("invalid-xlsx", "Not an XLSX workbook: " + e.getMessage());
        } catch (SAXException | ParserConfigurationException | OpenXML4JException e) {
            throw new InvalidInputException("invalid-xlsx", "Unreadable XLSX sheet: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Date-formatted numbers as YYYY-MM-DD; everything else as Excel displays it, in a neutral locale. */
    private static final class IsoDates extends DataFormatter {
        IsoDates() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime t = DateUtil.getLocalDateTime(value, use1904);
                return t.toLocalDate().toString();
            }
            if ("General".equalsIgnoreCase(formatString) || formatIndex == 0) {
                // whole numbers without ".0", others as they are
                return value == Math.rint(value) && Math.abs(value) < 1e15
                        ? Long.toString((long) value) : Double.toString(value);
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904);
        }
    }

    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Consumer<List<String>> onHeader;
        private final Consumer<CsvReader.Row> sink;
        private List<String> header;
        private Map<String, String> cells;
        private List<String> headerCells;
        private int rowNumber;

        Rows(Consumer<List<String>> onHeader, Consumer<CsvReader.Row> sink) {
            this.onHeader = onHeader;
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            rowNumber = rowNum + 1;
            if (header == null) {
                headerCells = new ArrayList<>();
            } else {
                cells = new HashMap<>();
            }
        }

        @Override
        public void endRow(int rowNum) {
            if (header == null) {
                header = headerCells.stream().map(h -> h == null ? "" : h.strip().toLowerCase(Locale.ROOT)).toList();
                onHeader.accept(header);
            } else if (cells.values().stream().anyMatch(v -> !v.isBlank())) {
                sink.accept(new CsvReader.Row(rowNumber, cells));
            }
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int column = cellReference == null ? -1 : new CellReference(cellReference).getCol();
            if (column < 0) {
                return;
            }
            if (header == null) {
                while (headerCells.size() < column) {
                    headerCells.add(null);
                }
                headerCells.add(formattedValue);
            } else if (column < header.size() && !header.get(column).isEmpty()) {
                cells.put(header.get(column), formattedValue == null ? "" : formattedValue);
            }
        }
    }
}

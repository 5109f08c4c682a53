package ru.workready.data.csv;

import java.io.EOFException;
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
import java.util.zip.ZipException;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.RecordFormatException;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import ru.workready.data.ProblemType;
import ru.workready.data.Inputs;
import ru.workready.data.InvalidInputException;


/**
 * Reads the first sheet of an XLSX file with POI's SAX event API: the sheet XML is streamed,
 * never built into a workbook in memory. The first row is the header. Date cells come out as
 * ISO dates whatever their display format; numbers as Excel shows them, without grouping.
 */
final class XlsxReader {
    static final String SPREADSHEETML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    /** Excel's own limit on a cell's text: a longer one is not a spreadsheet's, and is not held. */
    static final int MAX_CELL_CHARS = 32_767;
    /** Excel's columns, A to XFD. */
    static final int MAX_COLUMNS = 16_384;

    private XlsxReader() {
    }

    static void read(Path file, Consumer<List<String>> onHeader, Consumer<CsvReader.Row> sink) {
        read(file, XlsxGuard.Limits.UPLOADS, onHeader, sink);
    }

    /**
     * Reads the first sheet within the limits: the package is checked first ({@link XlsxGuard}: no
     * part inflates past its cap, whatever its header says), and the sheet and the shared strings are
     * counted again while they stream.
     */
    static void read(Path file, XlsxGuard.Limits limits, Consumer<List<String>> onHeader,
                     Consumer<CsvReader.Row> sink) {
        XlsxGuard.Checked checked = XlsxGuard.check(file, limits);
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            requireCountedWholeParts(pkg, checked);
            readFirstSheet(pkg, limits, new Rows(onHeader, sink));
        } catch (NotOfficeXmlFileException | InvalidFormatException e) {
            throw new InvalidInputException(ProblemType.INVALID_XLSX, "Not an XLSX workbook: " + e.getMessage());
        } catch (SAXException | ParserConfigurationException | OpenXML4JException e) {
            throw new InvalidInputException(ProblemType.INVALID_XLSX, "Unreadable XLSX sheet: " + e.getMessage());
        } catch (POIXMLException | OpenXML4JRuntimeException | RecordFormatException e) {
            throw new InvalidInputException(ProblemType.INVALID_XLSX, "Unreadable XLSX workbook: " + e.getMessage());
        } catch (ZipException | EOFException e) {
            // a damaged or truncated zip stream: the file's fault, not ours
            throw new InvalidInputException(ProblemType.INVALID_XLSX, "Unreadable XLSX workbook: " + e.getMessage());
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("Zip bomb")) {
                // POI's own inflation-ratio check on a part streamed after our checks
                throw XlsxGuard.refused(null, "a part inflates to more than 100 times its compressed size");
            }
            throw new UncheckedIOException(e);
        }
    }

    private static void readFirstSheet(OPCPackage pkg, XlsxGuard.Limits limits, Rows rows)
            throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        XSSFReader reader = new XSSFReader(pkg);
        List<String> strings = XlsxSharedStrings.read(pkg, limits);
        StylesTable styles = reader.getStylesTable();
        XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
        if (!sheets.hasNext()) {
            throw new InvalidInputException(ProblemType.INVALID_XLSX, "The workbook has no sheet");
        }
        try (InputStream raw = sheets.next()) {
            String part = sheets.getSheetPart().getPartName().getName();
            InputStream sheet = XlsxGuard.capped(raw, part.substring(1), limits.maxSheetBytes());
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XlsxSheetHandler(styles, strings, rows));
            parser.parse(new InputSource(sheet));
        }
    }

    /**
     * The parts POI reads whole must be among those {@link XlsxGuard} counted: none of the names left
     * to be streamed (worksheets) may hold the workbook, its styles or its theme.
     */
    private static void requireCountedWholeParts(OPCPackage pkg, XlsxGuard.Checked checked)
            throws InvalidFormatException {
        for (PackagePart part : pkg.getParts()) {
            if (!XSSFRelation.WORKSHEET.getContentType().equals(part.getContentType())) {
                XlsxGuard.requireCounted(checked, part.getPartName().getName());
            }
        }
        for (var rel : pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT)) {
            XlsxGuard.requireCounted(checked, rel.getTargetURI().toString());
        }
    }

    /** Date-formatted numbers as YYYY-MM-DD; everything else as Excel displays it, in a neutral locale. */
    static final class IsoDates extends DataFormatter {
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

    static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
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
                // a column without a header cell is a gap, read as before; an empty header cell is refused
                Inputs.checkHeader(headerCells.stream().map(h -> h == null ? null : h.strip().toLowerCase(Locale.ROOT))
                        .toList());
                header = headerCells.stream().map(h -> h == null ? "" : h.strip().toLowerCase(Locale.ROOT)).toList();
                onHeader.accept(header);
            } else if (cells.values().stream().anyMatch(v -> !v.isBlank())) {
                sink.accept(new CsvReader.Row(rowNumber, cells));
            }
        }

        /** The 0-based column of a cell reference such as "AB12" or "$AB$12" (-1 without letters). */
        static int column(String reference) {
            int column = 0;
            boolean letters = false;
            for (int i = 0; i < reference.length(); i++) {
                char c = reference.charAt(i);
                if (c == '$') {
                    continue;
                }
                if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
                    // capped: a reference longer than Excel's three letters must not overflow
                    column = Math.min(column * 26 + (Character.toUpperCase(c) - 'A' + 1), 1 << 24);
                    letters = true;
                } else {
                    break;
                }
            }
            return letters ? column - 1 : -1;
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int column = cellReference == null ? -1 : column(cellReference);
            if (column < 0) {
                return;
            }
            if (column >= MAX_COLUMNS) {
                throw new InvalidInputException(ProblemType.INVALID_XLSX, "A cell lies beyond the last column Excel allows (XFD)",
                        List.of(new InvalidInputException.Problem(rowNumber, cellReference.length() > 20
                                ? cellReference.substring(0, 20) : cellReference, null, "beyond column XFD")), 1);
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

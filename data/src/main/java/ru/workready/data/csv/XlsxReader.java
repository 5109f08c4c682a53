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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.RecordFormatException;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import ru.workready.data.Inputs;
import ru.workready.data.InvalidInputException;
import ru.workready.data.ProblemType;


/**
 * Reads the first sheet of an XLSX file with POI's SAX event API: the sheet XML is streamed,
 * never built into a workbook in memory. The first row is the header. Date cells come out as
 * ISO dates whatever their display format; numbers as Excel shows them, without grouping.
 */
final class XlsxReader {
    private static final String SPREADSHEETML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
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
            XSSFReader reader = new XSSFReader(pkg);
            List<String> strings = sharedStrings(pkg, limits);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new InvalidInputException(ProblemType.INVALID_XLSX, "The workbook has no sheet");
            }
            try (InputStream raw = sheets.next()) {
                String part = sheets.getSheetPart().getPartName().getName();
                InputStream sheet = XlsxGuard.capped(raw, part.substring(1), limits.maxSheetBytes());
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new Sheet(styles, strings, new Rows(onHeader, sink)));
                parser.parse(new InputSource(sheet));
            }
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

    /**
     * The workbook's shared strings as POI's read-only table reads them (phonetic runs left out),
     * with Excel's {@code _xHHHH_} escapes decoded as POI's rich text does, once per string; at most
     * {@link XlsxGuard.Limits#maxSharedStrings()} strings of {@link XlsxGuard.Limits#maxSharedStringsBytes()}
     * bytes of XML, refused as soon as either is passed (the declared count at once).
     */
    private static List<String> sharedStrings(OPCPackage pkg, XlsxGuard.Limits limits)
            throws IOException, SAXException, ParserConfigurationException {
        List<String> strings = new ArrayList<>();
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return strings;
        }
        String name = parts.get(0).getPartName().getName().substring(1);
        int max = limits.maxSharedStrings();
        try (InputStream in = XlsxGuard.capped(parts.get(0).getInputStream(), name, limits.maxSharedStringsBytes())) {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new DefaultHandler() {
                private final StringBuilder text = new StringBuilder();
                private boolean inText;
                private boolean inPhonetic;

                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if (uri != null && !uri.equals(SPREADSHEETML)) {
                        return;
                    }
                    switch (localName) {
                        case "sst" -> {
                            // the declared size, before a single string is held
                            String unique = attributes.getValue("uniqueCount");
                            if (unique != null && unique.strip().length() > 0 && declaredOver(unique, max)) {
                                throw XlsxGuard.tooManyStrings(name, max);
                            }
                        }
                        case "si" -> {
                            if (strings.size() >= max) {
                                throw XlsxGuard.tooManyStrings(name, max);
                            }
                            text.setLength(0);
                        }
                        case "t" -> inText = !inPhonetic;
                        case "rPh" -> inPhonetic = true;
                        default -> {
                        }
                    }
                }

                @Override
                public void endElement(String uri, String localName, String qName) {
                    if (uri != null && !uri.equals(SPREADSHEETML)) {
                        return;
                    }
                    switch (localName) {
                        case "si" -> strings.add(unescape(text.toString()));
                        case "t" -> inText = false;
                        case "rPh" -> inPhonetic = false;
                        default -> {
                        }
                    }
                }

                @Override
                public void characters(char[] ch, int start, int length) {
                    if (inText) {
                        text.append(ch, start, length);
                    }
                }
            });
            parser.parse(new InputSource(in));
        }
        return strings;
    }

    /** True when a declared count is a number over max (or too long to be one). */
    private static boolean declaredOver(String declared, int max) {
        try {
            return Long.parseLong(declared.strip()) > max;
        } catch (NumberFormatException e) {
            return false; // not a number: the strings are counted as they come
        }
    }

    /** Excel's escapes of characters XML cannot carry ({@code _x000D_}), decoded as POI does. */
    static String unescape(String value) {
        if (!value.contains("_x")) {
            return value;
        }
        Matcher m = ESCAPE.matcher(value);
        StringBuilder out = new StringBuilder(value.length());
        int at = 0;
        while (m.find()) {
            out.append(value, at, m.start()).append((char) Integer.parseInt(m.group(1), 16));
            at = m.end();
        }
        return at == 0 ? value : out.append(value, at, value.length()).toString();
    }

    private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    /**
     * The sheet's cells as POI's {@code XSSFSheetXMLHandler} formats them (values rather than
     * formulas, numbers through the data formatter with the cell's style), without the rich-text
     * object POI builds for every string cell, which was a third of the time of a large upload.
     * {@code XlsxReaderTest} checks it against POI's handler on seeded random workbooks.
     */
    static final class Sheet extends DefaultHandler {
        private enum Type { BOOLEAN, ERROR, FORMULA, INLINE_STRING, SST_STRING, NUMBER }

        private final StylesTable styles;
        private final List<String> strings;
        private final Rows out;
        private final DataFormatter formatter = new IsoDates();
        /** Number formats by style index, looked up once each. */
        private final Map<Integer, Format> formats = new HashMap<>();
        private final StringBuilder value = new StringBuilder();
        private boolean valueOpen;
        private boolean inlineOpen;
        private Type type = Type.NUMBER;
        private @Nullable Format format;
        private @Nullable String cellRef;
        private int rowNum;
        private int nextRowNum;

        private record Format(int index, String pattern) {
        }

        Sheet(StylesTable styles, List<String> strings, Rows out) {
            this.styles = styles;
            this.strings = strings;
            this.out = out;
        }

        private boolean isTextTag(String name) {
            return "v".equals(name) || "inlineStr".equals(name) || ("t".equals(name) && inlineOpen);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (uri != null && !uri.equals(SPREADSHEETML)) {
                return;
            }
            if (isTextTag(localName)) {
                valueOpen = true;
                if (!inlineOpen) {
                    value.setLength(0);
                }
            } else if ("is".equals(localName)) {
                inlineOpen = true;
            } else if ("f".equals(localName)) {
                if (type == Type.NUMBER) {
                    type = Type.FORMULA;
                }
            } else if ("row".equals(localName)) {
                String r = attributes.getValue("r");
                rowNum = r != null ? number(r, nextRowNum + 1, "row number") - 1 : nextRowNum;
                out.startRow(rowNum);
            } else if ("c".equals(localName)) {
                format = null;
                cellRef = attributes.getValue("r");
                String t = attributes.getValue("t");
                if ("b".equals(t)) {
                    type = Type.BOOLEAN;
                } else if ("e".equals(t)) {
                    type = Type.ERROR;
                } else if ("inlineStr".equals(t)) {
                    type = Type.INLINE_STRING;
                } else if ("s".equals(t)) {
                    type = Type.SST_STRING;
                } else if ("str".equals(t)) {
                    type = Type.FORMULA;
                } else {
                    type = Type.NUMBER;
                    String s = attributes.getValue("s");
                    format = s != null ? format(number(s, rowNum + 1, "style index"))
                            : styles.getNumCellStyles() > 0 ? format(0) : null;
                }
            }
        }

        private @Nullable Format format(int style) {
            return formats.computeIfAbsent(style, i -> {
                XSSFCellStyle cellStyle = styles.getStyleAt(i);
                if (cellStyle == null) {
                    return null;
                }
                int index = cellStyle.getDataFormat();
                String pattern = cellStyle.getDataFormatString();
                if (pattern == null) {
                    pattern = BuiltinFormats.getBuiltinFormat(index);
                }
                return pattern == null ? null : new Format(index, pattern);
            });
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (uri != null && !uri.equals(SPREADSHEETML)) {
                return;
            }
            if (isTextTag(localName)) {
                valueOpen = false;
                if (!inlineOpen) {
                    outputCell();
                    value.setLength(0);
                }
            } else if ("is".equals(localName)) {
                inlineOpen = false;
                outputCell();
                value.setLength(0);
            } else if ("row".equals(localName)) {
                out.endRow(rowNum);
                nextRowNum = rowNum + 1;
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (valueOpen) {
                if (value.length() + length > MAX_CELL_CHARS) {
                    throw new InvalidInputException(ProblemType.INVALID_XLSX, "A cell is longer than Excel allows",
                            List.of(new InvalidInputException.Problem(rowNum + 1, cellRef, null,
                                    "more than " + MAX_CELL_CHARS + " characters in one cell")), 1);
                }
                value.append(ch, start, length);
            }
        }

        /** A number attribute of the sheet's XML (row number, style index), refused as 400 when it is not one. */
        private static int number(String text, int row, String what) {
            try {
                int n = Integer.parseInt(text.strip());
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new InvalidInputException(ProblemType.INVALID_XLSX,
                    "Unreadable XLSX sheet: a " + what + " is not a number",
                    List.of(new InvalidInputException.Problem(row, null, text.length() > 40 ? text.substring(0, 40) : text,
                            "not a valid " + what)), 1);
        }

        private void outputCell() {
            String text = null;
            switch (type) {
                case BOOLEAN -> text = value.charAt(0) == '0' ? "FALSE" : "TRUE";
                case ERROR -> text = "ERROR:" + value;
                case FORMULA, NUMBER -> {
                    String raw = value.toString();
                    text = raw;
                    if (format != null && (type == Type.FORMULA || !raw.isEmpty())) {
                        try {
                            text = formatter.formatRawCellContents(Double.parseDouble(raw.trim()), format.index(),
                                    format.pattern());
                        } catch (RuntimeException e) {
                            // a formula's text result, or not a number: the raw value, as POI gives it
                            text = raw;
                        }
                    }
                }
                case INLINE_STRING -> text = unescape(value.toString());
                case SST_STRING -> {
                    String index = value.toString().trim();
                    if (!index.isEmpty()) {
                        try {
                            text = strings.get(Integer.parseInt(index));
                        } catch (NumberFormatException | IndexOutOfBoundsException e) {
                            throw new InvalidInputException(ProblemType.INVALID_XLSX,
                                    "Unreadable XLSX sheet: a cell refers to "
                                    + "a shared string that does not exist",
                                    List.of(new InvalidInputException.Problem(rowNum + 1, cellRef, index.length() > 40
                                            ? index.substring(0, 40) : index, "no such shared string")), 1);
                        }
                    }
                }
                default -> throw new IllegalStateException(type.name());
            }
            out.cell(cellRef, text, null);
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
                throw new InvalidInputException(ProblemType.INVALID_XLSX,
                        "A cell lies beyond the last column Excel allows (XFD)",
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

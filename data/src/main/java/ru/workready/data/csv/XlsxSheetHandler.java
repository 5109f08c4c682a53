package ru.workready.data.csv;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;
import ru.workready.data.ProblemType;
import ru.workready.data.InvalidInputException;

/**
 * The sheet's cells as POI's {@code XSSFSheetXMLHandler} formats them (values rather than
 * formulas, numbers through the data formatter with the cell's style), without the rich-text
 * object POI builds for every string cell, which was a third of the time of a large upload.
 * {@code XlsxReaderTest} checks it against POI's handler on seeded random workbooks.
 */
final class XlsxSheetHandler extends DefaultHandler {
    private enum Type { BOOLEAN, ERROR, FORMULA, INLINE_STRING, SST_STRING, NUMBER }

    private final StylesTable styles;
    private final List<String> strings;
    private final XlsxReader.Rows out;
    private final DataFormatter formatter = new XlsxReader.IsoDates();
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

    XlsxSheetHandler(StylesTable styles, List<String> strings, XlsxReader.Rows out) {
        this.styles = styles;
        this.strings = strings;
        this.out = out;
    }

    private boolean isTextTag(String name) {
        return "v".equals(name) || "inlineStr".equals(name) || ("t".equals(name) && inlineOpen);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        if (uri != null && !uri.equals(XlsxReader.SPREADSHEETML)) {
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
            startCell(attributes);
        }
    }

    /** A cell's reference and type; a number's format from its style (else the default style's). */
    private void startCell(Attributes attributes) {
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
        if (uri != null && !uri.equals(XlsxReader.SPREADSHEETML)) {
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
            if (value.length() + length > XlsxReader.MAX_CELL_CHARS) {
                throw new InvalidInputException(ProblemType.INVALID_XLSX, "A cell is longer than Excel allows",
                        List.of(new InvalidInputException.Problem(rowNum + 1, cellRef, null,
                                "more than " + XlsxReader.MAX_CELL_CHARS + " characters in one cell")), 1);
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
        throw new InvalidInputException(ProblemType.INVALID_XLSX, "Unreadable XLSX sheet: a " + what + " is not a number",
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
            case INLINE_STRING -> text = XlsxSharedStrings.unescape(value.toString());
            case SST_STRING -> {
                String index = value.toString().trim();
                if (!index.isEmpty()) {
                    try {
                        text = strings.get(Integer.parseInt(index));
                    } catch (NumberFormatException | IndexOutOfBoundsException e) {
                        throw new InvalidInputException(ProblemType.INVALID_XLSX, "Unreadable XLSX sheet: a cell refers to "
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

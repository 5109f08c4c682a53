package ru.workready.data.csv;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/** An XLSX workbook's shared-strings table, read within the upload limits, and Excel's text escapes. */
final class XlsxSharedStrings {
    private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    private XlsxSharedStrings() {
    }

    /**
     * The workbook's shared strings as POI's read-only table reads them (phonetic runs left out),
     * with Excel's {@code _xHHHH_} escapes decoded as POI's rich text does, once per string; at most
     * {@link XlsxGuard.Limits#maxSharedStrings()} strings of {@link XlsxGuard.Limits#maxSharedStringsBytes()}
     * bytes of XML, refused as soon as either is passed (the declared count at once).
     */
    static List<String> read(OPCPackage pkg, XlsxGuard.Limits limits)
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
            parser.setContentHandler(new Handler(strings, name, max));
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

    /** Collects the {@code si} texts (phonetic runs left out), refusing more than {@code max} of them. */
    private static final class Handler extends DefaultHandler {
        private final List<String> strings;
        private final String name;
        private final int max;
        private final StringBuilder text = new StringBuilder();
        private boolean inText;
        private boolean inPhonetic;

        Handler(List<String> strings, String name, int max) {
            this.strings = strings;
            this.name = name;
            this.max = max;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (uri != null && !uri.equals(XlsxReader.SPREADSHEETML)) {
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
            if (uri != null && !uri.equals(XlsxReader.SPREADSHEETML)) {
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
    }
}

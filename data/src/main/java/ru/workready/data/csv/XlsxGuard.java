package ru.workready.data.csv;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.util.XMLHelper;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import ru.workready.data.InvalidInputException;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.ProblemType;

/**
 * Limits on what an XLSX (a zip of XML parts) may unpack to, checked before POI reads it: a few
 * kilobytes of zip can inflate to gigabytes (a zip bomb), and POI holds some parts whole in memory
 * (the workbook, styles, relationships, and in the user model everything). Every part's declared
 * size (the zip's central directory) is checked first, without inflating anything; then the bytes
 * are counted while they inflate, because a zip's headers can lie. Refusals are
 * {@link InvalidInputException}s of type {@code invalid-xlsx} naming the part, so a 400 at once.
 */
public final class XlsxGuard {
    /** Problem type of every refusal. */
    public static final ProblemType TYPE = ProblemType.INVALID_XLSX;
    /** Entries a workbook may have (a real one has a few dozen). */
    static final int MAX_ENTRIES = 10_000;
    /** The parts the streaming reader reads by SAX, never whole: worksheets. */
    private static final Pattern STREAMED = Pattern.compile("xl/worksheets/sheet\\d{1,5}\\.xml");
    private static final String SHARED_STRINGS = "xl/sharedStrings.xml";
    /** The reason given for a file that is not a zip at all. */
    public static final String UNREADABLE = "not a readable XLSX workbook (not a zip file)";

    /**
     * What a workbook may unpack to.
     *
     * @param maxSheetBytes         a worksheet part, which the upload reader streams (memory stays flat)
     * @param maxPartBytes          any other part (workbook, styles, theme, relationships …), read whole by POI
     * @param maxSharedStringsBytes the shared-strings part, held in memory as a table of strings
     * @param maxSharedStrings      strings in the shared-strings table
     * @param maxTotalBytes         all parts together
     * @param maxElements           XML elements in all parts together, or 0 for no limit: for POI's user
     *                              model, which builds an object per element (decision tables)
     */
    public record Limits(long maxSheetBytes, long maxPartBytes, long maxSharedStringsBytes, int maxSharedStrings,
                         long maxTotalBytes, long maxElements) {
        /** Uploads of results and rosters (a million-row sheet is about 400 MB of XML, streamed). */
        public static final Limits UPLOADS = new Limits(1L << 30, 8L << 20, 32L << 20, 1_000_000, 2L << 30, 0);

        /** The same with other caps for the sheet, the shared strings (bytes, count) and the other parts. */
        public static Limits uploads(long maxSheetBytes, long maxPartBytes, long maxSharedStringsBytes,
                                     int maxSharedStrings) {
            return new Limits(maxSheetBytes, maxPartBytes, maxSharedStringsBytes, maxSharedStrings,
                    maxSheetBytes + maxSharedStringsBytes + 8 * maxPartBytes, 0);
        }
    }

    /** The result of a check: the parts left to be counted while they are streamed. */
    public record Checked(Set<String> streamed) {
    }

    private XlsxGuard() {
    }

    /** Checks a workbook on disk (an upload's spooled body). */
    public static Checked check(Path file, Limits limits) {
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            return check(zip, limits, false);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /**
     * Checks a workbook in memory that POI's user model will read whole (a decision table): every
     * part is inflated and counted, and, with {@link Limits#maxElements()}, its elements counted.
     */
    public static void checkWhole(byte[] content, Limits limits) {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
            check(zip, limits, true);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static Checked check(ZipFile zip, Limits limits, boolean whole) throws IOException {
        List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
        if (entries.size() > MAX_ENTRIES) {
            throw refused(null, "the workbook has " + entries.size() + " parts; at most " + MAX_ENTRIES);
        }
        // first the declared sizes, all of them, before inflating anything
        checkDeclaredSizes(entries, limits, whole);
        // then the bytes themselves, as they inflate: a header may understate them
        return new Checked(Set.copyOf(countInflated(zip, entries, limits, whole)));
    }

    /** Refuses a part whose central-directory size passes its cap, or parts that together pass the total. */
    private static void checkDeclaredSizes(List<ZipArchiveEntry> entries, Limits limits, boolean whole) {
        long declared = 0;
        for (ZipArchiveEntry e : entries) {
            long cap = cap(e.getName(), limits, whole);
            if (e.getSize() > cap) {
                throw tooLarge(e.getName(), cap, "declares");
            }
            declared += Math.max(0, e.getSize());
            if (declared > limits.maxTotalBytes()) {
                throw refused(null, "the workbook unpacks to more than " + mb(limits.maxTotalBytes()));
            }
        }
    }

    /**
     * Inflates and counts every part but the worksheets the streaming reader will count itself (unless
     * {@code whole}); answers those worksheets' names.
     */
    private static Set<String> countInflated(ZipFile zip, List<ZipArchiveEntry> entries, Limits limits,
                                             boolean whole) throws IOException {
        Set<String> streamed = new HashSet<>();
        long[] total = {0};
        long[] elements = {0};
        byte[] buffer = new byte[8192];
        for (ZipArchiveEntry e : entries) {
            if (e.isDirectory()) {
                continue;
            }
            if (!whole && isStreamed(e.getName())) {
                streamed.add(e.getName());
                continue;
            }
            long cap = cap(e.getName(), limits, whole);
            try (InputStream in = capped(zip.getInputStream(e), e.getName(), cap, total, limits.maxTotalBytes())) {
                if (limits.maxElements() > 0 && e.getName().endsWith(".xml")) {
                    countElements(in, e.getName(), elements, limits);
                }
                while (in.read(buffer) > 0) {
                    // counted by the stream
                }
            }
        }
        return streamed;
    }

    private static boolean isStreamed(String name) {
        return STREAMED.matcher(name).matches();
    }

    private static long cap(String name, Limits limits, boolean whole) {
        if (!whole && isStreamed(name)) {
            return limits.maxSheetBytes();
        }
        if (name.equals(SHARED_STRINGS)) {
            return limits.maxSharedStringsBytes();
        }
        return whole ? Math.max(limits.maxPartBytes(), limits.maxSheetBytes()) : limits.maxPartBytes();
    }

    /**
     * Refuses a part that the streaming reader would read whole although it was left to be counted
     * while streamed (a worksheet's name given to the styles or the workbook, to slip past the caps).
     */
    public static void requireCounted(Checked checked, String partName) {
        String name = partName.startsWith("/") ? partName.substring(1) : partName;
        if (checked.streamed().contains(name)) {
            throw refused(name, "a worksheet part cannot serve as the workbook, its styles or its theme");
        }
    }

    private static void countElements(InputStream in, String part, long[] elements, Limits limits) throws IOException {
        try {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new DefaultHandler() {
                private long strings;

                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if (++elements[0] > limits.maxElements()) {
                        throw refused(part, "the workbook has more than " + limits.maxElements() + " XML elements");
                    }
                    if ("si".equals(localName) && ++strings > limits.maxSharedStrings()) {
                        throw tooManyStrings(part, limits.maxSharedStrings());
                    }
                }
            });
            // the parser closes its stream at the end: the caller still drains (and counts) the rest
            parser.parse(new InputSource(new FilterInputStream(in) {
                @Override
                public void close() {
                }
            }));
        } catch (SAXException | javax.xml.parsers.ParserConfigurationException e) {
            // not well-formed: POI will say so; the bytes are still counted to the end
        }
    }

    /**
     * The stream of a part, counting its inflated bytes: more than {@code cap} (or the running
     * {@code total} over {@code maxTotal}) is refused at the byte that passes it.
     */
    public static InputStream capped(InputStream in, String part, long cap) {
        return capped(in, part, cap, new long[1], Long.MAX_VALUE);
    }

    private static InputStream capped(InputStream in, String part, long cap, long[] total, long maxTotal) {
        return new CountingStream(in, part, cap, total, maxTotal);
    }

    /** A part's stream that counts its bytes, and the workbook's running total, as they are read. */
    private static final class CountingStream extends FilterInputStream {
        private final String part;
        private final long cap;
        private final long[] total;
        private final long maxTotal;
        private long count;

        CountingStream(InputStream in, String part, long cap, long[] total, long maxTotal) {
            super(in);
            this.part = part;
            this.cap = cap;
            this.total = total;
            this.maxTotal = maxTotal;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long n) {
            count += n;
            total[0] += n;
            if (count > cap) {
                throw tooLarge(part, cap, "inflates to");
            }
            if (total[0] > maxTotal) {
                throw refused(null, "the workbook unpacks to more than " + mb(maxTotal));
            }
        }
    }

    static InvalidInputException tooManyStrings(String part, int max) {
        return refused(part, "the shared-strings table has more than " + max + " strings");
    }

    private static InvalidInputException tooLarge(String part, long cap, String verb) {
        return refused(part, "the part " + verb + " more than " + mb(cap) + " unpacked; nothing was read");
    }

    static InvalidInputException refused(String part, String reason) {
        return new InvalidInputException(TYPE, "The workbook exceeds the limits of an upload: " + reason,
                new ArrayList<>(List.of(new Problem(null, part, null, reason))), 1);
    }

    private static InvalidInputException unreadable(IOException e) {
        return new InvalidInputException(TYPE, "Not an XLSX workbook: " + e.getMessage(),
                List.of(Problem.ofFile(UNREADABLE + ": " + e.getMessage())), 1);
    }

    private static String mb(long bytes) {
        return bytes % (1L << 20) == 0 ? (bytes >> 20) + " MB" : bytes + " bytes";
    }
}

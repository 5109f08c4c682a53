package ru.workready.data.standards;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import ru.workready.engine.standards.ProfessionalStandard;

/**
 * Streaming (StAX) reader of the Ministry of Labour (Минтруд) professional-standard XML format:
 * {@code XMLCardInfo/ProfessionalStandarts/ProfessionalStandart*}. Bulk files holding many
 * standards are read one standard at a time: each is handed to the sink as soon as its end tag
 * has been read, so memory is needed for one standard only.
 *
 * <p>Elements are matched by their full path below {@code ProfessionalStandart}, never by local
 * name alone ({@code ListOKZ} and {@code OtherCharacteristics} occur at several levels).
 * Everything not needed by the model is skipped.
 *
 * <p>Security: DTDs are rejected outright (no DOCTYPE, hence no external entities and no entity
 * expansion); the JDK's built-in StAX implementation is used regardless of the classpath.
 * The encoding is taken from the byte stream (BOM / XML declaration), so UTF-8 with or without
 * BOM and {@code encoding="windows-1251"} both work.
 *
 * <p>Instances are stateless and thread-safe.
 */
public final class MintrudXmlReader {

    private final XMLInputFactory factory;

    public MintrudXmlReader() {
        // The JDK's own implementation, not whatever the classpath brings (Woodstox etc.).
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are not allowed: " + systemId);
        });
        this.factory = f;
    }

    /** Reads every standard of the file; nothing is returned unless the whole file is valid. */
    public List<ProfessionalStandard> readAll(InputStream in) {
        List<ProfessionalStandard> result = new ArrayList<>();
        read(in, result::add);
        return List.copyOf(result);
    }

    /**
     * Streams the standards of the file to {@code sink}, each as soon as its end tag is read.
     * On an error a {@link StandardImportException} is thrown; standards read before the error
     * have already been handed over, so a caller wanting all-or-nothing must buffer or roll back.
     * The stream is not closed.
     *
     * @throws StandardImportException for malformed XML, a DTD, a wrong root element, a file
     *                                 without standards, a missing required field or an
     *                                 unparseable date or level
     */
    public void read(InputStream in, Consumer<ProfessionalStandard> sink) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sink, "sink");
        XMLStreamReader r;
        try {
            r = factory.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw fromXml(e);
        }
        try {
            new MintrudParse(r, sink).run();
        } catch (XMLStreamException e) {
            throw fromXml(e);
        } finally {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // nothing to do
            }
        }
    }

    private static StandardImportException fromXml(XMLStreamException e) {
        Location loc = e.getLocation();
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // JDK messages look like "ParseError at [row,col]:[3,5]\nMessage: ..."; keep the reason.
        int idx = msg.indexOf("Message:");
        if (idx >= 0) {
            msg = msg.substring(idx + "Message:".length());
        }
        msg = clean(msg);
        return new StandardImportException("malformed XML: " + msg,
                loc == null ? -1 : loc.getLineNumber(), loc == null ? -1 : loc.getColumnNumber(), e);
    }

    /** Trims and collapses inner whitespace (including no-break spaces) to single spaces. */
    static String clean(CharSequence text) {
        StringBuilder sb = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = !sb.isEmpty();
            } else {
                if (pendingSpace) {
                    sb.append(' ');
                    pendingSpace = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }
}

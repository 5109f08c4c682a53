package ru.workready.data.standards;

import static ru.workready.data.standards.MintrudPaths.*;

import java.util.function.Consumer;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;
import ru.workready.engine.standards.ClassifierEntry;
import ru.workready.engine.standards.ProfessionalStandard;

/**
 * One pass of {@link MintrudXmlReader} over one file: follows the element path below {@code ProfessionalStandart},
 * collects the text of the elements the model needs and hands each standard to the sink when its end tag is read.
 */
final class MintrudParse {
    private final XMLStreamReader r;
    private final Consumer<ProfessionalStandard> sink;

    /** Depth of the current element (root = 1). */
    private int depth;
    /** Whether the element at depth 2 is ProfessionalStandarts. */
    private boolean inStandardsList;
    private int standardCount;

    /** Path below ProfessionalStandart, e.g. "/FirstSection/CodeKindProfessionalActivity". */
    private final StringBuilder relPath = new StringBuilder(128);
    private final int[] relLengths = new int[256];

    private @Nullable StandardDraft standard;
    private @Nullable GeneralizedFunctionDraft otf;
    private @Nullable LabourFunctionDraft tf;
    /** The classifier unit being read: its path, code and name. */
    private @Nullable String unitPath;
    private String unitCode = "";
    private String unitName = "";

    private @Nullable String captureKey;
    private int captureDepth;
    private int captureLine;
    private int captureColumn;
    private final StringBuilder captured = new StringBuilder(256);

    MintrudParse(XMLStreamReader r, Consumer<ProfessionalStandard> sink) {
        this.r = r;
        this.sink = sink;
    }

    void run() throws XMLStreamException {
        while (r.hasNext()) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.DTD -> throw error(
                        "DTDs are not allowed in professional-standard files (DOCTYPE found)");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw error(
                        "entity references are not allowed: &" + r.getLocalName() + ";");
                case XMLStreamConstants.START_ELEMENT -> startElement(r.getLocalName());
                case XMLStreamConstants.END_ELEMENT -> endElement();
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA,
                     XMLStreamConstants.SPACE -> {
                    if (captureKey != null) {
                        captured.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    }
                }
                default -> {
                    // comments, processing instructions, document start/end: nothing to do
                }
            }
        }
        if (standardCount == 0) {
            throw new StandardImportException("no professional standards in file: expected "
                    + ROOT + "/" + STANDARDS + "/" + STANDARD + " elements");
        }
    }

    private void startElement(String name) {
        depth++;
        if (depth <= 3) {
            startOutsideStandard(name);
            return;
        }
        if (standard == null) {
            return; // something outside a standard: ignored
        }
        int rel = depth - 4;
        if (rel >= relLengths.length) {
            throw error("elements nested too deeply");
        }
        relLengths[rel] = relPath.length();
        relPath.append('/').append(name);
        if (captureKey != null) {
            return; // inside a captured text element: its text is collected as a whole
        }
        startInStandard(standard, relPath.toString());
    }

    /** The root, the list of standards and a standard's start. */
    private void startOutsideStandard(String name) {
        if (depth == 1) {
            if (!ROOT.equals(name)) {
                throw error("expected root element " + ROOT + ", found " + name);
            }
        } else if (depth == 2) {
            inStandardsList = STANDARDS.equals(name);
        } else if (inStandardsList && STANDARD.equals(name)) {
            standardCount++;
            standard = new StandardDraft(standardCount, r.getLocation().getLineNumber());
            relPath.setLength(0);
        }
    }

    private void startInStandard(StandardDraft s, String key) {
        switch (key) {
            case OTF -> otf = new GeneralizedFunctionDraft(s.otfs.size() + 1, r.getLocation().getLineNumber());
            case TF -> {
                if (otf != null) {
                    tf = new LabourFunctionDraft(otf.tfs.size() + 1, r.getLocation().getLineNumber());
                }
            }
            case PS_OKZ, PS_OKVED, OTF_OKZ, OTF_EKS, OTF_OKPDTR, OTF_OKSO, OTF_OKNPO -> {
                unitPath = key;
                unitCode = "";
                unitName = "";
            }
            case NAME, REG_NUMBER, ORDER_NUMBER, APPROVAL_DATE, ACTIVITY_KIND, ACTIVITY_CODE, PURPOSE,
                 OTF_CODE, OTF_NAME, OTF_LEVEL, OTF_JOB_TITLE,
                 OTF_EDUCATION, OTF_EXPERIENCE, OTF_SPECIAL, OTF_OTHER,
                 TF_CODE, TF_NAME, TF_SUB_LEVEL, TF_ACTION, TF_SKILL, TF_KNOWLEDGE -> {
                capture(key);
                Location loc = r.getLocation();
                captureLine = loc.getLineNumber();
                captureColumn = loc.getColumnNumber();
            }
            default -> {
                if (unitPath != null && key.startsWith(unitPath + "/")) {
                    capture(key); // CodeOKZ / NameOKZ etc. directly inside the unit
                }
            }
        }
    }

    private void capture(String key) {
        captureKey = key;
        captureDepth = depth;
        captured.setLength(0);
    }

    private void endElement() {
        try {
            if (depth == 3 && standard != null) {
                sink.accept(standard.build());
                standard = null;
                otf = null;
                tf = null;
            } else if (depth >= 4 && standard != null) {
                if (captureKey != null && depth == captureDepth) {
                    String key = captureKey;
                    captureKey = null;
                    assign(standard, key, MintrudXmlReader.clean(captured));
                } else if (captureKey == null) {
                    endInStandard(standard, relPath.toString());
                }
                relPath.setLength(relLengths[depth - 4]);
            }
        } finally {
            depth--;
        }
    }

    /** The end of a classifier unit, a ТФ or an ОТФ: it joins its parent. */
    private void endInStandard(StandardDraft s, String key) {
        if (unitPath != null && key.equals(unitPath)) {
            addUnit(s, key, new ClassifierEntry(unitCode, unitName));
            unitPath = null;
        } else if (key.equals(TF) && otf != null && tf != null) {
            otf.add(s, tf.build(s, otf), tf.line);
            tf = null;
        } else if (key.equals(OTF) && otf != null) {
            s.add(otf.build(s), otf.line);
            otf = null;
        }
    }

    private void addUnit(StandardDraft s, String key, ClassifierEntry entry) {
        if (entry.code().isEmpty() && entry.name().isEmpty()) {
            return;
        }
        if (key.equals(PS_OKZ)) {
            s.okz.add(entry);
        } else if (key.equals(PS_OKVED)) {
            s.okved.add(entry);
        } else if (otf != null) {
            switch (key) {
                case OTF_OKZ -> otf.okz.add(entry);
                case OTF_EKS -> otf.eks.add(entry);
                case OTF_OKPDTR -> otf.okpdtr.add(entry);
                case OTF_OKSO -> otf.okso.add(entry);
                default -> otf.oknpo.add(entry);
            }
        }
    }

    /** A captured element's text goes to the unit, standard, ОТФ or ТФ being read. */
    private void assign(StandardDraft s, String key, String text) {
        if (unitPath != null && key.startsWith(unitPath + "/")) {
            String leaf = key.substring(unitPath.length() + 1);
            if (leaf.startsWith("Code")) {
                unitCode = text;
            } else if (leaf.startsWith("Name")) {
                unitName = text;
            }
            return;
        }
        switch (key) {
            case NAME, REG_NUMBER, ORDER_NUMBER, APPROVAL_DATE, ACTIVITY_KIND, ACTIVITY_CODE, PURPOSE ->
                    s.assign(key, text, captureLine, captureColumn);
            case OTF_CODE, OTF_NAME, OTF_LEVEL, OTF_JOB_TITLE, OTF_EDUCATION, OTF_EXPERIENCE, OTF_SPECIAL,
                 OTF_OTHER -> {
                if (otf != null) {
                    otf.assign(s, key, text, captureLine, captureColumn);
                }
            }
            case TF_CODE, TF_NAME, TF_SUB_LEVEL, TF_ACTION, TF_SKILL, TF_KNOWLEDGE -> {
                if (tf != null) {
                    tf.assign(key, text);
                }
            }
            default -> throw new IllegalStateException(key);
        }
    }

    private StandardImportException error(String reason) {
        Location loc = r.getLocation();
        return new StandardImportException(reason, loc.getLineNumber(), loc.getColumnNumber(), null);
    }
}

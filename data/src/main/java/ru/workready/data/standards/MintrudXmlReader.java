package ru.workready.data.standards;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jspecify.annotations.Nullable;

import ru.workready.engine.standards.ClassifierEntry;
import ru.workready.engine.standards.ElementKind;
import ru.workready.engine.standards.FunctionRequirements;
import ru.workready.engine.standards.FunctionCodes;
import ru.workready.engine.standards.FunctionElement;
import ru.workready.engine.standards.GeneralizedFunction;
import ru.workready.engine.standards.LabourFunction;
import ru.workready.engine.standards.ProfessionalStandard;
import ru.workready.engine.standards.StandardDetails;

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

    private static final String ROOT = "XMLCardInfo";
    private static final String STANDARDS = "ProfessionalStandarts";
    private static final String STANDARD = "ProfessionalStandart";

    // Paths relative to ProfessionalStandart.
    private static final String NAME = "/NameProfessionalStandart";
    private static final String REG_NUMBER = "/RegistrationNumber";
    private static final String ORDER_NUMBER = "/OrderNumber";
    private static final String APPROVAL_DATE = "/DateOfApproval";
    private static final String ACTIVITY_KIND = "/FirstSection/KindProfessionalActivity";
    private static final String ACTIVITY_CODE = "/FirstSection/CodeKindProfessionalActivity";
    private static final String OTF = "/ThirdSection/WorkFunctions/GeneralizedWorkFunctions/GeneralizedWorkFunction";
    private static final String OTF_CODE = OTF + "/CodeOTF";
    private static final String OTF_NAME = OTF + "/NameOTF";
    private static final String OTF_LEVEL = OTF + "/LevelOfQualification";
    private static final String OTF_JOB_TITLE = OTF + "/PossibleJobTitles/PossibleJobTitle";
    private static final String PURPOSE = "/FirstSection/PurposeKindProfessionalActivity";
    private static final String PS_OKZ = "/FirstSection/EmploymentGroup/ListOKZ/UnitOKZ";
    private static final String PS_OKVED = "/FirstSection/EmploymentGroup/ListOKVED/UnitOKVED";
    private static final String OTF_EDUCATION = OTF + "/EducationalRequirements/EducationalRequirement";
    private static final String OTF_EXPERIENCE = OTF + "/RequirementsWorkExperiences/RequirementsWorkExperience";
    private static final String OTF_SPECIAL = OTF + "/SpecialConditionsForAdmissionToWork/SpecialConditionForAdmissionToWork";
    private static final String OTF_OTHER = OTF + "/OtherCharacteristics/OtherCharacteristics";
    private static final String OTF_OKZ = OTF + "/OtherCharacteristicPlus/ListOKZ/UnitOKZ";
    private static final String OTF_EKS = OTF + "/OtherCharacteristicPlus/ListEKS/UnitEKS";
    private static final String OTF_OKPDTR = OTF + "/OtherCharacteristicPlus/ListOKPDTR/UnitOKPDTR";
    private static final String OTF_OKSO = OTF + "/OtherCharacteristicPlus/ListOKSO/UnitOKSO";
    private static final String OTF_OKNPO = OTF + "/OtherCharacteristicPlus/ListOKNPO/UnitOKNPO";
    /** Classifier units: each holds a Code… and a Name… element, e.g. UnitOKZ/CodeOKZ, UnitOKZ/NameOKZ. */
    private static final List<String> UNITS = List.of(PS_OKZ, PS_OKVED, OTF_OKZ, OTF_EKS, OTF_OKPDTR, OTF_OKSO,
            OTF_OKNPO);
    private static final String TF = OTF + "/ParticularWorkFunctions/ParticularWorkFunction";
    private static final String TF_CODE = TF + "/CodeTF";
    private static final String TF_NAME = TF + "/NameTF";
    private static final String TF_SUB_LEVEL = TF + "/SubQualification";
    private static final String TF_ACTION = TF + "/LaborActions/LaborAction";
    private static final String TF_SKILL = TF + "/RequiredSkills/RequiredSkill";
    private static final String TF_KNOWLEDGE = TF + "/NecessaryKnowledges/NecessaryKnowledge";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d.M.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

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
            new Parse(r, sink).run();
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

    /** One pass over one file. */
    private static final class Parse {
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

        private @Nullable StandardBuilder standard;
        private @Nullable OtfBuilder otf;
        private @Nullable TfBuilder tf;
        /** The classifier unit being read: its path, code and name. */
        private @Nullable String unitPath;
        private String unitCode = "";
        private String unitName = "";

        private @Nullable String captureKey;
        private int captureDepth;
        private int captureLine;
        private int captureColumn;
        private final StringBuilder captured = new StringBuilder(256);

        Parse(XMLStreamReader r, Consumer<ProfessionalStandard> sink) {
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
            if (depth == 1) {
                if (!ROOT.equals(name)) {
                    throw error("expected root element " + ROOT + ", found " + name);
                }
                return;
            }
            if (depth == 2) {
                inStandardsList = STANDARDS.equals(name);
                return;
            }
            if (depth == 3) {
                if (inStandardsList && STANDARD.equals(name)) {
                    standardCount++;
                    standard = new StandardBuilder(standardCount, r.getLocation().getLineNumber());
                    relPath.setLength(0);
                }
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
            String key = relPath.toString();
            switch (key) {
                case OTF -> otf = new OtfBuilder(standard.otfs.size() + 1, r.getLocation().getLineNumber());
                case TF -> {
                    if (otf != null) {
                        tf = new TfBuilder(otf.tfs.size() + 1, r.getLocation().getLineNumber());
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
                    captureKey = key;
                    captureDepth = depth;
                    Location loc = r.getLocation();
                    captureLine = loc.getLineNumber();
                    captureColumn = loc.getColumnNumber();
                    captured.setLength(0);
                }
                default -> {
                    if (unitPath != null && key.startsWith(unitPath + "/")) {
                        // CodeOKZ / NameOKZ etc. directly inside the unit
                        captureKey = key;
                        captureDepth = depth;
                        captured.setLength(0);
                    }
                }
            }
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
                        assign(standard, key, clean(captured));
                    } else if (captureKey == null) {
                        String key = relPath.toString();
                        if (unitPath != null && key.equals(unitPath)) {
                            addUnit(standard, key, new ClassifierEntry(unitCode, unitName));
                            unitPath = null;
                        } else if (key.equals(TF) && otf != null && tf != null) {
                            LabourFunction f = tf.build(standard, otf);
                            Integer first = standard.tfLines.putIfAbsent(f.code(), tf.line);
                            if (first != null) {
                                throw duplicate(standard, "ТФ", f.code(), first, tf.line);
                            }
                            otf.tfs.add(f);
                            tf = null;
                        } else if (key.equals(OTF) && otf != null) {
                            GeneralizedFunction g = otf.build(standard);
                            Integer first = standard.otfLines.putIfAbsent(g.code(), otf.line);
                            if (first != null) {
                                throw duplicate(standard, "ОТФ", g.code(), first, otf.line);
                            }
                            standard.otfs.add(g);
                            otf = null;
                        }
                    }
                    relPath.setLength(relLengths[depth - 4]);
                }
            } finally {
                depth--;
            }
        }

        private void addUnit(StandardBuilder s, String key, ClassifierEntry entry) {
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

        private void assign(StandardBuilder s, String key, String text) {
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
                case PURPOSE -> s.purpose = first(s.purpose, text);
                case OTF_EDUCATION -> addText(otf == null ? null : otf.education, text);
                case OTF_EXPERIENCE -> addText(otf == null ? null : otf.experience, text);
                case OTF_SPECIAL -> addText(otf == null ? null : otf.special, text);
                case OTF_OTHER -> addText(otf == null ? null : otf.other, text);
                case NAME -> s.name = first(s.name, text);
                case REG_NUMBER -> s.registrationNumber = first(s.registrationNumber, text);
                case ORDER_NUMBER -> s.orderNumber = first(s.orderNumber, text);
                case APPROVAL_DATE -> {
                    if (s.approvalDate == null && !text.isEmpty()) {
                        s.approvalDate = parseDate(s, text);
                    }
                }
                case ACTIVITY_KIND -> s.activityKind = first(s.activityKind, text);
                case ACTIVITY_CODE -> s.code = first(s.code, text);
                case OTF_CODE -> {
                    if (otf != null && !text.isEmpty()) {
                        otf.code = first(otf.code, FunctionCodes.normalize(text));
                    }
                }
                case OTF_NAME -> {
                    if (otf != null) {
                        otf.name = first(otf.name, text);
                    }
                }
                case OTF_LEVEL -> {
                    if (otf != null && otf.level == null && !text.isEmpty()) {
                        otf.level = parseLevel(s, otf, text);
                    }
                }
                case OTF_JOB_TITLE -> {
                    if (otf != null && !text.isEmpty()) {
                        otf.jobTitles.add(text);
                    }
                }
                case TF_CODE -> {
                    if (tf != null && !text.isEmpty()) {
                        tf.code = first(tf.code, FunctionCodes.normalize(text));
                    }
                }
                case TF_NAME -> {
                    if (tf != null) {
                        tf.name = first(tf.name, text);
                    }
                }
                case TF_SUB_LEVEL -> {
                    if (tf != null) {
                        tf.subLevelText = first(tf.subLevelText, text);
                    }
                }
                case TF_ACTION -> addElement(ElementKind.LABOUR_ACTION, text);
                case TF_SKILL -> addElement(ElementKind.REQUIRED_SKILL, text);
                case TF_KNOWLEDGE -> addElement(ElementKind.REQUIRED_KNOWLEDGE, text);
                default -> throw new IllegalStateException(key);
            }
        }

        /** Adds a requirement line; a lone dash is the Ministry's way of writing "none". */
        private void addText(@Nullable List<String> list, String text) {
            if (list != null && !text.isEmpty() && !text.matches("[-–—]")) {
                list.add(text);
            }
        }

        private void addElement(ElementKind kind, String text) {
            if (tf != null && !text.isEmpty()) {
                int position = ++tf.counts[kind.ordinal()];
                tf.elements.add(new FunctionElement(kind, position, text));
            }
        }

        private LocalDate parseDate(StandardBuilder s, String text) {
            try {
                return LocalDate.parse(text, DATE);
            } catch (DateTimeParseException e) {
                throw new StandardImportException(s.describe() + ": DateOfApproval '" + text
                        + "' is not a date in the form dd.MM.yyyy", captureLine, captureColumn, e);
            }
        }

        private int parseLevel(StandardBuilder s, OtfBuilder o, String text) {
            Integer level = parseInt(text);
            if (level == null || level < 1 || level > 9) {
                throw new StandardImportException(s.describe() + ", " + o.describe()
                        + ": LevelOfQualification '" + text + "' is not a qualification level 1..9",
                        captureLine, captureColumn, null);
            }
            return level;
        }

        private StandardImportException error(String reason) {
            Location loc = r.getLocation();
            return new StandardImportException(reason, loc.getLineNumber(), loc.getColumnNumber(), null);
        }
    }

    private static @Nullable String first(@Nullable String current, String text) {
        return current != null || text.isEmpty() ? current : text;
    }

    private static @Nullable Integer parseInt(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Codes are compared after normalization: Cyrillic {@code А/01.3} and Latin {@code A/01.3} are one code. */
    private static StandardImportException duplicate(StandardBuilder s, String what, String code, int firstLine,
                                                     int line) {
        return new StandardImportException(s.describe() + ": " + what + " code " + code
                + " occurs twice (first at line " + firstLine + "); codes must be unique within a standard",
                line, -1, null);
    }

    private static StandardImportException missing(String where, String field, int line) {
        return new StandardImportException(where + ": required field " + field + " is missing",
                line, -1, null);
    }

    private static final class StandardBuilder {
        final int index;
        final int line;
        @Nullable String code;
        @Nullable String name;
        @Nullable String registrationNumber;
        @Nullable String orderNumber;
        @Nullable LocalDate approvalDate;
        @Nullable String activityKind;
        @Nullable String purpose;
        final List<ClassifierEntry> okz = new ArrayList<>();
        final List<ClassifierEntry> okved = new ArrayList<>();
        final List<GeneralizedFunction> otfs = new ArrayList<>();
        /** Normalized ОТФ and ТФ codes read so far, with the line each starts at. */
        final Map<String, Integer> otfLines = new HashMap<>();
        final Map<String, Integer> tfLines = new HashMap<>();

        StandardBuilder(int index, int line) {
            this.index = index;
            this.line = line;
        }

        String describe() {
            StringBuilder sb = new StringBuilder("standard #").append(index);
            if (code != null) {
                sb.append(' ').append(code);
            }
            if (name != null) {
                sb.append(" «").append(name).append('»');
            }
            if (orderNumber != null) {
                sb.append(", order ").append(orderNumber);
            }
            return sb.toString();
        }

        ProfessionalStandard build() {
            String where = describe();
            if (code == null) {
                throw missing(where, "FirstSection/CodeKindProfessionalActivity", line);
            }
            if (name == null) {
                throw missing(where, "NameProfessionalStandart", line);
            }
            if (orderNumber == null) {
                throw missing(where, "OrderNumber", line);
            }
            if (approvalDate == null) {
                throw missing(where, "DateOfApproval", line);
            }
            return new ProfessionalStandard(code, name,
                    registrationNumber == null ? "" : registrationNumber, orderNumber, approvalDate,
                    activityKind == null ? "" : activityKind, otfs,
                    new StandardDetails(purpose == null ? "" : purpose, okz, okved));
        }
    }

    private static final class OtfBuilder {
        final int index;
        final int line;
        @Nullable String code;
        @Nullable String name;
        @Nullable Integer level;
        final List<String> jobTitles = new ArrayList<>();
        final List<String> education = new ArrayList<>();
        final List<String> experience = new ArrayList<>();
        final List<String> special = new ArrayList<>();
        final List<String> other = new ArrayList<>();
        final List<ClassifierEntry> okz = new ArrayList<>();
        final List<ClassifierEntry> eks = new ArrayList<>();
        final List<ClassifierEntry> okpdtr = new ArrayList<>();
        final List<ClassifierEntry> okso = new ArrayList<>();
        final List<ClassifierEntry> oknpo = new ArrayList<>();
        final List<LabourFunction> tfs = new ArrayList<>();

        OtfBuilder(int index, int line) {
            this.index = index;
            this.line = line;
        }

        String describe() {
            return code != null ? "ОТФ " + code : "ОТФ #" + index;
        }

        GeneralizedFunction build(StandardBuilder s) {
            String where = s.describe() + ", " + describe();
            if (code == null) {
                throw missing(where, "CodeOTF", line);
            }
            if (level == null) {
                throw missing(where, "LevelOfQualification", line);
            }
            return new GeneralizedFunction(code, name == null ? "" : name, level, jobTitles, tfs,
                    new FunctionRequirements(education, experience, special, other, okz, eks, okpdtr, okso, oknpo));
        }
    }

    private static final class TfBuilder {
        final int index;
        final int line;
        @Nullable String code;
        @Nullable String name;
        @Nullable String subLevelText;
        final List<FunctionElement> elements = new ArrayList<>();
        final int[] counts = new int[ElementKind.values().length];

        TfBuilder(int index, int line) {
            this.index = index;
            this.line = line;
        }

        LabourFunction build(StandardBuilder s, OtfBuilder o) {
            String where = s.describe() + ", " + o.describe() + ", "
                    + (code != null ? "ТФ " + code : "ТФ #" + index);
            if (code == null) {
                throw missing(where, "CodeTF", line);
            }
            if (name == null) {
                throw missing(where, "NameTF", line);
            }
            Integer subLevel = subLevelText == null ? null : parseInt(subLevelText);
            if (subLevel == null) {
                int dot = code.lastIndexOf('.');
                subLevel = dot < 0 ? null : parseInt(code.substring(dot + 1));
            }
            if (subLevel == null || subLevel < 1 || subLevel > 9) {
                throw new StandardImportException(where + ": cannot determine the sub-level from "
                        + "SubQualification '" + (subLevelText == null ? "" : subLevelText)
                        + "' or the code", line, -1, null);
            }
            return new LabourFunction(code, name, subLevel, elements);
        }
    }
}

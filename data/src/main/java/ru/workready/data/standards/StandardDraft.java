package ru.workready.data.standards;

import static ru.workready.data.standards.MintrudFields.first;
import static ru.workready.data.standards.MintrudFields.missing;
import static ru.workready.data.standards.MintrudPaths.*;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.workready.engine.standards.ClassifierEntry;
import ru.workready.engine.standards.GeneralizedFunction;
import ru.workready.engine.standards.ProfessionalStandard;
import ru.workready.engine.standards.StandardDetails;

/**
 * A professional standard as far as the Минтруд XML has been read: fields fill in as their elements end, and
 * {@link #build()} checks the required ones, naming the standard and the line it starts at.
 */
final class StandardDraft {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d.M.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

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

    StandardDraft(int index, int line) {
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

    /** A standard-level field's text; {@code line} and {@code column} locate its element for errors. */
    void assign(String key, String text, int line, int column) {
        switch (key) {
            case PURPOSE -> purpose = first(purpose, text);
            case NAME -> name = first(name, text);
            case REG_NUMBER -> registrationNumber = first(registrationNumber, text);
            case ORDER_NUMBER -> orderNumber = first(orderNumber, text);
            case APPROVAL_DATE -> {
                if (approvalDate == null && !text.isEmpty()) {
                    approvalDate = parseDate(text, line, column);
                }
            }
            case ACTIVITY_KIND -> activityKind = first(activityKind, text);
            case ACTIVITY_CODE -> code = first(code, text);
            default -> throw new IllegalStateException(key);
        }
    }

    private LocalDate parseDate(String text, int line, int column) {
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
            throw new StandardImportException(describe() + ": DateOfApproval '" + text
                    + "' is not a date in the form dd.MM.yyyy", line, column, e);
        }
    }

    /** Adds a finished ОТФ; its code must be new within the standard. */
    void add(GeneralizedFunction g, int otfLine) {
        Integer first = otfLines.putIfAbsent(g.code(), otfLine);
        if (first != null) {
            throw MintrudFields.duplicate(this, "ОТФ", g.code(), first, otfLine);
        }
        otfs.add(g);
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

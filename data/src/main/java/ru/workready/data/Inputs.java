package ru.workready.data;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import ru.workready.data.InvalidInputException.Problem;

/**
 * The checks every input path shares, whatever its format: text that PostgreSQL cannot store (a NUL
 * character), dates outside the range the product accepts, and malformed header rows. Each refusal
 * names the field (row and column for files), so it becomes a 400 problem detail, never a database
 * error surfacing as 409 or 500.
 *
 * <p>Dates are accepted from {@value #MIN_YEAR}-01-01 to {@value #MAX_YEAR}-12-31: assessments, consents,
 * intake years, demand years and key expiries of real people and colleges all lie well inside, and
 * anything outside (year 0, negative years, five-digit years) is a typing or export error that
 * would otherwise be stored and skew ages, staleness and reports.
 */
public final class Inputs {
    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2100;
    public static final LocalDate MIN_DATE = LocalDate.of(MIN_YEAR, 1, 1);
    public static final LocalDate MAX_DATE = LocalDate.of(MAX_YEAR, 12, 31);
    /** Problem type of a refused text or date outside a file (JSON bodies, parameters). */
    public static final ProblemType TYPE = ProblemType.INVALID_INPUT;
    public static final String NUL_REASON = "contains a NUL character (U+0000), which cannot be stored";
    public static final String DATE_REASON = "outside the accepted range " + MIN_YEAR + "-01-01 … " + MAX_YEAR + "-12-31";
    public static final String YEAR_REASON = "outside the accepted range " + MIN_YEAR + "–" + MAX_YEAR;

    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private Inputs() {
    }

    public static boolean hasNul(@Nullable String text) {
        return text != null && text.indexOf('\0') >= 0;
    }

    /** The value as it may be echoed in a problem: NULs shown as ␀ (PostgreSQL's jsonb refuses \u0000 too). */
    public static @Nullable String shown(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String v = value.replace('\0', '␀');
        return v.length() > 200 ? v.substring(0, 200) + "…" : v;
    }

    /** Refuses a text with a NUL, naming the field (a JSON property, a parameter). */
    public static @Nullable String requireText(String field, @Nullable String value) {
        if (hasNul(value)) {
            throw refused(null, field, value, NUL_REASON);
        }
        return value;
    }

    /** The cell's text, refused with its row and column when it holds a NUL. */
    public static String requireCell(int row, String column, String value) {
        if (hasNul(value)) {
            throw refused(row, column, value, NUL_REASON);
        }
        return value;
    }

    public static boolean inRange(LocalDate date) {
        return !date.isBefore(MIN_DATE) && !date.isAfter(MAX_DATE);
    }

    public static boolean inRange(int year) {
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }

    /** Refuses a date outside the accepted range, naming the field. */
    public static @Nullable LocalDate requireDate(String field, @Nullable LocalDate date) {
        if (date != null && !inRange(date)) {
            throw refused(null, field, date.toString(), DATE_REASON);
        }
        return date;
    }

    /** Refuses a date-time whose date lies outside the accepted range, naming the field. */
    public static @Nullable OffsetDateTime requireDateTime(String field, @Nullable OffsetDateTime time) {
        if (time != null && !inRange(time.toLocalDate())) {
            throw refused(null, field, time.toString(), DATE_REASON);
        }
        return time;
    }

    /** A date as files give it: YYYY-MM-DD or DD.MM.YYYY; null when it is neither. The range is not checked. */
    public static @Nullable LocalDate parseDate(String text) {
        try {
            return text.contains(".") ? LocalDate.parse(text, RUSSIAN_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Checks a file's header row (names already trimmed and lower-cased): not empty (a header of only
     * a BOM is), no NUL, no name twice, no nameless column between named ones. Empty names at the
     * end are padding (spreadsheets write a trailing delimiter) and are ignored, and so are null
     * names: the columns of a sheet without a header cell at all (a gap, not a column).
     */
    public static void checkHeader(List<? extends @Nullable String> names) {
        List<Problem> problems = new ArrayList<>();
        int last = names.size() - 1;
        while (last >= 0 && (names.get(last) == null || names.get(last).isEmpty())) {
            last--;
        }
        if (last < 0) {
            problems.add(new Problem(1, null, null, "the header row is empty: the first row must name the columns"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i <= last; i++) {
            String name = names.get(i);
            if (name == null) {
                continue;
            }
            if (hasNul(name)) {
                problems.add(new Problem(1, shown(name), null, "the column name " + NUL_REASON));
            } else if (name.isEmpty()) {
                problems.add(new Problem(1, "column " + (i + 1), null, "the column has no name"));
            } else if (!seen.add(name)) {
                problems.add(new Problem(1, name, null, "the column appears more than once in the header"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(ProblemType.INVALID_HEADER, "The header row is malformed", problems,
                    problems.size());
        }
    }

    /**
     * Refuses any string (or property name) with a NUL in a JSON document a service parses itself,
     * naming it by its JSON pointer (/outcomes/3/name).
     */
    public static void checkJson(tools.jackson.databind.@Nullable JsonNode node) {
        checkJson(node, "");
    }

    private static void checkJson(tools.jackson.databind.@Nullable JsonNode node, String pointer) {
        if (node == null) {
            return;
        }
        if (node.isString()) {
            if (hasNul(node.asString())) {
                throw refused(null, pointer.isEmpty() ? "/" : pointer, node.asString(), NUL_REASON);
            }
        } else if (node.isObject()) {
            for (var e : node.properties()) {
                if (hasNul(e.getKey())) {
                    throw refused(null, pointer + "/" + shown(e.getKey()), null, "the property name " + NUL_REASON);
                }
                checkJson(e.getValue(), pointer + "/" + e.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkJson(node.get(i), pointer + "/" + i);
            }
        }
    }

    private static InvalidInputException refused(@Nullable Integer row, String field, @Nullable String value,
                                                 String reason) {
        String where = row == null ? "'" + field + "'" : "row " + row + ", column '" + field + "'";
        return new InvalidInputException(TYPE, "Invalid value of " + where + ": " + reason,
                List.of(new Problem(row, field, shown(value), reason)), 1);
    }
}

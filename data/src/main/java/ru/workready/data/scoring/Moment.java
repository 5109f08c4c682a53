package ru.workready.data.scoring;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.workready.data.ProblemType;

/**
 * The point in time a read is about: the end of {@code date} (evidence assessed on or before it, ages counted from
 * it), with today's or that day's versions, and, when {@code knownAt} is set, only evidence recorded by then.
 */
public record Moment(LocalDate date, Versions versions, java.time.@Nullable Instant knownAt) {
    public static Moment of(LocalDate date) {
        return new Moment(date, Versions.TODAY, null);
    }

    /**
     * The moment a read is about, from its parameters: asOf (default today; not after today), versions (today|asOf;
     * asOf needs an asOf date) and knownAt (an ISO instant, not in the future). Shared with what-if.
     */
    public static Moment parse(java.time.@Nullable LocalDate asOf, String versions,
                                                 @Nullable String knownAt, java.time.LocalDate today) {
        Versions v = Versions.parse(versions).orElseThrow(() -> refused(
                ProblemType.INVALID_VERSIONS, "versions", versions, "today or asOf"));
        if (v == Versions.AS_OF && asOf == null) {
            throw refused(ProblemType.INVALID_VERSIONS, "versions", versions, "versions=asOf needs an asOf date");
        }
        java.time.Instant known = null;
        if (knownAt != null) {
            try {
                known = java.time.OffsetDateTime.parse(knownAt).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                throw refused(ProblemType.INVALID_KNOWN_AT,
                        "knownAt", knownAt, "an ISO instant such as 2026-06-30T12:00:00Z");
            }
        }
        return new Moment(asOf == null ? today : asOf, v, known);
    }

    private static ru.workready.data.InvalidInputException refused(ProblemType type, String field, String value,
                                                                   String reason) {
        return new ru.workready.data.InvalidInputException(type, field + " " + value + ": " + reason,
                List.of(new ru.workready.data.InvalidInputException.Problem(null, field, value, reason)), 1);
    }

    /** Which rule-set and mapping versions a read as of a day uses. */
    public enum Versions {
        /** Today's active versions, whatever the day: results of different days compare like with like. */
        TODAY("today"),
        /** The versions active at the end of the day (activation history, mapping versions by creation time). */
        AS_OF("asOf");

        private final String label;

        Versions(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static java.util.Optional<Versions> parse(String text) {
            for (Versions v : values()) {
                if (v.label.equalsIgnoreCase(text)) {
                    return java.util.Optional.of(v);
                }
            }
            return java.util.Optional.empty();
        }
    }
}

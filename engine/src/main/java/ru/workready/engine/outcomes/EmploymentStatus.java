package ru.workready.engine.outcomes;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A graduate's situation on the day observed. Only {@link #EMPLOYED} and {@link #SELF_EMPLOYED} are work; army service
 * and parental leave take a graduate out of the labour force (left out of rates); UNKNOWN is non-response.
 */
public enum EmploymentStatus {
    EMPLOYED, SELF_EMPLOYED, CONTINUING_EDUCATION, ARMY, PARENTAL_LEAVE, UNEMPLOYED, UNKNOWN;

    private static final Map<String, EmploymentStatus> RUSSIAN = Map.of(
            "трудоустроен", EMPLOYED, "самозанятый", SELF_EMPLOYED, "ип", SELF_EMPLOYED,
            "продолжает обучение", CONTINUING_EDUCATION, "армия", ARMY, "призван в армию", ARMY,
            "отпуск по уходу за ребенком", PARENTAL_LEAVE, "отпуск по уходу за ребёнком", PARENTAL_LEAVE,
            "не трудоустроен", UNEMPLOYED, "нет данных", UNKNOWN);

    public boolean working() {
        return this == EMPLOYED || this == SELF_EMPLOYED;
    }

    /** Counted in employment rates: a known status of a graduate available for work or study. */
    public boolean inRates() {
        return this != ARMY && this != PARENTAL_LEAVE && this != UNKNOWN;
    }

    /** The status from its English name (any case, '-' for '_') or its Russian wording. */
    public static Optional<EmploymentStatus> parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (EmploymentStatus s : values()) {
            if (s.name().toLowerCase(Locale.ROOT).equals(t.replace('-', '_').replace(' ', '_'))) {
                return Optional.of(s);
            }
        }
        return Optional.ofNullable(RUSSIAN.get(t));
    }
}

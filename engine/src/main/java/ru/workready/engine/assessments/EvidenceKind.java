package ru.workready.engine.assessments;

import java.util.Locale;
import java.util.Optional;

/** Kinds of assessment evidence, with the default weights of DESIGN §3 step 2. */
public enum EvidenceKind {
    /** Оценка по дисциплине/МДК. */
    COURSE_GRADE(1),
    /** Практика, оценённая работодателем. */
    EMPLOYER_PRACTICE(2),
    /** Экзамен по модулю (квалификационный). */
    MODULE_EXAM(2),
    /** Демонстрационный экзамен. */
    DEMO_EXAM(3),
    /** Чемпионат (WorldSkills / «Профессионалы»). */
    CHAMPIONSHIP(3),
    /** Независимая оценка квалификации (НОК). */
    INDEPENDENT_ASSESSMENT(4);

    private final double defaultWeight;

    EvidenceKind(double defaultWeight) {
        this.defaultWeight = defaultWeight;
    }

    public double defaultWeight() {
        return defaultWeight;
    }

    public static Optional<EvidenceKind> parse(String text) {
        String key = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (EvidenceKind k : values()) {
            if (k.name().equals(key)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}

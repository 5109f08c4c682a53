package ru.workready.engine.scoring;

import org.jspecify.annotations.Nullable;

/**
 * Inserted by a rule: the level of one labour function, the rule that set it, and why. The engine appends to
 * the rule's general sentence the specifics of this student ({@link ReasonSpecifics}).
 *
 * @param readiness     the readiness to report instead of the college-marks arithmetic, e.g. 1.0 for
 *                      a function certified by an independent assessment (НОК); null keeps the arithmetic
 * @param criticalBelow set by a rule that a weak critical outcome decided: the mastery every critical
 *                      outcome needed; the engine names the critical outcomes below it or without evidence.
 *                      The threshold is policy, so the rule passes it; null names none
 * @param reasonRu      the rule's own Russian sentence ({@link #inRussian}); wins over the API's translation of
 *                      {@code reason}; null leaves the translation to the API
 */
public record LevelDecision(String functionCode, ReadinessLevel level, String rule, String reason,
                            @Nullable Double readiness, @Nullable Double criticalBelow, @Nullable String reasonRu) {

    public LevelDecision(String functionCode, ReadinessLevel level, String rule, String reason) {
        this(functionCode, level, rule, reason, null, null, null);
    }

    public LevelDecision(String functionCode, ReadinessLevel level, String rule, String reason,
                         @Nullable Double readiness) {
        this(functionCode, level, rule, reason, readiness, null, null);
    }

    public LevelDecision(String functionCode, ReadinessLevel level, String rule, String reason,
                         @Nullable Double readiness, @Nullable Double criticalBelow) {
        this(functionCode, level, rule, reason, readiness, criticalBelow, null);
    }

    /**
     * The same decision with the rule's reason in Russian, for a rule set that carries both languages:
     * {@code insert(new LevelDecision(...).inRussian("Готовность " + Texts.comma(Texts.decimal2($f.readiness()))))}.
     */
    public LevelDecision inRussian(String russian) {
        return new LevelDecision(functionCode, level, rule, reason, readiness, criticalBelow, russian);
    }
}

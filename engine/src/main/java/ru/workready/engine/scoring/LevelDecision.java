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
 */
public record LevelDecision(String functionCode, ReadinessLevel level, String rule, String reason,
                            @Nullable Double readiness, @Nullable Double criticalBelow) {

    public LevelDecision(String functionCode, ReadinessLevel level, String rule, String reason) {
        this(functionCode, level, rule, reason, null, null);
    }

    public LevelDecision(String functionCode, ReadinessLevel level, String rule, String reason,
                         @Nullable Double readiness) {
        this(functionCode, level, rule, reason, readiness, null);
    }
}

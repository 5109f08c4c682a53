package ru.workready.engine.scoring;

import org.jspecify.annotations.Nullable;

/**
 * Inserted by a rule: the level of one labour function, the rule that set it, and why.
 *
 * @param readiness the readiness to report instead of the college-marks arithmetic, e.g. 1.0 for
 *                  a function certified by an independent assessment (НОК); null keeps the arithmetic
 */
public record LevelDecision(String functionCode, ReadinessLevel level, String rule, String reason,
                            @Nullable Double readiness) {

    public LevelDecision(String functionCode, ReadinessLevel level, String rule, String reason) {
        this(functionCode, level, rule, reason, null);
    }
}

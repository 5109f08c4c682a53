package ru.workready.engine.scoring;

import org.jspecify.annotations.Nullable;

/** ОТФ rollup: mean readiness of its scored functions and the weakest scored level. */
public record GeneralizedScore(String standardCode, String code, @Nullable Double readiness,
                               @Nullable ReadinessLevel level, int scoredFunctions) {
}

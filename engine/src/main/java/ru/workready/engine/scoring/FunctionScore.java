package ru.workready.engine.scoring;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Readiness of one student for one labour function, with its explanation.
 *
 * @param readiness r(t), null when nothing is evidenced or the function is not scored
 * @param rules     names of the rules that fired for this function
 */
public record FunctionScore(String standardCode, String generalizedCode, String code, String name,
                            int qualificationLevel, @Nullable Double readiness, double coverage,
                            ReadinessLevel level, List<String> rules, String reason,
                            List<OutcomeContribution> outcomes) {
    public FunctionScore {
        rules = List.copyOf(rules);
        outcomes = List.copyOf(outcomes);
    }
}

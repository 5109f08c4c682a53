package ru.workready.engine.scoring;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Readiness of one student for one labour function (трудовая функция, ТФ), with its explanation.
 *
 * @param readiness r(t), null when nothing is evidenced or the function is not scored; 1.0 when
 *                  the level comes from an independent certification (НОК)
 * @param rules     names of the rules that fired for this function (its evidence included)
 * @param decidedBy the rule that set the level
 * @param reason    one human sentence explaining the level
 */
public record FunctionScore(String standardCode, String generalizedCode, String code, String name,
                            int qualificationLevel, @Nullable Double readiness, double coverage,
                            ReadinessLevel level, List<String> rules, String reason,
                            List<OutcomeContribution> outcomes, String decidedBy) {
    public FunctionScore {
        rules = List.copyOf(rules);
        outcomes = List.copyOf(outcomes);
    }
}

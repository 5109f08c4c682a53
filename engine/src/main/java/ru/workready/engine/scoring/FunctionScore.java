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
 * @param reason    the deciding rule's sentence and what decided (ReasonSpecifics)
 * @param reasonRu  the same from the rule's own Russian sentence ({@link LevelDecision#reasonRu}), the specifics
 *                  still in English for the API to translate; null when the rule wrote English only
 */
public record FunctionScore(String standardCode, String generalizedCode, String code, String name,
                            int qualificationLevel, @Nullable Double readiness, double coverage,
                            ReadinessLevel level, List<String> rules, String reason,
                            List<OutcomeContribution> outcomes, String decidedBy, @Nullable String reasonRu) {
    public FunctionScore {
        rules = List.copyOf(rules);
        outcomes = List.copyOf(outcomes);
    }

    public FunctionScore(String standardCode, String generalizedCode, String code, String name,
                         int qualificationLevel, @Nullable Double readiness, double coverage,
                         ReadinessLevel level, List<String> rules, String reason,
                         List<OutcomeContribution> outcomes, String decidedBy) {
        this(standardCode, generalizedCode, code, name, qualificationLevel, readiness, coverage, level, rules, reason,
                outcomes, decidedBy, null);
    }
}

package ru.workready.engine.scoring;

import java.util.List;

/** Everything the evaluator says about one student against one standard edition. */
public record StudentReadiness(String studentId, String ruleSetVersion, List<FunctionScore> functions,
                               List<GeneralizedScore> generalizedFunctions) {
    public StudentReadiness {
        functions = List.copyOf(functions);
        generalizedFunctions = List.copyOf(generalizedFunctions);
    }
}

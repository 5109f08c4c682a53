package ru.workready.engine.programmes;

import java.util.List;

/**
 * A college's educational programme (ФГОС СПО code, e.g. 09.02.07), versioned by year of intake.
 *
 * @param qualificationLevel qualification level of the programme's graduates, compared with
 *                           the levels of generalized functions
 */
public record Programme(String fgosCode, String name, String qualification, int qualificationLevel,
                        int intakeYear, List<ActivityKind> activities, List<Outcome> outcomes) {
    public Programme {
        activities = List.copyOf(activities);
        outcomes = List.copyOf(outcomes);
    }
}

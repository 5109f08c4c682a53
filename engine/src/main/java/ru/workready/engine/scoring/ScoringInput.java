package ru.workready.engine.scoring;

import java.util.List;
import ru.workready.engine.assessments.Evidence;
import ru.workready.engine.mapping.Mapping;
import ru.workready.engine.standards.ProfessionalStandard;

/**
 * One student's facts: the standard edition to judge against, the programme's qualification
 * level and mapping, and the student's whole evidence history (retakes included).
 */
public record ScoringInput(String studentId, ProfessionalStandard standard, int programmeLevel,
                           List<Mapping> mappings, List<Evidence> evidence) {
    public ScoringInput {
        mappings = List.copyOf(mappings);
        evidence = List.copyOf(evidence);
    }
}

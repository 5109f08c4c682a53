package ru.workready.engine.scoring;

import java.time.LocalDate;
import java.util.List;
import ru.workready.engine.assessments.Evidence;
import ru.workready.engine.mapping.Mapping;
import ru.workready.engine.standards.ProfessionalStandard;

/**
 * One student's facts: the standard edition to judge against, the programme's qualification
 * level and mapping, and the student's whole evidence history (retakes included).
 *
 * @param asOf the evaluation date, from which the age of each evidence is counted (stale-evidence rules)
 */
public record ScoringInput(String studentId, ProfessionalStandard standard, int programmeLevel,
                           List<Mapping> mappings, List<Evidence> evidence, LocalDate asOf) {
    public ScoringInput {
        mappings = List.copyOf(mappings);
        evidence = List.copyOf(evidence);
    }

    /** The same student with more evidence (what-if), nothing stored. */
    public ScoringInput withExtraEvidence(List<Evidence> extra) {
        List<Evidence> all = new java.util.ArrayList<>(evidence);
        all.addAll(extra);
        return new ScoringInput(studentId, standard, programmeLevel, mappings, all, asOf);
    }
}

package ru.workready.engine.scoring;

import java.util.List;
import org.jspecify.annotations.Nullable;
import ru.workready.engine.mapping.MappingType;

/** One mapped outcome's part in a function score: mastery m(o), mapping weight c, and its evidence. */
public record OutcomeContribution(String outcomeCode, MappingType type, double mappingWeight, boolean critical,
                                  @Nullable Double mastery, List<EvidenceContribution> evidence) {
    public OutcomeContribution {
        evidence = List.copyOf(evidence);
    }
}

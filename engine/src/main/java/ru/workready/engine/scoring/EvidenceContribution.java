package ru.workready.engine.scoring;

import java.time.LocalDate;
import ru.workready.engine.assessments.EvidenceKind;

/**
 * One evidence as it entered an outcome's mastery: normalized score s, kind weight w, and
 * whether a later attempt of the same kind superseded it.
 */
public record EvidenceContribution(long sequence, EvidenceKind kind, LocalDate assessedOn, int attempt,
                                   double score, double weight, boolean superseded) {
}

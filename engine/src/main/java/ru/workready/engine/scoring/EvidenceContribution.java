package ru.workready.engine.scoring;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import ru.workready.engine.assessments.EvidenceKind;

/**
 * One evidence as it entered an outcome's mastery: normalized score s, weight w (the kind weight,
 * or the one a rule set), whether a later attempt of the same kind superseded it or a rule
 * excluded it, and its contribution w·s / Σw to the mastery (the contributions add up to m(o)).
 *
 * @param rule the rule that excluded or reweighted it, null when none did
 * @param reason the reason that rule gave (a decision table's "Reason" column, or the DRL's text)
 */
public record EvidenceContribution(long sequence, EvidenceKind kind, LocalDate assessedOn, int attempt,
                                   double score, double weight, boolean superseded, boolean excluded,
                                   @Nullable String rule, @Nullable String reason, double contribution) {

    public boolean counted() {
        return !superseded && !excluded;
    }
}

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
 * @param reasonRu the rule's own Russian reason (a decision table's «Причина» column, or the DRL's
 *                 {@code inRussian}), null when it gave English only
 */
public record EvidenceContribution(long sequence, EvidenceKind kind, LocalDate assessedOn, int attempt,
                                   double score, double weight, boolean superseded, boolean excluded,
                                   @Nullable String rule, @Nullable String reason, double contribution,
                                   @Nullable String reasonRu) {

    public EvidenceContribution(long sequence, EvidenceKind kind, LocalDate assessedOn, int attempt, double score,
                                double weight, boolean superseded, boolean excluded, @Nullable String rule,
                                @Nullable String reason, double contribution) {
        this(sequence, kind, assessedOn, attempt, score, weight, superseded, excluded, rule, reason, contribution,
                null);
    }

    public boolean counted() {
        return !superseded && !excluded;
    }
}

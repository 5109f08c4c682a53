package ru.workready.engine.scoring;

import org.jspecify.annotations.Nullable;

/**
 * Inserted by a rule: this evidence counts with another weight (a regional policy, e.g. championships).
 *
 * @param reasonRu the rule's reason in Russian ({@link #inRussian}); null leaves the translation to the API
 */
public record EvidenceReweighted(long sequence, double weight, String rule, String reason, @Nullable String reasonRu) {

    public EvidenceReweighted(long sequence, double weight, String rule, String reason) {
        this(sequence, weight, rule, reason, null);
    }

    /** The same with the reason in Russian too; a null or blank text (an empty «Причина» cell) adds none. */
    public EvidenceReweighted inRussian(@Nullable String russian) {
        return new EvidenceReweighted(sequence, weight, rule, reason,
                russian == null || russian.isBlank() ? null : russian);
    }
}

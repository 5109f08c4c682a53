package ru.workready.engine.scoring;

import org.jspecify.annotations.Nullable;

/**
 * Inserted by a rule: this evidence does not count (e.g. too old).
 *
 * @param reasonRu the rule's reason in Russian ({@link #inRussian}); null leaves the translation to the API
 */
public record EvidenceExcluded(long sequence, String rule, String reason, @Nullable String reasonRu) {

    public EvidenceExcluded(long sequence, String rule, String reason) {
        this(sequence, rule, reason, null);
    }

    /** The same with the reason in Russian too; a null or blank text (an empty «Причина» cell) adds none. */
    public EvidenceExcluded inRussian(@Nullable String russian) {
        return new EvidenceExcluded(sequence, rule, reason, russian == null || russian.isBlank() ? null : russian);
    }
}

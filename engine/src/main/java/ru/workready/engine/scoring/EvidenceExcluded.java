package ru.workready.engine.scoring;

/** Inserted by a rule: this evidence does not count (e.g. too old). */
public record EvidenceExcluded(long sequence, String rule, String reason) {
}

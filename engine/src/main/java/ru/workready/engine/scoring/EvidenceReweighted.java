package ru.workready.engine.scoring;

/** Inserted by a rule: this evidence counts with another weight (a regional policy, e.g. championships). */
public record EvidenceReweighted(long sequence, double weight, String rule, String reason) {
}

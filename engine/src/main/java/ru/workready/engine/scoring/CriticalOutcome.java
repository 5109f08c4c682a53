package ru.workready.engine.scoring;

/**
 * A mapping marked critical, with the mastery the student showed in its outcome.
 *
 * @param evidenced whether the student has any current evidence for the outcome
 * @param mastery   m(o), meaningful only when evidenced
 */
public record CriticalOutcome(String functionCode, String outcomeCode, boolean evidenced, double mastery) {
}

package ru.workready.engine.scoring;

/** A rule set broke a promise every rule set must keep, e.g. exactly one level per function. */
public class RuleSetInvariantViolation extends RuntimeException {
    public RuleSetInvariantViolation(String message) {
        super(message);
    }
}

package ru.workready.engine.scoring;

/**
 * A rule-set parameter as a fact (e.g. {@code staleAfterYears = 5}), so that rules read their
 * thresholds from the rule set's data rather than from literals.
 */
public record RuleParameter(String name, double value) {
}

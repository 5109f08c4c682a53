package ru.workready.engine.scoring;

import org.jspecify.annotations.Nullable;

/**
 * A rule set ran past its {@link RuleBudget}: more firings than allowed in one session (an endless
 * loop or a rule storm), or past its time budget. The session was stopped.
 */
public class RuleBudgetExceeded extends RuleSetInvariantViolation {
    private final @Nullable String rule;

    public RuleBudgetExceeded(String message, @Nullable String rule) {
        super(message);
        this.rule = rule;
    }

    /** The rule that fired most in the stopped session, where known. */
    public @Nullable String rule() {
        return rule;
    }
}

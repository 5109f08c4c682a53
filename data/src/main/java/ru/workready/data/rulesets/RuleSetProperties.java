package ru.workready.data.rulesets;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code workready.rule-sets.*}: the budget of an uploaded rule set's checks (docs/rules.md).
 *
 * @param testBudget an upload's test cases and invariant samples together, in CPU time; past it the set is refused
 * @param maxFirings rule firings allowed in one session of those checks: more is an endless loop or a rule storm
 */
@ConfigurationProperties("workready.rule-sets")
@Validated
public record RuleSetProperties(
        @DefaultValue("2s") @DurationMin(millis = 1) Duration testBudget,
        @DefaultValue("" + ru.workready.engine.scoring.RuleBudget.DEFAULT_MAX_FIRINGS) @Positive int maxFirings) {
}

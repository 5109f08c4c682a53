package ru.workready.api.operations;

import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Health of the scoring rule base: up only when the rule set is loaded and holds rules. */
@Component("ruleBase")
class RuleBaseHealthIndicator implements HealthIndicator {
    private final KieBase kieBase;

    RuleBaseHealthIndicator(KieBase kieBase) {
        this.kieBase = kieBase;
    }

    @Override
    public Health health() {
        int rules = 0;
        for (KiePackage p : kieBase.getKiePackages()) {
            rules += p.getRules().size();
        }
        return (rules > 0 ? Health.up() : Health.down()).withDetail("rules", rules).build();
    }
}

package ru.workready.data.rulesets;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.workready.engine.scoring.ReadinessEvaluator;

/**
 * Loads the shipped {@code default} rule set (the rules kjar) and fails start-up if it is missing.
 * The {@link ReadinessEvaluator} bean is the shipped default only; scoring goes through
 * {@link RuleBaseRegistry}, which picks the active version of the student's scope.
 */
@Configuration(proxyBeanMethods = false)
public class RuleBaseConfiguration {
    static final String DEFAULT_RULE_SET = "default";
    static final String DEFAULT_VERSION = "default-1";

    @Bean
    KieBase defaultKieBase() {
        KieBase base = KieServices.Factory.get()
                .getKieClasspathContainer(RuleBaseConfiguration.class.getClassLoader()).getKieBase(DEFAULT_RULE_SET);
        if (base == null) {
            // Without drools-xml-support the kmodule.xml is ignored and no KieBase exists.
            throw new IllegalStateException("Rule base '" + DEFAULT_RULE_SET + "' not found on the classpath");
        }
        return base;
    }

    @Bean
    ReadinessEvaluator readiness(KieBase defaultKieBase) {
        return new ReadinessEvaluator(defaultKieBase, DEFAULT_VERSION, java.util.Map.of("staleAfterYears", 5.0));
    }
}

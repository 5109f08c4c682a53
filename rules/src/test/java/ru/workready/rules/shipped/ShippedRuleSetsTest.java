package ru.workready.rules.shipped;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import ru.workready.engine.scoring.RuleSetChecks;
import ru.workready.engine.scoring.RuleSetTestCase;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipped rule-set descriptors (rulesets/*.json: parameters + test cases) pass their own test
 * cases and the project's invariants against their kbase — the same checks an upload goes through.
 */
class ShippedRuleSetsTest {

    record Descriptor(String name, int version, String kbase, List<String> drl, Map<String, Double> parameters,
                      List<RuleSetTestCase> testCases) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "region-example"})
    void passesItsTestCasesAndTheInvariants(String name) throws Exception {
        Descriptor d;
        try (InputStream in = getClass().getResourceAsStream("/rulesets/" + name + ".json")) {
            d = JsonMapper.builder().disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build().readValue(in, Descriptor.class);
        }
        KieBase kb = KieServices.Factory.get().getKieClasspathContainer().getKieBase(d.kbase());
        assertThat(d.testCases()).hasSizeGreaterThanOrEqualTo(9);
        for (String drl : d.drl()) {
            assertThat(getClass().getResource("/" + drl)).as(drl).isNotNull();
        }
        long seed = 42;
        assertThat(RuleSetChecks.run(kb, d.parameters(), d.testCases(), seed)).as("failures, seed " + seed).isEmpty();
    }
}

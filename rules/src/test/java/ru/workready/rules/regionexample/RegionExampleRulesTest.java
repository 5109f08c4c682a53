package ru.workready.rules.regionexample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import ru.workready.engine.assessments.EvidenceKind;
import ru.workready.engine.scoring.EvidenceFacts;
import ru.workready.engine.scoring.RuleSetChecks;

/** One test per rule of the regional example (kbase {@code region-example}). */
class RegionExampleRulesTest {
    private static final KieBase KB = KieServices.Factory.get().getKieClasspathContainer().getKieBase("region-example");
    private static final Map<String, Double> PARAMETERS = Map.of("staleAfterYears", 5.0, "championshipWeight", 4.0,
            "demoExamValidYears", 3.0);

    private static EvidenceFacts ev(long seq, EvidenceKind kind, double age) {
        return new EvidenceFacts(seq, "ПК 1.1", kind, age, 1.0, kind.defaultWeight(), 5, null, null);
    }

    @Test
    void kbaseHasTheDefaultRulesAndTheRegionalOnes() {
        assertThat(KB.getKiePackage("ru.workready.rules.regionexample").getRules()).extracting(r -> r.getName())
                .containsExactlyInAnyOrder("Championship weighs more", "Demo exam expires");
        assertThat(KB.getKiePackage("ru.workready.rules.defaultpolicy").getRules()).hasSize(9);
    }

    @Test
    void championshipWeighsMore() {
        var out = RuleSetChecks.evaluate(KB, PARAMETERS, List.of(), List.of(),
                List.of(ev(1, EvidenceKind.CHAMPIONSHIP, 1), ev(2, EvidenceKind.DEMO_EXAM, 1)));
        assertThat(out.reweighted()).singleElement().satisfies(r -> {
            assertThat(r.sequence()).isEqualTo(1);
            assertThat(r.weight()).isEqualTo(4.0);
            assertThat(r.rule()).isEqualTo("Championship weighs more");
        });
        assertThat(out.excluded()).isEmpty();
    }

    @Test
    void demoExamExpires() {
        var out = RuleSetChecks.evaluate(KB, PARAMETERS, List.of(), List.of(),
                List.of(ev(1, EvidenceKind.DEMO_EXAM, 3.2), ev(2, EvidenceKind.DEMO_EXAM, 2.9),
                        ev(3, EvidenceKind.MODULE_EXAM, 3.2)));
        assertThat(out.excluded()).containsExactly(1L);
        assertThat(out.exclusions()).extracting(e -> e.rule()).containsExactly("Demo exam expires");
    }
}

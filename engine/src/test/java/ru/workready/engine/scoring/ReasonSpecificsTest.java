package ru.workready.engine.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.workready.engine.mapping.MappingType;

class ReasonSpecificsTest {

    private static OutcomeContribution outcome(String code, boolean critical, Double mastery) {
        return new OutcomeContribution(code, MappingType.EXACT, 1.0, critical, mastery, List.of());
    }

    @Test
    void masteryJustBelowTheThresholdIsNotRoundedUpToIt() {
        assertThat(ReasonSpecifics.critical(0.5, List.of(outcome("ПК 2.5", true, 0.498), outcome("ПК 2.6", true, null),
                outcome("ПК 2.7", true, 0.5), outcome("ПК 2.8", false, 0.1))))
                .isEqualTo("Critical outcomes: ПК 2.5: mastery 0.49 < 0.5; ПК 2.6: no evidence.");
        assertThat(ReasonSpecifics.critical(0.5, List.of(outcome("ПК 2.5", true, 0.29))))
                .isEqualTo("Critical outcomes: ПК 2.5: mastery 0.29 < 0.5.");
    }

    @Test
    void longListsOfMissingOutcomesAreCut() {
        List<OutcomeContribution> outcomes = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            outcomes.add(outcome("ПК 1." + i, false, null));
        }
        assertThat(ReasonSpecifics.missing(0.0, outcomes))
                .isEqualTo("Missing 100% of the weight: no evidence for ПК 1.1, ПК 1.2, ПК 1.3, ПК 1.4, ПК 1.5 and 3 more.");
        assertThat(ReasonSpecifics.missing(1.0, List.of(outcome("ПК 1.1", false, 0.7)))).isNull();
    }

    @Test
    void onlyTheDecisionsThatNeedThemGetSpecifics() {
        FunctionFacts facts = new FunctionFacts("06.001", "A", "A/01.3", 3, 4, true, 0.4, 0.5, false);
        List<OutcomeContribution> outcomes = List.of(outcome("ПК 1.1", true, 0.4), outcome("ПК 1.2", false, null));
        LevelDecision notReady = new LevelDecision("A/01.3", ReadinessLevel.NOT_READY, "r", "General.");
        assertThat(ReasonSpecifics.reason(notReady, facts, outcomes, null)).isEqualTo("General.");
        LevelDecision capped = new LevelDecision("A/01.3", ReadinessLevel.PARTIALLY_READY, "r", "General.", null, 0.5);
        assertThat(ReasonSpecifics.reason(capped, facts, outcomes, null))
                .isEqualTo("General. Critical outcomes: ПК 1.1: mastery 0.40 < 0.5.");
    }
}

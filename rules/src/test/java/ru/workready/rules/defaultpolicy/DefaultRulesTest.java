package ru.workready.rules.defaultpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.workready.rules.defaultpolicy.RuleHarness.facts;
import static ru.workready.rules.defaultpolicy.RuleHarness.run;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.workready.engine.scoring.CriticalOutcome;
import ru.workready.engine.scoring.FunctionFacts;
import ru.workready.engine.scoring.LevelDecision;
import ru.workready.engine.scoring.ReadinessLevel;

/** One test per rule of the `default` rule set, version 1, plus the threshold boundaries. */
class DefaultRulesTest {

    private static void assertDecision(RuleHarness.Result result, String code, ReadinessLevel level, String rule) {
        assertThat(result.fired()).as("rules fired").containsExactly(rule);
        LevelDecision d = result.only();
        assertThat(d.functionCode()).isEqualTo(code);
        assertThat(d.level()).isEqualTo(level);
        assertThat(d.rule()).isEqualTo(rule);
        assertThat(d.reason()).isNotBlank();
    }

    @Test
    void kbaseHasTheNineRules() {
        assertThat(RuleHarness.kieBase().getKiePackage("ru.workready.rules.defaultpolicy").getRules())
                .extracting(r -> r.getName())
                .containsExactlyInAnyOrder("Certified by independent assessment", "Above programme level",
                        "Unmapped function", "Insufficient evidence", "Ready",
                        "Critical outcome caps at partially ready", "Partially ready", "Not ready",
                        "Stale evidence excluded");
    }

    @Test
    void certifiedByIndependentAssessment() {
        // Every other condition would say NOT_READY or worse: certification wins regardless.
        FunctionFacts f = new FunctionFacts("06.001", "A", "A/01.3", 3, 4, true, 0.1, 0.2, true);
        var result = run(f, new CriticalOutcome("A/01.3", "ПК 1.1", false, 0.0));
        assertDecision(result, "A/01.3", ReadinessLevel.READY, "Certified by independent assessment");
        assertThat(result.only().reason()).contains("06.001/A");
    }

    @Test
    void certifiedWinsOverAboveProgrammeLevelAndUnmapped() {
        FunctionFacts f = new FunctionFacts("06.001", "B", "B/01.5", 5, 4, false, 0.0, 0.0, true);
        assertDecision(run(f), "B/01.5", ReadinessLevel.READY, "Certified by independent assessment");
    }

    @Test
    void aboveProgrammeLevel() {
        FunctionFacts f = new FunctionFacts("06.001", "B", "B/01.5", 5, 4, true, 1.0, 1.0, false);
        var result = run(f);
        assertDecision(result, "B/01.5", ReadinessLevel.ABOVE_PROGRAMME_LEVEL, "Above programme level");
        assertThat(result.only().reason()).contains("5").contains("4");
    }

    @Test
    void aboveProgrammeLevelWinsOverUnmapped() {
        FunctionFacts f = new FunctionFacts("06.001", "B", "B/01.5", 5, 4, false, 0.0, 0.0, false);
        assertDecision(run(f), "B/01.5", ReadinessLevel.ABOVE_PROGRAMME_LEVEL, "Above programme level");
    }

    @Test
    void functionAtProgrammeLevelIsScored() {
        FunctionFacts f = new FunctionFacts("06.001", "B", "B/01.4", 4, 4, true, 0.9, 1.0, false);
        assertDecision(run(f), "B/01.4", ReadinessLevel.READY, "Ready");
    }

    @Test
    void unmappedFunction() {
        FunctionFacts f = new FunctionFacts("06.001", "A", "A/02.3", 3, 4, false, 0.0, 0.0, false);
        assertDecision(run(f), "A/02.3", ReadinessLevel.UNMAPPED, "Unmapped function");
    }

    @Test
    void insufficientEvidence() {
        var result = run(facts("A/01.3", 1.0, 0.5));
        assertDecision(result, "A/01.3", ReadinessLevel.INSUFFICIENT_EVIDENCE, "Insufficient evidence");
        assertThat(result.only().reason()).contains("50%");
    }

    @Test
    void insufficientEvidenceWinsOverAWeakCriticalOutcome() {
        var result = run(facts("A/01.3", 0.9, 0.3), new CriticalOutcome("A/01.3", "ПК 1.1", false, 0.0));
        assertDecision(result, "A/01.3", ReadinessLevel.INSUFFICIENT_EVIDENCE, "Insufficient evidence");
    }

    @Test
    void ready() {
        var result = run(facts("A/01.3", 0.8, 0.9), new CriticalOutcome("A/01.3", "ПК 1.1", true, 0.9));
        assertDecision(result, "A/01.3", ReadinessLevel.READY, "Ready");
        assertThat(result.only().reason()).contains("0.80").contains("90%");
    }

    @Test
    void readyIgnoresWeakCriticalOutcomesOfOtherFunctions() {
        var result = run(facts("A/01.3", 0.8, 1.0), new CriticalOutcome("A/02.3", "ПК 1.1", false, 0.0));
        assertDecision(result, "A/01.3", ReadinessLevel.READY, "Ready");
    }

    @Test
    void criticalOutcomeWithLowMasteryCapsAtPartiallyReady() {
        var result = run(facts("A/01.3", 0.9, 1.0),
                new CriticalOutcome("A/01.3", "ПК 1.1", true, 0.9),
                new CriticalOutcome("A/01.3", "ПК 1.2", true, 0.4));
        assertDecision(result, "A/01.3", ReadinessLevel.PARTIALLY_READY, "Critical outcome caps at partially ready");
    }

    @Test
    void unevidencedCriticalOutcomeCapsAtPartiallyReady() {
        var result = run(facts("A/01.3", 0.9, 0.7), new CriticalOutcome("A/01.3", "ПК 1.2", false, 0.0));
        assertDecision(result, "A/01.3", ReadinessLevel.PARTIALLY_READY, "Critical outcome caps at partially ready");
    }

    @Test
    void unevidencedCriticalOutcomeCapsEvenWithAHighMasteryValue() {
        // mastery is meaningless when not evidenced; the evidenced flag alone must cap
        var result = run(facts("A/01.3", 0.9, 0.7), new CriticalOutcome("A/01.3", "ПК 1.2", false, 1.0));
        assertDecision(result, "A/01.3", ReadinessLevel.PARTIALLY_READY, "Critical outcome caps at partially ready");
    }

    @Test
    void severalWeakCriticalOutcomesStillGiveOneDecision() {
        var result = run(facts("A/01.3", 0.9, 1.0),
                new CriticalOutcome("A/01.3", "ПК 1.1", false, 0.0),
                new CriticalOutcome("A/01.3", "ПК 1.2", true, 0.1));
        assertDecision(result, "A/01.3", ReadinessLevel.PARTIALLY_READY, "Critical outcome caps at partially ready");
    }

    @Test
    void partiallyReady() {
        var result = run(facts("A/01.3", 0.6, 1.0));
        assertDecision(result, "A/01.3", ReadinessLevel.PARTIALLY_READY, "Partially ready");
        assertThat(result.only().reason()).contains("0.60");
    }

    @Test
    void notReady() {
        var result = run(facts("A/01.3", 0.3, 1.0));
        assertDecision(result, "A/01.3", ReadinessLevel.NOT_READY, "Not ready");
        assertThat(result.only().reason()).contains("0.30");
    }

    @Test
    void weakCriticalOutcomeDoesNotChangePartiallyReadyOrNotReady() {
        var result = run(List.of(facts("A/01.3", 0.6, 1.0), facts("A/02.3", 0.2, 1.0)),
                List.of(new CriticalOutcome("A/01.3", "ПК 1.1", false, 0.0),
                        new CriticalOutcome("A/02.3", "ПК 1.1", false, 0.0)));
        assertThat(result.decisionsFor("A/01.3")).singleElement()
                .extracting(LevelDecision::level).isEqualTo(ReadinessLevel.PARTIALLY_READY);
        assertThat(result.decisionsFor("A/02.3")).singleElement()
                .extracting(LevelDecision::level).isEqualTo(ReadinessLevel.NOT_READY);
    }

    @Test
    void criticalOutcomeAtExactly05DoesNotCap() {
        var result = run(facts("A/01.3", 0.75, 0.6), new CriticalOutcome("A/01.3", "ПК 1.1", true, 0.5));
        assertDecision(result, "A/01.3", ReadinessLevel.READY, "Ready");
    }

    @ParameterizedTest(name = "readiness {0}, coverage {1} -> {2} by \"{3}\"")
    @CsvSource(delimiter = '|', textBlock = """
            1.0     | 0.59999 | INSUFFICIENT_EVIDENCE | Insufficient evidence
            1.0     | 0.6     | READY                 | Ready
            0.75    | 0.6     | READY                 | Ready
            0.74999 | 1.0     | PARTIALLY_READY       | Partially ready
            0.5     | 1.0     | PARTIALLY_READY       | Partially ready
            0.49999 | 1.0     | NOT_READY             | Not ready
            0.0     | 0.6     | NOT_READY             | Not ready
            0.0     | 0.0     | INSUFFICIENT_EVIDENCE | Insufficient evidence
            """)
    void boundaries(double readiness, double coverage, ReadinessLevel level, String rule) {
        assertDecision(run(facts("A/01.3", readiness, coverage)), "A/01.3", level, rule);
    }

    @Test
    void coverageComputedAsThreeFifthsCountsAsEnough() {
        // 0.6 as Java computes it from weights (1 + 0.5) / 2.5; must not fall below the threshold
        double coverage = (1.0 + 0.5) / 2.5;
        assertDecision(run(facts("A/01.3", 0.8, coverage)), "A/01.3", ReadinessLevel.READY, "Ready");
    }

    @Test
    void staleEvidenceExcluded() {
        var out = ru.workready.engine.scoring.RuleSetChecks.evaluate(RuleHarness.kieBase(),
                java.util.Map.of("staleAfterYears", 5.0), List.of(), List.of(),
                List.of(RuleHarness.evidence(1, ru.workready.engine.assessments.EvidenceKind.COURSE_GRADE, 5.01),
                        RuleHarness.evidence(2, ru.workready.engine.assessments.EvidenceKind.DEMO_EXAM, 5.0),
                        RuleHarness.evidence(3, ru.workready.engine.assessments.EvidenceKind.INDEPENDENT_ASSESSMENT, 9)));
        assertThat(out.excluded()).containsExactly(1L, 3L);
        assertThat(out.exclusions()).allSatisfy(e -> {
            assertThat(e.rule()).isEqualTo("Stale evidence excluded");
            assertThat(e.reason()).contains("5 years");
        });
    }

    @Test
    void staleEvidenceRuleIsOffWithoutItsParameter() {
        var out = ru.workready.engine.scoring.RuleSetChecks.evaluate(RuleHarness.kieBase(), java.util.Map.of(),
                List.of(), List.of(),
                List.of(RuleHarness.evidence(1, ru.workready.engine.assessments.EvidenceKind.COURSE_GRADE, 50)));
        assertThat(out.excluded()).isEmpty();
    }
}

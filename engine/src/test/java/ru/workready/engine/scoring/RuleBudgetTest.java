package ru.workready.engine.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import ru.workready.engine.assessments.EvidenceKind;

/** Rule sets that never stop are stopped: a firing limit per session, a watchdog at the deadline. */
class RuleBudgetTest {

    private static final String HEADER = """
            package budget;
            import ru.workready.engine.scoring.FunctionFacts;
            import ru.workready.engine.scoring.EvidenceFacts;
            import ru.workready.engine.scoring.LevelDecision;
            import ru.workready.engine.scoring.ReadinessLevel;
            """;

    /** update → the rule matches again → update …: fires without end, each firing cheap. */
    private static final String STORM = HEADER + """
            rule "Forever"
            when
                $f : FunctionFacts()
            then
                update($f);
            end
            """;

    /** Inserts a new fact per firing: memory grows until it is stopped. */
    private static final String INSERTS = HEADER + """
            rule "Again and again"
            when
                $e : EvidenceFacts()
            then
                insert(new EvidenceFacts($e.sequence() + 1, $e.outcomeCode(), $e.kind(), $e.ageYears(), $e.score(),
                        $e.weight(), $e.grade(), null, null));
            end
            """;

    private static KieBase compile(String drl) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId id = ks.newReleaseId("ru.workready.test", "budget", "1-" + UUID.randomUUID());
        kfs.generateAndWritePomXML(id);
        kfs.write("src/main/resources/budget/rules.drl", drl);
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        assertThat(builder.getResults().getMessages(Message.Level.ERROR)).isEmpty();
        try {
            return ks.newKieContainer(id).getKieBase();
        } finally {
            ks.getRepository().removeKieModule(id);
        }
    }

    private static FunctionFacts function() {
        return new FunctionFacts("06.001", "A", "A/01.3", 3, 4, true, 0.8, 1.0, false);
    }

    @Test
    void anUpdateLoopIsStoppedAtTheFiringLimitAndNamed() {
        KieBase kb = compile(STORM);
        long started = System.nanoTime();
        List<RuleSetChecks.Failure> failures = RuleSetChecks.run(kb, Map.of(),
                List.of(new RuleSetTestCase("loops", List.of(function()), List.of(), List.of(), Map.of(), Map.of(),
                        List.of())), 1, RuleBudget.of(Duration.ofSeconds(5), 10_000));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.testCase()).isEqualTo("loops");
            assertThat(f.subject()).isEqualTo("Forever");
            assertThat(f.actual()).contains("more than 10000 rule firings", "rule \"Forever\" fired");
        });
    }

    @Test
    void theWatchdogHaltsASessionWhenTheTimeBudgetRunsOut() {
        KieBase kb = compile(INSERTS);
        EvidenceFacts e = new EvidenceFacts(1, "O1", EvidenceKind.COURSE_GRADE, 1, 1, 1, 5, null, null);
        long started = System.nanoTime();
        // the firing limit is out of reach: only the deadline can stop it
        List<RuleSetChecks.Failure> failures = RuleSetChecks.run(kb, Map.of(),
                List.of(new RuleSetTestCase("grows", List.of(), List.of(), List.of(e), Map.of(), Map.of(), List.of())),
                1, RuleBudget.of(Duration.ofMillis(300), Integer.MAX_VALUE));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.testCase()).isEqualTo("grows");
            assertThat(f.actual()).contains("time budget of PT0.3S ran out", "Again and again");
        });
    }

    @Test
    void scoringWithALoopingRuleSetFailsThatStudentWithAClearError() {
        ReadinessEvaluator readiness = new ReadinessEvaluator(compile(STORM), "storm-1", Map.of());
        var standard = new ru.workready.engine.standards.ProfessionalStandard("06.001", "Программист", "4", "424н",
                java.time.LocalDate.of(2022, 7, 20), "test", List.of(new ru.workready.engine.standards.GeneralizedFunction(
                "A", "a", 3, List.of(), List.of(new ru.workready.engine.standards.LabourFunction("A/01.3", "f", 3,
                List.of())))));
        ScoringInput in = new ScoringInput("S-1", standard, 4, List.of(), List.of(), java.time.LocalDate.of(2026, 11, 25));
        assertThatThrownBy(() -> readiness.evaluate(in))
                .isInstanceOf(RuleBudgetExceeded.class)
                .hasMessageContaining("rule set storm-1 stopped while scoring student S-1")
                .hasMessageContaining("more than " + RuleBudget.DEFAULT_MAX_FIRINGS + " rule firings");
    }
}

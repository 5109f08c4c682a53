package ru.workready.engine.scoring;

import java.util.List;
import java.util.Objects;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;

/**
 * The policy as a rule set: one small KieSession per student, facts in, decisions out. Sessions
 * come from a pool: creating one costs about as much as scoring a student, and a disposed pooled
 * session is reset and reused.
 */
public final class RulesPolicy implements Policy {
    private final KieBase kieBase;
    private final KieSessionsPool pool;

    public RulesPolicy(KieBase kieBase) {
        this.kieBase = Objects.requireNonNull(kieBase, "kieBase");
        this.pool = kieBase.newKieSessionsPool(4);
    }

    public KieBase kieBase() {
        return kieBase;
    }

    @Override
    public Run start(List<RuleParameter> parameters) {
        RuleRun run = new RuleRun(pool.newKieSession(), false);
        parameters.forEach(run::insert);
        return new Run() {
            @Override
            public Verdicts judge(List<EvidenceFacts> evidence) {
                evidence.forEach(run::insert);
                run.fire();
                return new Verdicts(run.collect(EvidenceExcluded.class), run.collect(EvidenceReweighted.class));
            }

            @Override
            public List<LevelDecision> decide(List<FunctionFacts> functions, List<CriticalOutcome> critical) {
                functions.forEach(run::insert);
                critical.forEach(run::insert);
                run.fire();
                return run.collect(LevelDecision.class);
            }

            @Override
            public void close() {
                run.close();
            }
        };
    }
}

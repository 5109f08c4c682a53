package ru.workready.engine.scoring;

import java.util.List;

/**
 * The policy step of scoring, between the sums: which evidence counts, then the level of each
 * labour function. The product runs a rule set ({@link RulesPolicy}); the benchmark's baseline
 * plugs in the same policy written in plain Java, so both produce the same results.
 */
public interface Policy {

    /** Starts one student's evaluation. */
    Run start(List<RuleParameter> parameters);

    /** One student's policy decisions, in order: judge, then decide. */
    interface Run extends AutoCloseable {
        Verdicts judge(List<EvidenceFacts> evidence);

        List<LevelDecision> decide(List<FunctionFacts> functions, List<CriticalOutcome> critical);

        @Override
        void close();
    }

    /** What the policy said about the current evidence. */
    record Verdicts(List<EvidenceExcluded> excluded, List<EvidenceReweighted> reweighted) {
    }
}

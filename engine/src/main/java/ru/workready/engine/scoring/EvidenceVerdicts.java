package ru.workready.engine.scoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The rules' verdicts on a student's evidence (step 1 of {@link ReadinessEvaluator}) as the methodology's adjustments: the
 * excluded results with the first exclusion's rule and reason, the reweighted ones with the largest weight.
 */
final class EvidenceVerdicts {
    private EvidenceVerdicts() {
    }

    static Methodology.Adjustments adjustments(Policy.Verdicts verdicts) {
        List<EvidenceExcluded> excluded = verdicts.excluded();
        List<EvidenceReweighted> reweighted = verdicts.reweighted();
        if (excluded.isEmpty() && reweighted.isEmpty()) {
            return Methodology.Adjustments.NONE;
        }
        Map<Long, EvidenceExcluded> exclusions = firstExclusions(excluded);
        Map<Long, EvidenceReweighted> reweights = largestWeights(reweighted);
        Map<Long, String> ex = new HashMap<>();
        Map<Long, String> exReasons = new HashMap<>();
        Map<Long, String> exReasonsRu = new HashMap<>();
        exclusions.forEach((sequence, e) -> {
            ex.put(sequence, e.rule());
            putPresent(exReasons, sequence, e.reason());
            putPresent(exReasonsRu, sequence, e.reason() == null ? null : e.reasonRu());
        });
        Map<Long, Double> weights = new HashMap<>();
        Map<Long, String> weightRules = new HashMap<>();
        Map<Long, String> weightReasons = new HashMap<>();
        Map<Long, String> weightReasonsRu = new HashMap<>();
        reweights.forEach((sequence, r) -> {
            weights.put(sequence, r.weight());
            weightRules.put(sequence, r.rule());
            putPresent(weightReasons, sequence, r.reason());
            putPresent(weightReasonsRu, sequence, r.reasonRu());
        });
        return new Methodology.Adjustments(ex, weights, weightRules, exReasons, weightReasons, exReasonsRu,
                weightReasonsRu);
    }

    /** Several exclusions of one result: the first one's rule and reason. */
    private static Map<Long, EvidenceExcluded> firstExclusions(List<EvidenceExcluded> excluded) {
        Map<Long, EvidenceExcluded> exclusions = new HashMap<>();
        for (EvidenceExcluded e : excluded) {
            exclusions.putIfAbsent(e.sequence(), e);
        }
        return exclusions;
    }

    /** Several reweighting rules: the largest weight wins, whatever the firing order. */
    private static Map<Long, EvidenceReweighted> largestWeights(List<EvidenceReweighted> reweighted) {
        Map<Long, EvidenceReweighted> reweights = new HashMap<>();
        for (EvidenceReweighted r : reweighted) {
            if (!(r.weight() > 0)) {
                throw new RuleSetInvariantViolation("rule " + r.rule() + " set a non-positive weight " + r.weight());
            }
            EvidenceReweighted before = reweights.get(r.sequence());
            if (before == null || r.weight() > before.weight()) {
                reweights.put(r.sequence(), r);
            }
        }
        return reweights;
    }

    private static void putPresent(Map<Long, String> map, long sequence, @Nullable String value) {
        if (value != null) {
            map.put(sequence, value);
        }
    }
}

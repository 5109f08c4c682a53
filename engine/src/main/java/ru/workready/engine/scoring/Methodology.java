package ru.workready.engine.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.workready.engine.assessments.AssessmentResult;
import ru.workready.engine.assessments.Evidence;
import ru.workready.engine.assessments.EvidenceKind;

/**
 * The arithmetic of DESIGN §3 (steps 1–5): normalization, kind weights, latest attempt wins,
 * outcome mastery. Plain Java because it is the hot path; the policy lives in the rules.
 */
public final class Methodology {

    /** Orders retakes: the latest date wins, then the higher attempt, then the later arrival. */
    static final Comparator<Evidence> CHRONOLOGICAL = Comparator.comparing(Evidence::assessedOn)
            .thenComparingInt(Evidence::attempt)
            .thenComparingLong(Evidence::sequence);

    private final Map<EvidenceKind, Double> kindWeights;

    public Methodology(Map<EvidenceKind, Double> kindWeights) {
        this.kindWeights = new EnumMap<>(kindWeights);
        for (EvidenceKind k : EvidenceKind.values()) {
            if (!(this.kindWeights.getOrDefault(k, 0.0) > 0)) {
                throw new IllegalArgumentException("weight of " + k + " must be positive");
            }
        }
    }

    public static Methodology defaults() {
        Map<EvidenceKind, Double> weights = new EnumMap<>(EvidenceKind.class);
        for (EvidenceKind k : EvidenceKind.values()) {
            weights.put(k, k.defaultWeight());
        }
        return new Methodology(weights);
    }

    public double weight(EvidenceKind kind) {
        return kindWeights.get(kind);
    }

    /** Step 1: any result to s ∈ [0, 1]. */
    public static double normalize(AssessmentResult result) {
        if (result instanceof AssessmentResult.Grade g) {
            return switch (g.value()) {
                case 5 -> 1.0;
                case 4 -> 0.75;
                case 3 -> 0.5;
                default -> 0.0;
            };
        }
        if (result instanceof AssessmentResult.Points p) {
            return Math.min(1.0, Math.max(0.0, p.points() / p.max()));
        }
        return ((AssessmentResult.PassFail) result).passed() ? 1.0 : 0.0;
    }

    /** Demonstration exam grade from the share of maximum points: <20 % → 2, <40 % → 3, <70 % → 4, else 5. */
    public static int demoExamGrade(double points, double max) {
        double percent = 100.0 * points / max;
        if (percent < 20) {
            return 2;
        }
        if (percent < 40) {
            return 3;
        }
        if (percent < 70) {
            return 4;
        }
        return 5;
    }

    /** Mastery of one outcome and the evidence behind it (superseded retakes included, flagged). */
    public record OutcomeMastery(String outcomeCode, double mastery, List<EvidenceContribution> evidence) {
    }

    /** Steps 3–4: for each outcome, m(o) = Σ w·s / Σ w over the latest result of each kind. */
    public Map<String, OutcomeMastery> mastery(List<Evidence> history) {
        Map<String, Map<EvidenceKind, List<Evidence>>> byOutcome = new HashMap<>();
        for (Evidence e : history) {
            if (e.outcomeCode() == null) {
                continue;
            }
            byOutcome.computeIfAbsent(e.outcomeCode(), k -> new EnumMap<>(EvidenceKind.class))
                    .computeIfAbsent(e.kind(), k -> new ArrayList<>())
                    .add(e);
        }
        Map<String, OutcomeMastery> result = new HashMap<>();
        byOutcome.forEach((outcome, byKind) -> {
            double weighted = 0;
            double weights = 0;
            List<EvidenceContribution> contributions = new ArrayList<>();
            for (Map.Entry<EvidenceKind, List<Evidence>> entry : byKind.entrySet()) {
                List<Evidence> attempts = entry.getValue();
                attempts.sort(CHRONOLOGICAL);
                double w = weight(entry.getKey());
                for (int i = 0; i < attempts.size(); i++) {
                    Evidence e = attempts.get(i);
                    boolean latest = i == attempts.size() - 1;
                    double s = normalize(e.result());
                    if (latest) {
                        weighted += w * s;
                        weights += w;
                    }
                    contributions.add(new EvidenceContribution(e.sequence(), e.kind(), e.assessedOn(),
                            e.attempt(), s, w, !latest));
                }
            }
            contributions.sort(Comparator.comparing(EvidenceContribution::assessedOn)
                    .thenComparingInt(EvidenceContribution::attempt)
                    .thenComparingLong(EvidenceContribution::sequence));
            result.put(outcome, new OutcomeMastery(outcome, round(weighted / weights), contributions));
        });
        return result;
    }

    /**
     * Rounds sums to 9 decimals so that a threshold met on paper (coverage 1.5 / 2.5 = 0.6) is
     * not missed by floating-point noise (0.5999999999999999).
     */
    static double round(double v) {
        return Math.round(v * 1e9) / 1e9;
    }

    /** Step 5 for one function: r(t) and cov(t) over its mappings. */
    public record FunctionArithmetic(@Nullable Double readiness, double coverage) {
    }

    public static FunctionArithmetic function(List<Double> mappingWeights, List<@Nullable Double> masteries) {
        double evidencedWeight = 0;
        double allWeight = 0;
        double weightedMastery = 0;
        for (int i = 0; i < mappingWeights.size(); i++) {
            double c = mappingWeights.get(i);
            Double m = masteries.get(i);
            allWeight += c;
            if (m != null) {
                evidencedWeight += c;
                weightedMastery += c * m;
            }
        }
        Double readiness = evidencedWeight > 0 ? round(weightedMastery / evidencedWeight) : null;
        double coverage = allWeight > 0 ? round(evidencedWeight / allWeight) : 0;
        return new FunctionArithmetic(readiness, coverage);
    }
}

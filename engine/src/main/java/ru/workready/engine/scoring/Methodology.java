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

    /** Kind weights from rule-set parameters {@code weight.<KIND>}, defaults for those not given. */
    public static Methodology fromParameters(Map<String, Double> parameters) {
        Map<EvidenceKind, Double> weights = new EnumMap<>(EvidenceKind.class);
        for (EvidenceKind k : EvidenceKind.values()) {
            weights.put(k, parameters.getOrDefault("weight." + k.name(), k.defaultWeight()));
        }
        return new Methodology(weights);
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

    /** Mastery of one outcome and the evidence behind it (superseded and excluded results included, flagged). */
    public record OutcomeMastery(String outcomeCode, @Nullable Double mastery, List<EvidenceContribution> evidence) {
    }

    /**
     * What the rules decided about current evidence before the sums: excluded sequences (with the
     * rule that excluded them) and changed weights (with the rule), and the reasons those rules gave,
     * by sequence.
     */
    public record Adjustments(Map<Long, String> excluded, Map<Long, Double> weights, Map<Long, String> weightRules,
                              Map<Long, String> exclusionReasons, Map<Long, String> weightReasons,
                              Map<Long, String> exclusionReasonsRu, Map<Long, String> weightReasonsRu) {
        public static final Adjustments NONE = new Adjustments(Map.of(), Map.of(), Map.of());

        public Adjustments(Map<Long, String> excluded, Map<Long, Double> weights, Map<Long, String> weightRules) {
            this(excluded, weights, weightRules, Map.of(), Map.of());
        }

        public Adjustments(Map<Long, String> excluded, Map<Long, Double> weights, Map<Long, String> weightRules,
                           Map<Long, String> exclusionReasons, Map<Long, String> weightReasons) {
            this(excluded, weights, weightRules, exclusionReasons, weightReasons, Map.of(), Map.of());
        }
    }

    /**
     * Step 3: the evidence that can count — the latest attempt per outcome and kind, and the latest
     * independent assessment (НОК) per standard and generalized function.
     */
    public static List<Evidence> current(List<Evidence> history) {
        CurrentEvidence current = new CurrentEvidence();
        history.forEach(current::add);
        return current.list();
    }

    /** Steps 3–4 with no rule adjustments. */
    public Map<String, OutcomeMastery> mastery(List<Evidence> history) {
        return mastery(history, Adjustments.NONE);
    }

    /**
     * Steps 3–4: for each outcome, m(o) = Σ w·s / Σ w over the latest result of each kind that the
     * rules did not exclude. An excluded latest result does not bring back an earlier attempt.
     */
    public Map<String, OutcomeMastery> mastery(List<Evidence> history, Adjustments adjustments) {
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
        byOutcome.forEach((outcome, byKind) -> result.put(outcome, outcomeMastery(outcome, byKind, adjustments)));
        return result;
    }

    /** One outcome's mastery over the latest result of each kind, with every result's contribution. */
    private OutcomeMastery outcomeMastery(String outcome, Map<EvidenceKind, List<Evidence>> byKind,
                                          Adjustments adjustments) {
        double weighted = 0;
        double weights = 0;
        List<Evidence> all = new ArrayList<>();
        List<Double> ws = new ArrayList<>();
        List<Boolean> latestFlags = new ArrayList<>();
        for (Map.Entry<EvidenceKind, List<Evidence>> entry : byKind.entrySet()) {
            List<Evidence> attempts = entry.getValue();
            attempts.sort(CHRONOLOGICAL);
            double kindWeight = weight(entry.getKey());
            for (int i = 0; i < attempts.size(); i++) {
                Evidence e = attempts.get(i);
                boolean latest = i == attempts.size() - 1;
                double w = adjustments.weights().getOrDefault(e.sequence(), kindWeight);
                if (latest && !adjustments.excluded().containsKey(e.sequence())) {
                    weighted += w * normalize(e.result());
                    weights += w;
                }
                all.add(e);
                ws.add(w);
                latestFlags.add(latest);
            }
        }
        List<EvidenceContribution> contributions = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            contributions.add(contribution(all.get(i), ws.get(i), !latestFlags.get(i), weights, adjustments));
        }
        contributions.sort(Comparator.comparing(EvidenceContribution::assessedOn)
                .thenComparingInt(EvidenceContribution::attempt)
                .thenComparingLong(EvidenceContribution::sequence));
        return new OutcomeMastery(outcome, weights > 0 ? round(weighted / weights) : null, contributions);
    }

    /** What one result added to its outcome's mastery (nothing when superseded or excluded), and which rule said so. */
    private static EvidenceContribution contribution(Evidence e, double w, boolean superseded, double weights,
                                                     Adjustments adjustments) {
        double s = normalize(e.result());
        String excludedBy = adjustments.excluded().get(e.sequence());
        boolean excluded = !superseded && excludedBy != null;
        String rule = excluded ? excludedBy : adjustments.weightRules().get(e.sequence());
        double contribution = superseded || excluded || weights == 0 ? 0 : round(w * s / weights);
        return new EvidenceContribution(e.sequence(), e.kind(), e.assessedOn(), e.attempt(), s, w,
                superseded, excluded, rule, excluded ? adjustments.exclusionReasons().get(e.sequence())
                : rule == null ? null : adjustments.weightReasons().get(e.sequence()), contribution,
                excluded ? adjustments.exclusionReasonsRu().get(e.sequence())
                : rule == null ? null : adjustments.weightReasonsRu().get(e.sequence()));
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

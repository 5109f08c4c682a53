package ru.workready.engine.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kie.api.KieBase;
import ru.workready.engine.assessments.Evidence;
import ru.workready.engine.mapping.Mapping;
import ru.workready.engine.standards.GeneralizedFunction;
import ru.workready.engine.standards.LabourFunction;
import ru.workready.engine.standards.ProfessionalStandard;

/**
 * Evaluates one student against one standard edition in one small KieSession, in two steps:
 * the rules first judge the current evidence (exclusions, weights: policy), Java does the sums,
 * then the rules decide the level of each labour function. Thread-safe; a KieBase is shared,
 * sessions are not.
 */
public final class ReadinessEvaluator {

    private static final Comparator<Evidence> LATEST =
            Comparator.comparing(Evidence::assessedOn).thenComparingLong(Evidence::sequence);

    private final Policy policy;
    private final String ruleSetVersion;
    private final Methodology methodology;
    private final List<RuleParameter> parameters;

    public ReadinessEvaluator(KieBase kieBase, String ruleSetVersion, Methodology methodology) {
        this(kieBase, ruleSetVersion, methodology, Map.of());
    }

    /** With rule-set parameters: kind weights ({@code weight.<KIND>}) and whatever the rules read. */
    public ReadinessEvaluator(KieBase kieBase, String ruleSetVersion, Map<String, Double> parameters) {
        this(kieBase, ruleSetVersion, Methodology.fromParameters(parameters), parameters);
    }

    private ReadinessEvaluator(KieBase kieBase, String ruleSetVersion, Methodology methodology,
                      Map<String, Double> parameters) {
        this(new RulesPolicy(kieBase), ruleSetVersion, methodology, parameters);
    }

    /** With any policy (the benchmark's plain-Java baseline); the product passes a {@link RulesPolicy}. */
    public ReadinessEvaluator(Policy policy, String ruleSetVersion, Map<String, Double> parameters) {
        this(policy, ruleSetVersion, Methodology.fromParameters(parameters), parameters);
    }

    private ReadinessEvaluator(Policy policy, String ruleSetVersion, Methodology methodology, Map<String, Double> parameters) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.ruleSetVersion = ruleSetVersion;
        this.methodology = methodology;
        List<RuleParameter> ps = new ArrayList<>();
        parameters.forEach((k, v) -> ps.add(new RuleParameter(k, v)));
        this.parameters = List.copyOf(ps);
    }

    public String ruleSetVersion() {
        return ruleSetVersion;
    }

    /**
     * Scores one student.
     *
     * @throws RuleBudgetExceeded when the rules fire more than {@link RuleBudget#DEFAULT_MAX_FIRINGS} times
     *                            in the student's session (an endless loop or rule storm): that student's
     *                            scoring fails instead of holding the thread
     */
    public StudentReadiness evaluate(ScoringInput in) {
        try (Policy.Run run = policy.start(parameters)) {
            return evaluate(in, run);
        } catch (RuleBudgetExceeded e) {
            throw new RuleBudgetExceeded("rule set " + ruleSetVersion + " stopped while scoring student "
                    + in.studentId() + ": " + e.getMessage(), e.rule());
        }
    }

    private StudentReadiness evaluate(ScoringInput in, Policy.Run run) {
        // Step 1 in the rules: which current evidence counts, and with what weight.
        List<Evidence> current = Methodology.current(in.evidence());
        List<EvidenceFacts> evidenceFacts = new ArrayList<>(current.size());
        for (Evidence e : current) {
            evidenceFacts.add(facts(e, in));
        }
        Methodology.Adjustments adjustments = EvidenceVerdicts.adjustments(run.judge(evidenceFacts));
        // Java does the sums
        Map<String, Methodology.OutcomeMastery> mastery = methodology.mastery(in.evidence(), adjustments);
        Map<String, Evidence> certified = certifiedGeneralizedFunctions(in, current, adjustments);
        Map<String, Working> working = working(in, mastery, certified);
        // Step 2 in the rules: the level of each function.
        Map<String, List<LevelDecision>> decisionsByFunction = decide(run, working);
        List<FunctionScore> scores = new ArrayList<>(working.size());
        for (Working w : working.values()) {
            scores.add(score(in, w, decisionsByFunction.getOrDefault(w.function.code(), List.of()), certified));
        }
        return new StudentReadiness(in.studentId(), ruleSetVersion, scores, rollup(in, scores));
    }

    /** Each labour function's mapped outcomes with their mastery, and the function's readiness and coverage. */
    private static Map<String, Working> working(ScoringInput in, Map<String, Methodology.OutcomeMastery> mastery,
                                                Map<String, Evidence> certified) {
        Map<String, List<Mapping>> mappingsByFunction = new HashMap<>();
        for (Mapping m : in.mappings()) {
            mappingsByFunction.computeIfAbsent(m.functionCode(), k -> new ArrayList<>()).add(m);
        }
        Map<String, Working> working = new LinkedHashMap<>();
        for (GeneralizedFunction g : in.standard().generalizedFunctions()) {
            for (LabourFunction f : g.functions()) {
                List<Mapping> mappings = mappingsByFunction.getOrDefault(f.code(), List.of());
                List<Double> weights = new ArrayList<>(mappings.size());
                List<@Nullable Double> masteries = new ArrayList<>(mappings.size());
                List<OutcomeContribution> outcomes = new ArrayList<>(mappings.size());
                for (Mapping m : mappings) {
                    Methodology.OutcomeMastery om = mastery.get(m.outcomeCode());
                    Double value = om == null ? null : om.mastery();
                    weights.add(m.weight());
                    masteries.add(value);
                    outcomes.add(new OutcomeContribution(m.outcomeCode(), m.type(), m.weight(), m.critical(), value,
                            om == null ? List.of() : om.evidence()));
                }
                Methodology.FunctionArithmetic sums = Methodology.function(weights, masteries);
                FunctionFacts facts = new FunctionFacts(in.standard().code(), g.code(), f.code(),
                        g.qualificationLevel(), in.programmeLevel(), !mappings.isEmpty(),
                        sums.readiness() == null ? 0.0 : sums.readiness(), sums.coverage(),
                        certified.containsKey(g.code()));
                working.put(f.code(), new Working(g, f, facts, sums, outcomes));
            }
        }
        return working;
    }

    /** The rules' level decisions for the functions, by function code (with their critical outcomes as facts). */
    private static Map<String, List<LevelDecision>> decide(Policy.Run run, Map<String, Working> working) {
        List<FunctionFacts> functionFacts = new ArrayList<>(working.size());
        List<CriticalOutcome> critical = new ArrayList<>();
        for (Working w : working.values()) {
            functionFacts.add(w.facts);
            for (OutcomeContribution o : w.outcomes) {
                if (o.critical()) {
                    critical.add(new CriticalOutcome(w.function.code(), o.outcomeCode(), o.mastery() != null,
                            o.mastery() == null ? 0.0 : o.mastery()));
                }
            }
        }
        Map<String, List<LevelDecision>> decisionsByFunction = new HashMap<>();
        for (LevelDecision d : run.decide(functionFacts, critical)) {
            decisionsByFunction.computeIfAbsent(d.functionCode(), k -> new ArrayList<>()).add(d);
        }
        return decisionsByFunction;
    }

    /** A function's score from its one level decision: the rules that fired on its evidence and the deciding one. */
    private FunctionScore score(ScoringInput in, Working w, List<LevelDecision> ds, Map<String, Evidence> certified) {
        if (ds.size() != 1) {
            throw new RuleSetInvariantViolation("rule set " + ruleSetVersion + " decided " + ds.size()
                    + " levels for " + w.function.code() + ": " + ds);
        }
        LevelDecision d = ds.get(0);
        Double readiness = d.readiness() != null ? d.readiness()
                : d.level().scored() ? w.sums.readiness() : null;
        Set<String> rules = new LinkedHashSet<>();
        for (OutcomeContribution o : w.outcomes) {
            for (EvidenceContribution e : o.evidence()) {
                if (e.rule() != null) {
                    rules.add(e.rule());
                }
            }
        }
        rules.add(d.rule());
        Evidence certificate = certified.get(w.generalized.code());
        return new FunctionScore(in.standard().code(), w.generalized.code(), w.function.code(),
                w.function.name(), w.generalized.qualificationLevel(), readiness, w.sums.coverage(),
                d.level(), List.copyOf(rules), ReasonSpecifics.reason(d, w.facts, w.outcomes, certificate),
                w.outcomes, d.rule(), d.reasonRu() == null ? null
                : ReasonSpecifics.reason(d.reasonRu(), d, w.facts, w.outcomes, certificate));
    }

    private EvidenceFacts facts(Evidence e, ScoringInput in) {
        return EvidenceFacts.of(e, in.asOf(), methodology.weight(e.kind()));
    }

    /**
     * The generalized functions for which the student's latest, counted НОК was passed, each with the certificate
     * a reason names (the latest when several).
     */
    private static Map<String, Evidence> certifiedGeneralizedFunctions(ScoringInput in, List<Evidence> current,
                                                                      Methodology.Adjustments adjustments) {
        Map<String, Evidence> certified = new LinkedHashMap<>();
        for (Evidence e : current) {
            if (e.isCertification() && in.standard().code().equals(e.standardCode())
                    && !adjustments.excluded().containsKey(e.sequence())
                    && Methodology.normalize(e.result()) >= 1.0) {
                certified.merge(e.generalizedFunctionCode(), e, (a, b) -> LATEST.compare(a, b) >= 0 ? a : b);
            }
        }
        return certified;
    }

    private static List<GeneralizedScore> rollup(ScoringInput in, List<FunctionScore> scores) {
        return rollup(in.standard(), scores);
    }

    /**
     * Step 7: ОТФ score = mean of its scored functions; level = the weakest of them. Public so that
     * stored function scores can be rolled up the same way without evaluating again.
     */
    public static List<GeneralizedScore> rollup(ProfessionalStandard standard, List<FunctionScore> scores) {
        List<GeneralizedScore> result = new ArrayList<>();
        for (GeneralizedFunction g : standard.generalizedFunctions()) {
            double sum = 0;
            int withReadiness = 0;
            int scored = 0;
            ReadinessLevel weakest = null;
            for (FunctionScore s : scores) {
                if (!s.generalizedCode().equals(g.code()) || !s.level().scored()) {
                    continue;
                }
                scored++;
                if (s.readiness() != null) {
                    sum += s.readiness();
                    withReadiness++;
                }
                if (weakest == null || s.level().strength() < weakest.strength()) {
                    weakest = s.level();
                }
            }
            result.add(new GeneralizedScore(standard.code(), g.code(),
                    withReadiness > 0 ? sum / withReadiness : null, weakest, scored));
        }
        result.sort(Comparator.comparing(GeneralizedScore::code));
        return result;
    }

    private record Working(GeneralizedFunction generalized, LabourFunction function, FunctionFacts facts,
                           Methodology.FunctionArithmetic sums, List<OutcomeContribution> outcomes) {
    }
}

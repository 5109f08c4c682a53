package ru.workready.engine.scoring;

import java.util.ArrayList;
import java.util.Collection;
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
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import ru.workready.engine.assessments.Evidence;
import ru.workready.engine.mapping.Mapping;
import ru.workready.engine.standards.GeneralizedFunction;
import ru.workready.engine.standards.LabourFunction;

/**
 * Evaluates one student against one standard edition: Java does the sums, then one small
 * KieSession per student decides the levels. Thread-safe; a KieBase is shared, sessions are not.
 */
public final class Readiness {

    private final KieBase kieBase;
    private final String ruleSetVersion;
    private final Methodology methodology;

    public Readiness(KieBase kieBase, String ruleSetVersion, Methodology methodology) {
        this.kieBase = Objects.requireNonNull(kieBase, "kieBase");
        this.ruleSetVersion = ruleSetVersion;
        this.methodology = methodology;
    }

    public String ruleSetVersion() {
        return ruleSetVersion;
    }

    public StudentReadiness evaluate(ScoringInput in) {
        Map<String, Methodology.OutcomeMastery> mastery = methodology.mastery(in.evidence());
        Set<String> certified = certifiedGeneralizedFunctions(in);
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
                        certified.contains(g.code()));
                working.put(f.code(), new Working(g, f, facts, sums, outcomes));
            }
        }

        Map<String, Set<String>> firedByFunction = new HashMap<>();
        Collection<LevelDecision> decisions = decide(working.values(), firedByFunction);
        Map<String, List<LevelDecision>> decisionsByFunction = new HashMap<>();
        for (LevelDecision d : decisions) {
            decisionsByFunction.computeIfAbsent(d.functionCode(), k -> new ArrayList<>()).add(d);
        }

        List<FunctionScore> scores = new ArrayList<>(working.size());
        for (Working w : working.values()) {
            List<LevelDecision> ds = decisionsByFunction.getOrDefault(w.function.code(), List.of());
            if (ds.size() != 1) {
                throw new RuleSetInvariantViolation("rule set " + ruleSetVersion + " decided " + ds.size()
                        + " levels for " + w.function.code() + ": " + ds);
            }
            LevelDecision d = ds.get(0);
            Double readiness = d.level().scored() ? w.sums.readiness() : null;
            scores.add(new FunctionScore(in.standard().code(), w.generalized.code(), w.function.code(),
                    w.function.name(), w.generalized.qualificationLevel(), readiness, w.sums.coverage(),
                    d.level(), List.copyOf(firedByFunction.getOrDefault(w.function.code(), Set.of())),
                    d.reason(), w.outcomes));
        }
        return new StudentReadiness(in.studentId(), ruleSetVersion, scores, rollup(in, scores));
    }

    private Collection<LevelDecision> decide(Collection<Working> working, Map<String, Set<String>> fired) {
        KieSession session = kieBase.newKieSession();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    String rule = event.getMatch().getRule().getName();
                    for (Object o : event.getMatch().getObjects()) {
                        String code = o instanceof FunctionFacts f ? f.code()
                                : o instanceof CriticalOutcome c ? c.functionCode() : null;
                        if (code != null) {
                            fired.computeIfAbsent(code, k -> new LinkedHashSet<>()).add(rule);
                        }
                    }
                }
            });
            for (Working w : working) {
                session.insert(w.facts);
                for (OutcomeContribution o : w.outcomes) {
                    if (o.critical()) {
                        session.insert(new CriticalOutcome(w.function.code(), o.outcomeCode(), o.mastery() != null,
                                o.mastery() == null ? 0.0 : o.mastery()));
                    }
                }
            }
            session.fireAllRules();
            List<LevelDecision> decisions = new ArrayList<>();
            for (Object o : session.getObjects(new ClassObjectFilter(LevelDecision.class))) {
                decisions.add((LevelDecision) o);
            }
            return decisions;
        } finally {
            session.dispose();
        }
    }

    /** The generalized functions for which the student's latest НОК attempt was passed. */
    private static Set<String> certifiedGeneralizedFunctions(ScoringInput in) {
        Map<String, Evidence> latest = new HashMap<>();
        for (Evidence e : in.evidence()) {
            if (e.isCertification() && in.standard().code().equals(e.standardCode())) {
                latest.merge(e.generalizedFunctionCode(), e,
                        (a, b) -> Methodology.CHRONOLOGICAL.compare(a, b) >= 0 ? a : b);
            }
        }
        Set<String> certified = new LinkedHashSet<>();
        latest.forEach((code, e) -> {
            if (Methodology.normalize(e.result()) >= 1.0) {
                certified.add(code);
            }
        });
        return certified;
    }

    /** Step 7: ОТФ score = mean of its scored functions; level = the weakest of them. */
    private static List<GeneralizedScore> rollup(ScoringInput in, List<FunctionScore> scores) {
        List<GeneralizedScore> result = new ArrayList<>();
        for (GeneralizedFunction g : in.standard().generalizedFunctions()) {
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
            result.add(new GeneralizedScore(in.standard().code(), g.code(),
                    withReadiness > 0 ? sum / withReadiness : null, weakest, scored));
        }
        result.sort(Comparator.comparing(GeneralizedScore::code));
        return result;
    }

    private record Working(GeneralizedFunction generalized, LabourFunction function, FunctionFacts facts,
                           Methodology.FunctionArithmetic sums, List<OutcomeContribution> outcomes) {
    }
}

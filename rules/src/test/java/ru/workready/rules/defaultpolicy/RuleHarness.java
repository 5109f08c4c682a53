package ru.workready.rules.defaultpolicy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import ru.workready.engine.scoring.CriticalOutcome;
import ru.workready.engine.scoring.FunctionFacts;
import ru.workready.engine.scoring.LevelDecision;

/** Runs the `default` kbase from the classpath kjar on hand-made facts and records what fired. */
final class RuleHarness {

    private static KieBase kieBase;

    private RuleHarness() {
    }

    static synchronized KieBase kieBase() {
        if (kieBase == null) {
            KieBase kb = KieServices.Factory.get().getKieClasspathContainer().getKieBase("default");
            if (kb == null) {
                throw new IllegalStateException("kbase 'default' not found on the classpath: is the kjar built "
                        + "with drools-model-compiler and is drools-xml-support on the test classpath?");
            }
            kieBase = kb;
        }
        return kieBase;
    }

    /** What one session produced. */
    record Result(List<String> fired, Map<String, List<String>> firedByFunction, List<LevelDecision> decisions) {

        List<LevelDecision> decisionsFor(String functionCode) {
            return decisions.stream().filter(d -> d.functionCode().equals(functionCode)).toList();
        }

        LevelDecision only() {
            if (decisions.size() != 1) {
                throw new AssertionError("expected exactly one decision, got " + decisions);
            }
            return decisions.get(0);
        }
    }

    static Result run(Collection<FunctionFacts> functions, Collection<CriticalOutcome> critical) {
        KieSession session = kieBase().newKieSession();
        List<String> fired = new ArrayList<>();
        Map<String, List<String>> byFunction = new LinkedHashMap<>();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    String rule = event.getMatch().getRule().getName();
                    fired.add(rule);
                    for (Object o : event.getMatch().getObjects()) {
                        if (o instanceof FunctionFacts f) {
                            byFunction.computeIfAbsent(f.code(), k -> new ArrayList<>()).add(rule);
                        }
                    }
                }
            });
            functions.forEach(session::insert);
            critical.forEach(session::insert);
            session.fireAllRules();
            List<LevelDecision> decisions = new ArrayList<>();
            for (Object o : session.getObjects(new ClassObjectFilter(LevelDecision.class))) {
                decisions.add((LevelDecision) o);
            }
            return new Result(fired, byFunction, decisions);
        } finally {
            session.dispose();
        }
    }

    static Result run(FunctionFacts function, CriticalOutcome... critical) {
        return run(List.of(function), List.of(critical));
    }

    /** A function of qualification level 3 in a level-4 programme: mapped, not certified. */
    static FunctionFacts facts(String code, double readiness, double coverage) {
        return new FunctionFacts("06.001", "A", code, 3, 4, true, readiness, coverage, false);
    }

    /** A current evidence of the given kind and age, grade 5, default weight. */
    static ru.workready.engine.scoring.EvidenceFacts evidence(long sequence,
                                                             ru.workready.engine.assessments.EvidenceKind kind,
                                                             double ageYears) {
        return new ru.workready.engine.scoring.EvidenceFacts(sequence, "ПК 1.1", kind, ageYears, 1.0,
                kind.defaultWeight(), 5, null, null);
    }
}

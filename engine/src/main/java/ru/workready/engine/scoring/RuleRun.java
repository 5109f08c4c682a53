package ru.workready.engine.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;

/**
 * One small session over one student's facts that remembers which rules fired for which labour
 * function and which evidence. Used by the evaluator and by rule-set test cases alike.
 */
public final class RuleRun implements AutoCloseable {
    private final KieSession session;
    private final List<String> fired = new ArrayList<>();
    private final Map<String, Set<String>> byFunction = new HashMap<>();
    private final Map<Long, Set<String>> byEvidence = new HashMap<>();

    public RuleRun(KieBase kieBase) {
        this(kieBase, true);
    }

    /**
     * @param track whether to record every firing; without it (the evaluator's hot path) the rules
     *              that decided are known from the facts they insert, which carry their rule names
     */
    public RuleRun(KieBase kieBase, boolean track) {
        this(kieBase.newKieSession(), track);
    }

    /** Over a given session (e.g. from a pool: disposing it returns it to the pool, reset). */
    public RuleRun(KieSession session, boolean track) {
        this.session = session;
        if (!track) {
            return;
        }
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                String rule = event.getMatch().getRule().getName();
                fired.add(rule);
                for (Object o : event.getMatch().getObjects()) {
                    if (o instanceof FunctionFacts f) {
                        byFunction.computeIfAbsent(f.code(), k -> new LinkedHashSet<>()).add(rule);
                    } else if (o instanceof CriticalOutcome c) {
                        byFunction.computeIfAbsent(c.functionCode(), k -> new LinkedHashSet<>()).add(rule);
                    } else if (o instanceof EvidenceFacts e) {
                        byEvidence.computeIfAbsent(e.sequence(), k -> new LinkedHashSet<>()).add(rule);
                    }
                }
            }
        });
    }

    public void insert(Object fact) {
        session.insert(fact);
    }

    public void fire() {
        session.fireAllRules();
    }

    public <T> List<T> collect(Class<T> type) {
        List<T> result = new ArrayList<>();
        for (Object o : session.getObjects(new ClassObjectFilter(type))) {
            result.add(type.cast(o));
        }
        return result;
    }

    /** Every rule firing in order (a rule firing for two functions appears twice). */
    public List<String> fired() {
        return fired;
    }

    public Set<String> firedFor(String functionCode) {
        return byFunction.getOrDefault(functionCode, Set.of());
    }

    public Set<String> firedForEvidence(long sequence) {
        return byEvidence.getOrDefault(sequence, Set.of());
    }

    @Override
    public void close() {
        session.dispose();
    }
}

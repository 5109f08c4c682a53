package ru.workready.engine.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;

/**
 * One small session over one student's facts that remembers which rules fired for which labour
 * function and which evidence. Used by the evaluator and by rule-set test cases alike. Every
 * {@link #fire()} is bounded by a {@link RuleBudget}: at most so many firings, and under a time budget
 * a watchdog halts the session when the deadline passes; either way {@link RuleBudgetExceeded} is thrown.
 */
public final class RuleRun implements AutoCloseable {
    private final KieSession session;
    private final List<String> fired = new ArrayList<>();
    private final Map<String, Set<String>> byFunction = new HashMap<>();
    private final Map<Long, Set<String>> byEvidence = new HashMap<>();
    private final Map<String, Integer> firings = new HashMap<>();
    private final RuleBudget.Deadline deadline;
    private final @Nullable ScheduledFuture<?> watchdog;

    public RuleRun(KieBase kieBase) {
        this(kieBase, true);
    }

    /** Tracking, under a deadline shared with other runs (a rule set's checks). */
    RuleRun(KieBase kieBase, RuleBudget.Deadline deadline) {
        this(kieBase.newKieSession(), true, deadline);
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
        this(session, track, RuleBudget.SCORING.start());
    }

    private RuleRun(KieSession session, boolean track, RuleBudget.Deadline deadline) {
        this.session = session;
        this.deadline = deadline;
        // halt() ends fireAllRules between two firings; the session is not used after its deadline
        this.watchdog = deadline.bounded()
                ? RuleBudget.WATCHDOG.scheduleAtFixedRate(() -> {
                    if (deadline.passed()) {
                        session.halt();
                    }
                }, WATCH_EVERY_MS, WATCH_EVERY_MS, TimeUnit.MILLISECONDS)
                : null;
        if (!track) {
            return;
        }
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                String rule = event.getMatch().getRule().getName();
                firings.merge(rule, 1, Integer::sum);
                if (fired.size() < MAX_TRACKED) {
                    fired.add(rule);
                }
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

    /** How often the watchdog looks at the CPU time spent. */
    private static final long WATCH_EVERY_MS = 25;

    /** Firings kept in {@link #fired()}: a stopped rule storm would otherwise fill it. */
    private static final int MAX_TRACKED = 10_000;

    /**
     * Fires the agenda within the budget.
     *
     * @throws RuleBudgetExceeded when the firing limit is reached or the deadline has passed
     */
    public void fire() {
        if (deadline.passed()) {
            throw exceeded("the CPU time budget of " + deadline.budget().time() + " ran out");
        }
        int limit = deadline.budget().maxFirings();
        int n = session.fireAllRules(limit);
        if (deadline.passed()) {
            throw exceeded("the CPU time budget of " + deadline.budget().time() + " ran out after " + n
                    + " rule firing(s) in one session");
        }
        if (n >= limit) {
            throw exceeded("more than " + limit + " rule firings in one session: an endless loop or a rule storm");
        }
    }

    private RuleBudgetExceeded exceeded(String what) {
        String top = firings.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(null);
        return new RuleBudgetExceeded(top == null ? what
                : what + "; rule \"" + top + "\" fired " + firings.get(top) + " time(s)", top);
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
        if (watchdog != null) {
            watchdog.cancel(false);
        }
        session.dispose();
    }
}

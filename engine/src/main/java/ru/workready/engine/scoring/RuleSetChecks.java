package ru.workready.engine.scoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.kie.api.KieBase;
import ru.workready.engine.assessments.EvidenceKind;

/**
 * What a rule-set version must pass before it can be activated: its own test cases, and the
 * project's invariants on generated facts (exactly one level decision per labour function, a
 * reason for it, reported readiness in [0, 1], positive evidence weights, and a higher readiness
 * never giving a weaker level).
 */
public final class RuleSetChecks {

    /** One failed check: the test case (or "invariant"), the function or evidence, what was expected and found. */
    public record Failure(String testCase, @Nullable String subject, String expected, String actual) {
    }

    static final int SAMPLES = 300;

    private RuleSetChecks() {
    }

    /** The checks without a time budget (firing limit only): for the project's own rule sets in tests. */
    public static List<Failure> run(KieBase kieBase, Map<String, Double> parameters, List<RuleSetTestCase> cases,
                                    long seed) {
        return run(kieBase, parameters, cases, seed, RuleBudget.SCORING);
    }

    /**
     * The test cases, then the invariants, all within one budget: its time is shared by every session of
     * the run. A session that exceeds it (an endless loop, a rule storm, or simply too slow) ends the run
     * with one failure naming the case and the rule that fired most; later checks are not run.
     */
    public static List<Failure> run(KieBase kieBase, Map<String, Double> parameters, List<RuleSetTestCase> cases,
                                    long seed, RuleBudget budget) {
        RuleBudget.Deadline deadline = budget.start();
        List<Failure> failures = new ArrayList<>();
        for (RuleSetTestCase c : cases) {
            try {
                failures.addAll(runCase(kieBase, parameters, c, deadline));
            } catch (RuleBudgetExceeded e) {
                failures.add(stopped(c.name(), e));
                return failures;
            }
        }
        try {
            failures.addAll(invariants(kieBase, parameters, seed, deadline));
        } catch (RuleBudgetExceeded e) {
            failures.add(stopped("invariant (seed " + seed + ")", e));
        }
        return failures;
    }

    /** The expectation of a failure that stopped the run: its actual says why. */
    public static final String WITHIN_BUDGET = "rules finish within the budget";

    private static Failure stopped(String testCase, RuleBudgetExceeded e) {
        return new Failure(testCase, e.rule(), WITHIN_BUDGET, "stopped: " + e.getMessage());
    }

    /** Outcome of one session over hand-made facts. */
    public record Outcome(Map<String, List<LevelDecision>> decisions, Map<String, Set<String>> firedByFunction,
                          Set<Long> excluded, List<EvidenceExcluded> exclusions, List<EvidenceReweighted> reweighted) {
    }

    public static Outcome evaluate(KieBase kieBase, Map<String, Double> parameters, List<FunctionFacts> functions,
                                   List<CriticalOutcome> critical, List<EvidenceFacts> evidence) {
        return evaluate(kieBase, parameters, functions, critical, evidence, RuleBudget.SCORING.start());
    }

    static Outcome evaluate(KieBase kieBase, Map<String, Double> parameters, List<FunctionFacts> functions,
                            List<CriticalOutcome> critical, List<EvidenceFacts> evidence, RuleBudget.Deadline deadline) {
        try (RuleRun run = new RuleRun(kieBase, deadline)) {
            parameters.forEach((k, v) -> run.insert(new RuleParameter(k, v)));
            evidence.forEach(run::insert);
            run.fire();
            functions.forEach(run::insert);
            critical.forEach(run::insert);
            run.fire();
            Map<String, List<LevelDecision>> decisions = new HashMap<>();
            for (LevelDecision d : run.collect(LevelDecision.class)) {
                decisions.computeIfAbsent(d.functionCode(), k -> new ArrayList<>()).add(d);
            }
            Map<String, Set<String>> fired = new HashMap<>();
            for (FunctionFacts f : functions) {
                fired.put(f.code(), run.firedFor(f.code()));
            }
            Set<Long> excluded = new TreeSet<>();
            List<EvidenceExcluded> exclusions = run.collect(EvidenceExcluded.class);
            for (EvidenceExcluded e : exclusions) {
                excluded.add(e.sequence());
            }
            return new Outcome(decisions, fired, excluded, exclusions, run.collect(EvidenceReweighted.class));
        }
    }

    private static List<Failure> runCase(KieBase kieBase, Map<String, Double> parameters, RuleSetTestCase c,
                                         RuleBudget.Deadline deadline) {
        List<Failure> failures = new ArrayList<>();
        Outcome out;
        try {
            out = evaluate(kieBase, parameters, c.functions(), c.critical(), c.evidence(), deadline);
        } catch (RuleBudgetExceeded e) {
            throw e;
        } catch (RuntimeException e) {
            return List.of(new Failure(c.name(), null, "rules run without error", String.valueOf(e.getMessage())));
        }
        c.expectLevels().forEach((code, level) -> {
            List<LevelDecision> ds = out.decisions().getOrDefault(code, List.of());
            String actual = ds.size() == 1 ? ds.get(0).level().name() : ds.size() + " decisions";
            if (!level.name().equals(actual)) {
                failures.add(new Failure(c.name(), code, level.name(), actual));
            }
        });
        c.expectRules().forEach((code, rule) -> {
            List<LevelDecision> ds = out.decisions().getOrDefault(code, List.of());
            String actual = ds.size() == 1 ? ds.get(0).rule() : ds.size() + " decisions";
            if (!rule.equals(actual)) {
                failures.add(new Failure(c.name(), code, "decided by \"" + rule + "\"", actual));
            }
        });
        if (!c.expectExcluded().isEmpty() || !c.evidence().isEmpty()) {
            Set<Long> expected = new TreeSet<>(c.expectExcluded());
            if (!expected.equals(out.excluded())) {
                failures.add(new Failure(c.name(), "evidence", "excluded " + expected, "excluded " + out.excluded()));
            }
        }
        return failures;
    }

    /** The project's invariants on {@link #SAMPLES} generated students' worth of facts. */
    static List<Failure> invariants(KieBase kieBase, Map<String, Double> parameters, long seed,
                                    RuleBudget.Deadline deadline) {
        List<Failure> failures = new ArrayList<>();
        Random random = new Random(seed);
        for (int i = 0; i < SAMPLES && failures.size() < 20; i++) {
            Sample facts = randomSample(random);
            String sample = "invariant (seed " + seed + ", sample " + i + ")";
            Outcome out;
            try {
                out = evaluate(kieBase, parameters, facts.functions(), facts.critical(), facts.evidence(), deadline);
            } catch (RuleBudgetExceeded ex) {
                throw new RuleBudgetExceeded(sample + ": " + ex.getMessage(), ex.rule());
            } catch (RuntimeException ex) {
                failures.add(new Failure(sample, null, "rules run without error", String.valueOf(ex.getMessage())));
                continue;
            }
            failures.addAll(evidenceFailures(sample, facts.evidence(), out));
            failures.addAll(decisionFailures(sample, facts.functions(), out));
            failures.addAll(monotonicityFailures(kieBase, parameters, sample, facts, random, deadline));
        }
        return failures;
    }

    /** One generated student's facts. */
    private record Sample(List<FunctionFacts> functions, List<CriticalOutcome> critical, List<EvidenceFacts> evidence) {
    }

    private static Sample randomSample(Random random) {
        List<FunctionFacts> functions = new ArrayList<>();
        List<CriticalOutcome> critical = new ArrayList<>();
        List<EvidenceFacts> evidence = new ArrayList<>();
        for (int f = 0; f < 4; f++) {
            FunctionFacts facts = randomFacts(random, "F/0" + f + ".3");
            functions.add(facts);
            if (random.nextInt(3) == 0) {
                critical.add(new CriticalOutcome(facts.code(), "O" + f, random.nextBoolean(), random.nextDouble()));
            }
        }
        for (int e = 0; e < 6; e++) {
            EvidenceKind kind = EvidenceKind.values()[random.nextInt(EvidenceKind.values().length)];
            evidence.add(new EvidenceFacts(e + 1, "O" + e, kind, random.nextDouble() * 10, random.nextDouble(),
                    kind.defaultWeight(), 2 + random.nextInt(4), null, null));
        }
        return new Sample(functions, critical, evidence);
    }

    /** Exclusions name inserted evidence only; reweighted evidence keeps a positive, finite weight. */
    private static List<Failure> evidenceFailures(String sample, List<EvidenceFacts> evidence, Outcome out) {
        List<Failure> failures = new ArrayList<>();
        Set<Long> known = new HashSet<>();
        evidence.forEach(ev -> known.add(ev.sequence()));
        for (Long ex : out.excluded()) {
            if (!known.contains(ex)) {
                failures.add(new Failure(sample, "evidence " + ex, "an exclusion of inserted evidence",
                        "unknown sequence"));
            }
        }
        for (EvidenceReweighted r : out.reweighted()) {
            if (!(r.weight() > 0) || Double.isInfinite(r.weight())) {
                failures.add(new Failure(sample, "evidence " + r.sequence(), "a positive weight",
                        String.valueOf(r.weight())));
            }
        }
        return failures;
    }

    /** Exactly one decision per function, with a level, a reason and a readiness in [0, 1]. */
    private static List<Failure> decisionFailures(String sample, List<FunctionFacts> functions, Outcome out) {
        List<Failure> failures = new ArrayList<>();
        for (FunctionFacts f : functions) {
            List<LevelDecision> ds = out.decisions().getOrDefault(f.code(), List.of());
            if (ds.size() != 1) {
                failures.add(new Failure(sample, f.code(), "exactly one level decision",
                        ds.size() + " decisions for " + f + ": " + ds));
                continue;
            }
            LevelDecision d = ds.get(0);
            if (d.reason() == null || d.reason().isBlank() || d.level() == null) {
                failures.add(new Failure(sample, f.code(), "a level and a reason", String.valueOf(d)));
            }
            if (d.readiness() != null && !(d.readiness() >= 0 && d.readiness() <= 1)) {
                failures.add(new Failure(sample, f.code(), "reported readiness in [0, 1]",
                        String.valueOf(d.readiness())));
            }
        }
        return failures;
    }

    /** A better readiness, all else equal, never gives a weaker level (checked on the sample's first function). */
    private static List<Failure> monotonicityFailures(KieBase kieBase, Map<String, Double> parameters, String sample,
                                                      Sample facts, Random random, RuleBudget.Deadline deadline) {
        FunctionFacts f = facts.functions().get(0);
        if (!(f.mapped() && f.qualificationLevel() <= f.programmeLevel())) {
            return List.of();
        }
        List<CriticalOutcome> its = facts.critical().stream().filter(c -> c.functionCode().equals(f.code())).toList();
        double better = Math.min(1.0, f.readiness() + random.nextDouble() * (1 - f.readiness()));
        FunctionFacts up = new FunctionFacts(f.standardCode(), f.generalizedCode(), f.code(),
                f.qualificationLevel(), f.programmeLevel(), true, better, f.coverage(), f.certified());
        ReadinessLevel before = single(evaluate(kieBase, parameters, List.of(f), its, List.of(), deadline),
                f.code());
        ReadinessLevel after = single(evaluate(kieBase, parameters, List.of(up), its, List.of(), deadline),
                f.code());
        if (before != null && after != null && before.scored() && after.scored()
                && after.strength() < before.strength()) {
            return List.of(new Failure(sample, f.code(), "readiness " + better + " at least as strong as "
                    + f.readiness() + " (" + before + ")", String.valueOf(after)));
        }
        return List.of();
    }

    private static @Nullable ReadinessLevel single(Outcome out, String code) {
        List<LevelDecision> ds = out.decisions().getOrDefault(code, List.of());
        return ds.size() == 1 ? Objects.requireNonNull(ds.get(0).level()) : null;
    }

    private static FunctionFacts randomFacts(Random random, String code) {
        int programmeLevel = 3 + random.nextInt(3);
        int level = 2 + random.nextInt(5);
        double[] edges = {0.0, 0.5, 0.6, 0.75, 1.0};
        double readiness = random.nextBoolean() ? edges[random.nextInt(edges.length)] : random.nextDouble();
        double coverage = random.nextBoolean() ? edges[random.nextInt(edges.length)] : random.nextDouble();
        return new FunctionFacts("00.000", "F", code, level, programmeLevel, random.nextInt(5) > 0, readiness,
                coverage, random.nextInt(6) == 0);
    }
}

package ru.workready.data.rulesets;

import ru.workready.data.ConflictException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kie.api.KieBase;
import org.springframework.stereotype.Service;
import ru.workready.data.InvalidInputException;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.NotFoundException;
import ru.workready.data.ProblemType;
import ru.workready.data.rulesets.RuleSetRepository;
import ru.workready.data.rulesets.RuleSetRepository.Scope;
import ru.workready.data.rulesets.RuleSetRepository.ScopeKind;
import ru.workready.data.rulesets.RuleSetRepository.StoredVersion;
import ru.workready.engine.scoring.RuleBudget;
import ru.workready.engine.scoring.RuleSetChecks;
import ru.workready.engine.scoring.RuleSetTestCase;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploading, validating, activating and rolling back rule-set versions. An upload is first checked
 * for what it references ({@link RuleSetGuard}: nothing is compiled or run before that), then compiled,
 * then its test cases and the project's invariants are run within a time budget and a firing limit,
 * and only then is it stored; a broken one is refused whole with every problem listed.
 */
@Service
public class RuleSetService {
    public static final ProblemType PROBLEM = ProblemType.INVALID_RULE_SET;
    /** Fixed so that an upload's invariant samples can be reproduced. */
    static final long INVARIANT_SEED = 20261125L;

    /**
     * What an upload carries. tables: decision tables (XLSX, XLS or CSV) by file name, each base64-encoded,
     * instead of or next to the DRL files.
     */
    public record Upload(@Nullable String name, @Nullable String description, @Nullable Map<String, String> drl,
                         @Nullable Map<String, Double> parameters, @Nullable JsonNode testCases,
                         @Nullable Map<String, String> tables) {
    }

    private final RuleSetRepository repository;
    private final RuleSetCompiler compiler;
    private final RuleBaseRegistry registry;
    private final RuleBudget budget;
    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /**
     * @param testBudget the time all test cases and invariant samples of one upload may take together
     * @param maxFirings rule firings allowed in one session of those checks
     */
    RuleSetService(RuleSetRepository repository, RuleSetCompiler compiler, RuleBaseRegistry registry,
                   RuleSetProperties settings) {
        this.repository = repository;
        this.compiler = compiler;
        this.registry = registry;
        this.budget = RuleBudget.of(settings.testBudget(), settings.maxFirings());
    }

    /** Uploads a version whose decision tables (if any) come base64-encoded in the JSON body. */
    public StoredVersion upload(Upload u) {
        Map<String, byte[]> tables = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        if (u.tables() != null) {
            u.tables().forEach((file, base64) -> {
                try {
                    tables.put(file, Base64.getMimeDecoder().decode(base64 == null ? "" : base64));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(null, "tables", file, "not valid base64: " + e.getMessage()));
                }
            });
        }
        return upload(u, tables, problems);
    }

    /**
     * Uploads a version: DRL files and decision tables (file name → bytes, as uploaded). Each table is
     * turned into DRL first; then everything is compiled, tested and stored together, or nothing is.
     */
    public StoredVersion upload(Upload u, Map<String, byte[]> tables) {
        return upload(u, tables, new ArrayList<>());
    }

    private StoredVersion upload(Upload u, Map<String, byte[]> tables, List<Problem> problems) {
        Map<String, String> drl = u.drl() == null ? Map.of() : u.drl();
        Map<String, Double> parameters = u.parameters() == null ? Map.of() : u.parameters();
        problems.addAll(RuleSetUploadChecks.shape(u.name(), drl, tables, parameters));
        List<RuleSetTestCase> cases = testCases(u.testCases(), parameters, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(PROBLEM, "The rule set has " + problems.size() + " problem(s); nothing was stored",
                    problems, problems.size());
        }
        List<GeneratedTable> generated = generate(drl, tables);
        Map<String, String> all = new LinkedHashMap<>(drl);
        generated.forEach(g -> all.put(DecisionTables.drlFile(g.file()), g.drl()));
        guard(all, generated);
        KieBase kb = compileLocated(u.name(), all, generated);
        test(kb, parameters, cases);
        return repository.insert(u.name(), u.description(), "UPLOADED", null, all, parameters, u.testCases(),
                generated.stream().map(g -> new RuleSetRepository.NewTable(g.file(), g.format().name(), g.sheet(),
                        DecisionTables.drlFile(g.file()), g.rules().size(), tables.get(g.file()))).toList());
    }

    /** The test cases a rule set brings; result rows in them are checked as an upload's rows. */
    private List<RuleSetTestCase> testCases(@Nullable JsonNode testCases, Map<String, Double> parameters,
                                            List<Problem> problems) {
        if (testCases == null || !testCases.isArray() || testCases.isEmpty()) {
            problems.add(new Problem(null, "testCases", null,
                    "a rule set brings its own test cases: input facts → expected levels"));
        } else {
            try {
                // results given as rows are checked as an upload's rows and become evidence facts
                TestCaseResults.Expanded expanded = TestCaseResults.expand(testCases, parameters, json);
                problems.addAll(expanded.problems());
                return json.convertValue(expanded.testCases(), new TypeReference<List<RuleSetTestCase>>() { });
            } catch (RuntimeException e) {
                problems.add(new Problem(null, "testCases", null, "not valid test cases: " + firstLine(e.getMessage())));
            }
        }
        return List.of();
    }

    /** Tables → DRL; every table's problems are listed together, located by sheet and cell. */
    private static List<GeneratedTable> generate(Map<String, String> drl, Map<String, byte[]> tables) {
        List<GeneratedTable> generated = new ArrayList<>();
        List<Problem> tableProblems = new ArrayList<>();
        for (Map.Entry<String, byte[]> t : tables.entrySet()) {
            try {
                generated.add(DecisionTables.toDrl(t.getKey(), t.getValue()));
            } catch (InvalidInputException e) {
                tableProblems.addAll(e.problems());
            }
        }
        tableProblems.addAll(RuleSetUploadChecks.ambiguousNames(drl, generated));
        if (!tableProblems.isEmpty()) {
            throw new InvalidInputException(PROBLEM, "The decision table(s) have " + tableProblems.size()
                    + " problem(s); nothing was stored", tableProblems, tableProblems.size());
        }
        return generated;
    }

    /** Runs the rule set's own test cases and the invariant samples; any failure refuses the upload. */
    private void test(KieBase kb, Map<String, Double> parameters, List<RuleSetTestCase> cases) {
        List<RuleSetChecks.Failure> failures = RuleSetChecks.run(kb, parameters, cases, INVARIANT_SEED, budget);
        if (!failures.isEmpty()) {
            List<Problem> listed = new ArrayList<>();
            for (RuleSetChecks.Failure f : failures) {
                listed.add(new Problem(null, "testCases/" + f.testCase(), f.subject(),
                        RuleSetChecks.WITHIN_BUDGET.equals(f.expected()) ? f.actual()
                                : "expected " + f.expected() + ", got " + f.actual()));
            }
            throw new InvalidInputException(PROBLEM, failures.size()
                    + " test case or invariant check(s) failed; nothing was stored", listed, listed.size());
        }
    }

    /**
     * The static check, before anything is compiled: every reference a rule set may not make, by file and
     * line, or, for a decision table's DRL, by the table's row and cell.
     */
    private static void guard(Map<String, String> drl, List<GeneratedTable> generated) {
        List<RuleSetGuard.Finding> findings = RuleSetGuard.check(drl, RuleSetCompiler.class.getClassLoader());
        if (findings.isEmpty()) {
            return;
        }
        java.util.Set<Problem> problems = new java.util.LinkedHashSet<>();
        for (RuleSetGuard.Finding f : findings) {
            GeneratedTable g = generated.stream()
                    .filter(x -> DecisionTables.drlFile(x.file()).equals(f.file())).findFirst().orElse(null);
            problems.add(g == null ? new Problem(f.line(), f.file(), f.reference(), f.reason())
                    : g.locate(f.line(), f.reason()));
        }
        List<Problem> listed = List.copyOf(problems);
        throw new InvalidInputException(PROBLEM, "The rule set references " + listed.size()
                + " thing(s) a rule set may not; nothing was compiled, run or stored",
                listed.subList(0, Math.min(100, listed.size())), listed.size());
    }

    /** Compiles; an error in a table's generated DRL is reported at the table's row and cell instead. */
    private KieBase compileLocated(String label, Map<String, String> drl, List<GeneratedTable> generated) {
        try {
            return compiler.compile(label, drl);
        } catch (InvalidInputException e) {
            if (generated.isEmpty()) {
                throw e;
            }
            // a fault in a table's template shows in every rule it generated: listed once
            java.util.Set<Problem> located = new java.util.LinkedHashSet<>();
            for (Problem p : e.problems()) {
                GeneratedTable g = generated.stream()
                        .filter(x -> DecisionTables.drlFile(x.file()).equals(p.column())).findFirst().orElse(null);
                located.add(g == null ? p : g.locate(p.row(), p.reason()));
            }
            throw new InvalidInputException(e.type(), e.getMessage(), List.copyOf(located),
                    e.problemCount() - (e.problems().size() - located.size()));
        }
    }

    /** The decision tables of a stored version. */
    public List<RuleSetRepository.StoredTable> tables(StoredVersion v) {
        return repository.tables(v.id());
    }

    /** One decision table as it was uploaded, byte for byte. */
    public byte[] tableContent(StoredVersion v, String file) {
        return repository.tableContent(v.id(), file).orElseThrow(() -> new NotFoundException(
                "Rule set " + v.label() + " has no decision table " + file));
    }

    /** Every stored version, oldest first. */
    public List<StoredVersion> all() {
        return repository.all();
    }

    /** The active version of each scope (default, region, college), as the registry uses them. */
    public List<RuleSetRepository.Activation> activeByScope() {
        return repository.activeByScope();
    }

    public StoredVersion find(String name, int version) {
        return repository.find(name, version)
                .orElseThrow(() -> new NotFoundException("No rule set " + name + " version " + version));
    }

    public Scope scope(String kind, @Nullable String code) {
        ScopeKind k;
        try {
            k = ScopeKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(ProblemType.INVALID_SCOPE,
                    "scope must be DEFAULT, REGION or COLLEGE, was " + kind,
                    List.of(new Problem(null, "scope", kind, "expected DEFAULT, REGION or COLLEGE")), 1);
        }
        if (k == ScopeKind.DEFAULT) {
            return Scope.DEFAULT;
        }
        if (code == null || code.isBlank()) {
            throw new InvalidInputException(ProblemType.INVALID_SCOPE, "a " + k + " scope needs a code",
                    List.of(new Problem(null, "code", null, "required for scope " + k)), 1);
        }
        boolean known = k == ScopeKind.COLLEGE ? repository.collegeRegion(code).isPresent()
                : repository.regionExists(code);
        if (!known) {
            throw new NotFoundException("No " + k.name().toLowerCase(java.util.Locale.ROOT) + " " + code);
        }
        return new Scope(k, code);
    }

    public void activate(Scope scope, String name, int version) {
        registry.activate(scope, find(name, version));
    }

    /** Re-activates what was active in the scope before the current one (null: the scope had none). */
    public @Nullable StoredVersion rollback(Scope scope) {
        registry.scopes();
        List<RuleSetRepository.Activation> history = repository.history(scope);
        if (history.size() < 2) {
            throw new ConflictException(ProblemType.ROLLBACK_CONFLICT, "Scope " + scope
                    + " has no earlier activation to roll back to");
        }
        Long previousId = history.get(1).versionId();
        if (previousId == null) {
            registry.deactivate(scope);
            return null;
        }
        StoredVersion previous = repository.find(previousId).orElseThrow();
        registry.activate(scope, previous);
        return previous;
    }

    /** Removes a region's or college's own rule set (the default cannot be removed). */
    public void deactivate(Scope scope) {
        if (scope.equals(Scope.DEFAULT)) {
            throw new ConflictException(ProblemType.RULE_SET_CONFLICT,
                    "The default scope always has an active rule set");
        }
        registry.deactivate(scope);
    }

    private static String firstLine(@Nullable String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}

package ru.workready.api.rulebase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kie.api.KieBase;
import org.springframework.stereotype.Service;
import ru.workready.data.InvalidInputException;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.NotFoundException;
import ru.workready.data.rulesets.RuleSetRepository;
import ru.workready.data.rulesets.RuleSetRepository.Scope;
import ru.workready.data.rulesets.RuleSetRepository.ScopeKind;
import ru.workready.data.rulesets.RuleSetRepository.StoredVersion;
import ru.workready.engine.assessments.EvidenceKind;
import ru.workready.engine.scoring.RuleSetChecks;
import ru.workready.engine.scoring.RuleSetTestCase;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploading, validating, activating and rolling back rule-set versions. An upload is compiled,
 * its test cases and the project's invariants are run, and only then is it stored; a broken one
 * is refused whole with every compile error or failing case listed.
 */
@Service
public class RuleSetService {
    static final String PROBLEM = "invalid-rule-set";
    /** Fixed so that an upload's invariant samples can be reproduced. */
    static final long INVARIANT_SEED = 20261125L;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9_.-]{1,80}\\.drl");
    private static final Pattern PARAMETER = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,79}");
    private static final int MAX_DRL_CHARS = 1_000_000;

    /** What an upload carries. */
    public record Upload(@Nullable String name, @Nullable String description, @Nullable Map<String, String> drl,
                         @Nullable Map<String, Double> parameters, @Nullable JsonNode testCases) {
    }

    private final RuleSetRepository repository;
    private final RuleSetCompiler compiler;
    private final RuleBaseRegistry registry;
    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    RuleSetService(RuleSetRepository repository, RuleSetCompiler compiler, RuleBaseRegistry registry) {
        this.repository = repository;
        this.compiler = compiler;
        this.registry = registry;
    }

    public StoredVersion upload(Upload u) {
        List<Problem> problems = new ArrayList<>();
        if (u.name() == null || !NAME.matcher(u.name()).matches()) {
            problems.add(new Problem(null, "name", u.name(), "expected 1–40 characters a-z, 0-9, '-'"));
        }
        Map<String, String> drl = u.drl() == null ? Map.of() : u.drl();
        if (drl.isEmpty()) {
            problems.add(new Problem(null, "drl", null, "at least one DRL file (name → text) is required"));
        }
        long size = 0;
        for (Map.Entry<String, String> e : drl.entrySet()) {
            if (!FILE.matcher(e.getKey()).matches()) {
                problems.add(new Problem(null, "drl", e.getKey(), "file names end in .drl: letters, digits, _ . -"));
            }
            if (e.getValue() == null || e.getValue().isBlank()) {
                problems.add(new Problem(null, "drl", e.getKey(), "empty file"));
            } else {
                size += e.getValue().length();
            }
        }
        if (size > MAX_DRL_CHARS) {
            problems.add(new Problem(null, "drl", null, "more than " + MAX_DRL_CHARS + " characters of DRL"));
        }
        Map<String, Double> parameters = u.parameters() == null ? Map.of() : u.parameters();
        parameters.forEach((k, v) -> {
            if (!PARAMETER.matcher(k).matches()) {
                problems.add(new Problem(null, "parameters", k, "parameter names are letters, digits, . _ -"));
            } else if (v == null || !Double.isFinite(v)) {
                problems.add(new Problem(null, "parameters." + k, String.valueOf(v), "a finite number is required"));
            } else if (k.startsWith("weight.")) {
                String kind = k.substring("weight.".length());
                if (EvidenceKind.parse(kind).filter(x -> x.name().equals(kind)).isEmpty()) {
                    problems.add(new Problem(null, "parameters." + k, kind, "unknown evidence kind"));
                } else if (!(v > 0)) {
                    problems.add(new Problem(null, "parameters." + k, String.valueOf(v), "a kind weight must be > 0"));
                }
            }
        });
        List<RuleSetTestCase> cases = List.of();
        if (u.testCases() == null || !u.testCases().isArray() || u.testCases().isEmpty()) {
            problems.add(new Problem(null, "testCases", null,
                    "a rule set brings its own test cases: input facts → expected levels"));
        } else {
            try {
                cases = json.convertValue(u.testCases(), new TypeReference<List<RuleSetTestCase>>() { });
            } catch (RuntimeException e) {
                problems.add(new Problem(null, "testCases", null, "not valid test cases: " + firstLine(e.getMessage())));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(PROBLEM, "The rule set has " + problems.size() + " problem(s); nothing was stored",
                    problems, problems.size());
        }
        KieBase kb = compiler.compile(u.name(), drl);
        List<RuleSetChecks.Failure> failures = RuleSetChecks.run(kb, parameters, cases, INVARIANT_SEED);
        if (!failures.isEmpty()) {
            List<Problem> listed = new ArrayList<>();
            for (RuleSetChecks.Failure f : failures) {
                listed.add(new Problem(null, "testCases/" + f.testCase(), f.subject(),
                        "expected " + f.expected() + ", got " + f.actual()));
            }
            throw new InvalidInputException(PROBLEM, failures.size()
                    + " test case or invariant check(s) failed; nothing was stored", listed, listed.size());
        }
        return repository.insert(u.name(), u.description(), "UPLOADED", null, drl, parameters, u.testCases());
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
            throw new InvalidInputException("invalid-scope", "scope must be DEFAULT, REGION or COLLEGE, was " + kind,
                    List.of(new Problem(null, "scope", kind, "expected DEFAULT, REGION or COLLEGE")), 1);
        }
        if (k == ScopeKind.DEFAULT) {
            return Scope.DEFAULT;
        }
        if (code == null || code.isBlank()) {
            throw new InvalidInputException("invalid-scope", "a " + k + " scope needs a code",
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
            throw new InvalidInputException("rollback-conflict", "Scope " + scope
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
            throw new InvalidInputException("rule-set-conflict", "The default scope always has an active rule set");
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

package ru.workready.data.rulesets;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieContainer;
import org.springframework.stereotype.Component;
import ru.workready.data.rulesets.RuleSetRepository;
import ru.workready.data.rulesets.RuleSetRepository.Scope;
import ru.workready.data.rulesets.RuleSetRepository.ScopeKind;
import ru.workready.data.rulesets.RuleSetRepository.StoredVersion;
import ru.workready.engine.scoring.ReadinessEvaluator;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The active rule set of each scope (default, region, college), compiled. Activation and
 * rollback replace the whole scope map at once (AtomicReference), so a score is computed with
 * either the old or the new version, never a mix; compiled versions are cached by id.
 */
@Component
public class RuleBaseRegistry {

    /** A compiled version ready to evaluate, with its stored description. */
    public record CompiledRuleSet(StoredVersion version, ReadinessEvaluator readiness) {
        public String label() {
            return version.label();
        }
    }

    static final List<String> SHIPPED = List.of("default", "region-example");
    /** How often a node looks for activations made by other nodes. */
    static final long RECHECK_NANOS = 5_000_000_000L;

    private final RuleSetRepository repository;
    private final RuleSetCompiler compiler;
    private final AtomicReference<@Nullable Map<Scope, CompiledRuleSet>> active = new AtomicReference<>();
    private final Map<Long, CompiledRuleSet> compiled = new ConcurrentHashMap<>();
    private volatile long loadedActivation = -1;
    private volatile long checkedAt;
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /**
     * The rules kjar on the classpath. Bound to this class's loader once: Drools keeps a single
     * classpath container and refuses a second one from another loader (a request thread's
     * context class loader is the web server's, not the application's).
     */
    private final KieContainer classpath;

    public RuleBaseRegistry(RuleSetRepository repository, RuleSetCompiler compiler) {
        this.repository = repository;
        this.compiler = compiler;
        this.classpath = KieServices.Factory.get().getKieClasspathContainer(RuleBaseRegistry.class.getClassLoader());
    }

    /** The rule set that judges a student of this college: the college's, else its region's, else the default. */
    public CompiledRuleSet forCollege(String collegeCode, @Nullable String region) {
        Map<Scope, CompiledRuleSet> map = scopes();
        CompiledRuleSet r = map.get(new Scope(ScopeKind.COLLEGE, collegeCode));
        if (r == null && region != null) {
            r = map.get(new Scope(ScopeKind.REGION, region));
        }
        if (r == null) {
            r = map.get(Scope.DEFAULT);
        }
        if (r == null) {
            throw new IllegalStateException("No default rule set is active");
        }
        return r;
    }

    /** The active default rule set (what judges a college with no rule set of its own or of its region). */
    public CompiledRuleSet forDefault() {
        return forCollege("", null);
    }

    public CompiledRuleSet forCollege(String collegeCode) {
        return forCollege(collegeCode, repository.collegeRegion(collegeCode).orElse(null));
    }

    /**
     * The rule set that judged a student of this college just before {@code before}, from the activation history:
     * the college's activation in force then, else its region's, else the default's (an activation that removed a
     * scope's own rule set falls through, as today). Empty when no rule set was active yet.
     */
    public java.util.Optional<CompiledRuleSet> forCollegeBefore(String collegeCode, java.time.Instant before) {
        String region = repository.collegeRegion(collegeCode).orElse(null);
        List<Scope> order = region == null
                ? List.of(new Scope(ScopeKind.COLLEGE, collegeCode), Scope.DEFAULT)
                : List.of(new Scope(ScopeKind.COLLEGE, collegeCode), new Scope(ScopeKind.REGION, region), Scope.DEFAULT);
        scopes(); // the shipped versions are stored and the default activated before history is read
        for (Scope scope : order) {
            var a = repository.activeBefore(scope, before);
            if (a.isPresent() && a.get().versionId() != null) {
                return java.util.Optional.of(compiled(repository.find(a.get().versionId()).orElseThrow()));
            }
        }
        return java.util.Optional.empty();
    }

    public Map<Scope, CompiledRuleSet> scopes() {
        Map<Scope, CompiledRuleSet> map = active.get();
        if (map != null && System.nanoTime() - checkedAt > RECHECK_NANOS) {
            checkedAt = System.nanoTime();
            if (repository.lastActivationId() != loadedActivation) {
                reload();
                map = active.get();
            }
        }
        if (map == null) {
            synchronized (this) {
                map = active.get();
                if (map == null) {
                    registerShipped();
                    map = load();
                    active.set(map);
                }
            }
        }
        return map;
    }

    /** A stored version by name and number, compiled (cached): a candidate to compare with the active one. */
    public CompiledRuleSet compiled(String name, int version) {
        return compiled(repository.find(name, version).orElseThrow(
                () -> new ru.workready.data.NotFoundException("No rule set " + name + " version " + version)));
    }

    /** The compiled form of a stored version (cached). */
    public CompiledRuleSet compiled(StoredVersion v) {
        return compiled.computeIfAbsent(v.id(), id -> {
            KieBase kb = v.kbase() != null
                    ? classpath.getKieBase(v.kbase())
                    : compiler.compile(v.label(), v.drl());
            if (kb == null) {
                throw new IllegalStateException("Rule base '" + v.kbase() + "' not found on the classpath");
            }
            return new CompiledRuleSet(v, new ReadinessEvaluator(kb, v.label(), v.parameters()));
        });
    }

    /** Records the activation and swaps the scope map atomically. */
    public synchronized void activate(Scope scope, StoredVersion v) {
        CompiledRuleSet c = compiled(v); // compile before anything changes
        scopes();
        repository.activate(scope, v.id());
        Map<Scope, CompiledRuleSet> next = new HashMap<>(scopes());
        next.put(scope, c);
        active.set(Map.copyOf(next));
        loadedActivation = repository.lastActivationId();
    }

    /** Removes the scope's own rule set: its students fall back to the region's or the default. */
    public synchronized void deactivate(Scope scope) {
        if (scope.equals(Scope.DEFAULT)) {
            throw new IllegalArgumentException("the default scope always has a rule set");
        }
        scopes();
        repository.activate(scope, null);
        Map<Scope, CompiledRuleSet> next = new HashMap<>(scopes());
        next.remove(scope);
        active.set(Map.copyOf(next));
        loadedActivation = repository.lastActivationId();
    }

    /** Re-reads activations (made by another node; checked every few seconds on use). */
    public synchronized void reload() {
        active.set(load());
    }

    private Map<Scope, CompiledRuleSet> load() {
        loadedActivation = repository.lastActivationId();
        checkedAt = System.nanoTime();
        Map<Scope, CompiledRuleSet> map = new LinkedHashMap<>();
        for (RuleSetRepository.Activation a : repository.activeByScope()) {
            map.put(a.scope(), compiled(repository.find(a.versionId()).orElseThrow()));
        }
        return Map.copyOf(map);
    }

    /** Stores the shipped rule sets (version 1 each, precompiled kbases of the rules kjar) and activates `default`. */
    private void registerShipped() {
        for (String name : SHIPPED) {
            if (repository.find(name, 1).isPresent()) {
                continue;
            }
            try (InputStream in = getClass().getResourceAsStream("/rulesets/" + name + ".json")) {
                JsonNode d = json.readTree(in);
                Map<String, String> drl = new LinkedHashMap<>();
                for (JsonNode path : d.get("drl")) {
                    try (InputStream src = getClass().getResourceAsStream("/" + path.asString())) {
                        drl.put(path.asString().substring(path.asString().lastIndexOf('/') + 1),
                                new String(src.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
                Map<String, Double> parameters = new LinkedHashMap<>();
                d.get("parameters").properties().forEach(e -> parameters.put(e.getKey(), e.getValue().asDouble()));
                repository.insertShipped(name, d.get("description").asString(), d.get("kbase").asString(), drl,
                        parameters, d.get("testCases"));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read shipped rule set " + name, e);
            }
        }
        if (repository.history(Scope.DEFAULT).isEmpty()) {
            repository.activate(Scope.DEFAULT, repository.find("default", 1).orElseThrow().id());
        }
    }
}

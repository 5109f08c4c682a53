package ru.workready.api.rulebase;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.workready.data.rulesets.RuleSetRepository;
import ru.workready.data.rulesets.RuleSetRepository.StoredVersion;
import tools.jackson.databind.JsonNode;

/** Rule sets as data: upload (compiled and tested first), list, activate per scope, roll back. */
@RestController
@Tag(name = "Rule sets")
class RuleSetController {

    record VersionView(String name, int version, String label, @Nullable String description, String source,
                       OffsetDateTime createdAt, int testCases, List<String> activeIn) {
    }

    record VersionDetail(String name, int version, String label, @Nullable String description, String source,
                         Map<String, String> drl, Map<String, Double> parameters, JsonNode testCases,
                         List<String> activeIn) {
    }

    record ActiveView(String scope, String ruleSet, OffsetDateTime activatedAt) {
    }

    private final RuleSetService service;
    private final RuleSetRepository repository;
    private final RuleBaseRegistry registry;

    RuleSetController(RuleSetService service, RuleSetRepository repository, RuleBaseRegistry registry) {
        this.service = service;
        this.repository = repository;
        this.registry = registry;
    }

    @GetMapping("/api/rule-sets")
    @Operation(summary = "Every stored rule-set version and where it is active")
    List<VersionView> list() {
        registry.scopes();
        List<RuleSetRepository.Activation> active = repository.activeByScope();
        List<VersionView> result = new ArrayList<>();
        for (StoredVersion v : repository.all()) {
            result.add(new VersionView(v.name(), v.version(), v.label(), v.description(), v.source(), v.createdAt(),
                    v.testCases().size(), activeIn(active, v)));
        }
        return result;
    }

    @GetMapping("/api/rule-sets/active")
    @Operation(summary = "The active rule set of each scope (a college's, else its region's, else the default applies)")
    List<ActiveView> active() {
        registry.scopes();
        return repository.activeByScope().stream()
                .map(a -> new ActiveView(a.scope().toString(), a.label(), a.activatedAt())).toList();
    }

    @GetMapping("/api/rule-sets/{name}/versions/{version}")
    @Operation(summary = "One version: its DRL files, parameters and test cases")
    VersionDetail get(@PathVariable String name, @PathVariable int version) {
        registry.scopes();
        StoredVersion v = service.find(name, version);
        return new VersionDetail(v.name(), v.version(), v.label(), v.description(), v.source(), v.drl(),
                v.parameters(), v.testCases(), activeIn(repository.activeByScope(), v));
    }

    @PostMapping(value = "/api/rule-sets", consumes = "application/json")
    @Operation(summary = "Upload a new version of a rule set",
            description = "Body: {name, description, drl: {file.drl: text}, parameters: {name: number}, testCases: "
                    + "[{name, functions, critical, evidence, expectLevels, expectRules, expectExcluded}]}. It is "
                    + "compiled, its test cases and the project's invariant checks are run, and only then stored "
                    + "(not activated). Compile errors and failing cases come back as a 400 problem detail.")
    ResponseEntity<VersionView> upload(@RequestBody RuleSetService.Upload upload) {
        StoredVersion v = service.upload(upload);
        return ResponseEntity.created(URI.create("/api/rule-sets/" + v.name() + "/versions/" + v.version()))
                .body(new VersionView(v.name(), v.version(), v.label(), v.description(), v.source(), v.createdAt(),
                        v.testCases().size(), List.of()));
    }

    @PostMapping("/api/rule-sets/{name}/versions/{version}/activate")
    @Operation(summary = "Activate a version for a scope: DEFAULT, REGION (code = region) or COLLEGE (code = college)")
    List<ActiveView> activate(@PathVariable String name, @PathVariable int version,
                              @RequestParam(defaultValue = "DEFAULT") String scope,
                              @RequestParam(required = false) @Nullable String code) {
        service.activate(service.scope(scope, code), name, version);
        return active();
    }

    @PostMapping("/api/rule-sets/rollback")
    @Operation(summary = "Re-activate the version that was active in the scope before the current one")
    List<ActiveView> rollback(@RequestParam(defaultValue = "DEFAULT") String scope,
                              @RequestParam(required = false) @Nullable String code) {
        service.rollback(service.scope(scope, code));
        return active();
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/api/rule-sets/active")
    @Operation(summary = "Remove a region's or college's own rule set: it falls back to the region's or the default")
    List<ActiveView> deactivate(@RequestParam String scope, @RequestParam(required = false) @Nullable String code) {
        service.deactivate(service.scope(scope, code));
        return active();
    }

    private static List<String> activeIn(List<RuleSetRepository.Activation> active, StoredVersion v) {
        return active.stream().filter(a -> a.versionId() != null && a.versionId() == v.id()).map(a -> a.scope().toString()).toList();
    }

}

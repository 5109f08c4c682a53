package ru.workready.api.rulebase;

import ru.workready.data.rulesets.DecisionTables;
import ru.workready.data.rulesets.RuleBaseRegistry;
import ru.workready.data.rulesets.RuleSetService;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import ru.workready.api.downloads.Downloads;
import ru.workready.api.problems.Bodies;
import ru.workready.api.security.BodyLimit;
import ru.workready.data.InvalidInputException;
import ru.workready.data.NotFoundException;
import ru.workready.api.security.Allowed;
import ru.workready.api.security.Audited;
import ru.workready.data.rulesets.RuleSetRepository.StoredVersion;
import ru.workready.data.rulesets.RuleSetRepository;
import ru.workready.data.security.Role;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Rule sets as data: upload (compiled and tested first), list, activate per scope, roll back. */
@RestController
@Tag(name = "Rule sets")
class RuleSetController {

    record VersionView(String name, int version, String label, @Nullable String description, String source,
                       OffsetDateTime createdAt, int testCases, List<String> activeIn) {
    }

    record VersionDetail(String name, int version, String label, @Nullable String description, String source,
                         Map<String, String> drl, Map<String, Double> parameters, JsonNode testCases,
                         List<TableView> tables, List<String> activeIn) {
    }

    /**
     * A decision table of the version: generatedDrl names its DRL in the drl map; download is the original
     * file, drlDownload the generated DRL as text.
     */
    record TableView(String file, String format, @Nullable String sheet, int rules, long size, String sha256,
                     String generatedDrl, String download, String drlDownload) {
    }

    record ActiveView(String scope, String ruleSet, OffsetDateTime activatedAt) {
    }

    /** JSON with base64 tables is a third larger than the files themselves. */
    static final long MAX_UPLOAD_BYTES = 8L * 1024 * 1024;

    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final RuleSetService service;
    private final RuleBaseRegistry registry;

    RuleSetController(RuleSetService service, RuleBaseRegistry registry) {
        this.service = service;
        this.registry = registry;
    }

    @GetMapping("/api/rule-sets")
    @Allowed({Role.COLLEGE, Role.EMPLOYER, Role.CURRICULUM_DESIGNER, Role.RULE_AUTHOR})
    @Operation(summary = "Every stored rule-set version and where it is active")
    List<VersionView> list() {
        registry.scopes();
        List<RuleSetRepository.Activation> active = service.activeByScope();
        List<VersionView> result = new ArrayList<>();
        for (StoredVersion v : service.all()) {
            result.add(new VersionView(v.name(), v.version(), v.label(), v.description(), v.source(), v.createdAt(),
                    v.testCases().size(), activeIn(active, v)));
        }
        return result;
    }

    @GetMapping("/api/rule-sets/active")
    @Allowed({Role.COLLEGE, Role.EMPLOYER, Role.CURRICULUM_DESIGNER, Role.RULE_AUTHOR})
    @Operation(summary = "The active rule set of each scope (a college's, else its region's, else the default applies)")
    List<ActiveView> active() {
        registry.scopes();
        return service.activeByScope().stream()
                .map(a -> new ActiveView(a.scope().toString(), a.label(), a.activatedAt())).toList();
    }

    @GetMapping("/api/rule-sets/{name}/versions/{version}")
    @Allowed({Role.COLLEGE, Role.EMPLOYER, Role.CURRICULUM_DESIGNER, Role.RULE_AUTHOR})
    @Operation(summary = "One version: its DRL files, parameters and test cases")
    VersionDetail get(@PathVariable String name, @PathVariable int version) {
        registry.scopes();
        StoredVersion v = service.find(name, version);
        String base = "/api/rule-sets/" + v.name() + "/versions/" + v.version() + "/tables/";
        List<TableView> tables = service.tables(v).stream()
                .map(t -> new TableView(t.fileName(), t.format(), t.sheet(), t.rules(), t.size(), t.sha256(),
                        t.drlFile(), base + t.fileName(), base + t.fileName() + "/drl"))
                .toList();
        return new VersionDetail(v.name(), v.version(), v.label(), v.description(), v.source(), v.drl(),
                v.parameters(), v.testCases(), tables, activeIn(service.activeByScope(), v));
    }

    @GetMapping("/api/rule-sets/{name}/versions/{version}/tables/{file}")
    @Allowed({Role.COLLEGE, Role.EMPLOYER, Role.CURRICULUM_DESIGNER, Role.RULE_AUTHOR})
    @Operation(summary = "Download a decision table of a version, byte for byte as it was uploaded")
    ResponseEntity<byte[]> table(@PathVariable String name, @PathVariable int version, @PathVariable String file) {
        byte[] content = service.tableContent(service.find(name, version), file);
        MediaType type = switch (DecisionTables.format(file)) {
            case XLSX -> Downloads.XLSX;
            case XLS -> MediaType.parseMediaType("application/vnd.ms-excel");
            case CSV -> new MediaType("text", "csv"); // the bytes as sent: their charset is not ours to state
        };
        return Downloads.attachment(type, file, content);
    }

    @GetMapping(value = "/api/rule-sets/{name}/versions/{version}/tables/{file}/drl", produces = "text/plain")
    @Allowed({Role.COLLEGE, Role.EMPLOYER, Role.CURRICULUM_DESIGNER, Role.RULE_AUTHOR})
    @Operation(summary = "The DRL generated from a decision table, for review")
    ResponseEntity<String> tableDrl(@PathVariable String name, @PathVariable int version, @PathVariable String file) {
        StoredVersion v = service.find(name, version);
        String drl = service.tables(v).stream().filter(t -> t.fileName().equals(file)).findFirst()
                .map(t -> v.drl().get(t.drlFile()))
                .orElseThrow(() -> new NotFoundException("Rule set " + v.label() + " has no decision table " + file));
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8)).body(drl);
    }

    @PostMapping(value = "/api/rule-sets", consumes = "application/json")
    @Allowed(Role.RULE_AUTHOR)
    @Audited(action = "upload-rule-set", subjectKind = "rule-set", subject = "name")
    @BodyLimit(MAX_UPLOAD_BYTES)
    @Operation(summary = "Upload a new version of a rule set",
            description = "Body: {name, description, drl: {file.drl: text}, tables: {file.xlsx|.xls|.csv: base64}, "
                    + "parameters: {name: number}, testCases: "
                    + "[{name, functions, critical, evidence, expectLevels, expectRules, expectExcluded}]}. "
                    + "Decision tables are turned into DRL first (errors name the sheet and cell). It is "
                    + "compiled, its test cases and the project's invariant checks are run, and only then stored "
                    + "(not activated). Compile errors and failing cases come back as a 400 problem detail.")
    ResponseEntity<VersionView> upload(@RequestBody RuleSetService.Upload upload) {
        return created(service.upload(upload));
    }

    @PostMapping(value = "/api/rule-sets", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Allowed(Role.RULE_AUTHOR)
    @Audited(action = "upload-rule-set", subjectKind = "rule-set", subject = "name")
    @BodyLimit(MAX_UPLOAD_BYTES)
    @Operation(summary = "Upload a new version as multipart: a part 'ruleSet' (the JSON body, tables optional) and "
            + "files: decision tables (.xlsx, .xls, .csv) and DRL (.drl), by their file names",
            description = "curl -F ruleSet=@meta.json -F file=@region.xlsx -F file=@levels.drl … Same checks and "
                    + "answers as the JSON upload.")
    ResponseEntity<VersionView> uploadMultipart(MultipartHttpServletRequest request) throws IOException {
        RuleSetService.Upload meta = null;
        Map<String, byte[]> tables = new LinkedHashMap<>();
        Map<String, String> drl = new LinkedHashMap<>();
        for (MultipartFile f : request.getMultiFileMap().values().stream().flatMap(List::stream).toList()) {
            byte[] content = Bodies.read(f.getInputStream(), MAX_UPLOAD_BYTES);
            String file = f.getOriginalFilename() == null || f.getOriginalFilename().isBlank()
                    ? f.getName() : f.getOriginalFilename();
            if (f.getName().equals("ruleSet")) {
                meta = meta(content);
            } else if (file.endsWith(".drl")) {
                drl.put(file, new String(content, StandardCharsets.UTF_8));
            } else {
                tables.put(file, content);
            }
        }
        String field = request.getParameter("ruleSet");
        if (meta == null && field != null) {
            meta = meta(field.getBytes(StandardCharsets.UTF_8));
        }
        if (meta == null) {
            throw new InvalidInputException(RuleSetService.PROBLEM, "The multipart upload has no part 'ruleSet'",
                    List.of(new InvalidInputException.Problem(null, "ruleSet", null,
                            "a part 'ruleSet' with the JSON body (name, parameters, testCases, …) is required")), 1);
        }
        if (meta.tables() != null && !meta.tables().isEmpty()) {
            throw new InvalidInputException(RuleSetService.PROBLEM, "Send tables as files in a multipart upload",
                    List.of(new InvalidInputException.Problem(null, "tables", null,
                            "in a multipart upload decision tables are file parts, not base64 in 'ruleSet'")), 1);
        }
        if (meta.drl() != null) {
            meta.drl().forEach(drl::putIfAbsent);
        }
        StoredVersion v = service.upload(new RuleSetService.Upload(meta.name(), meta.description(), drl,
                meta.parameters(), meta.testCases(), null), tables);
        return created(v);
    }

    private RuleSetService.Upload meta(byte[] content) {
        try {
            return json.readValue(content, RuleSetService.Upload.class);
        } catch (JacksonException e) {
            throw new InvalidInputException(RuleSetService.PROBLEM, "The part 'ruleSet' is not a valid rule-set JSON",
                    List.of(new InvalidInputException.Problem(null, "ruleSet", null,
                            e.getOriginalMessage())), 1);
        }
    }

    private static ResponseEntity<VersionView> created(StoredVersion v) {
        return ResponseEntity.created(URI.create("/api/rule-sets/" + v.name() + "/versions/" + v.version()))
                .body(new VersionView(v.name(), v.version(), v.label(), v.description(), v.source(), v.createdAt(),
                        v.testCases().size(), List.of()));
    }

    @PostMapping("/api/rule-sets/{name}/versions/{version}/activate")
    @Allowed(Role.RULE_AUTHOR)
    @Audited(action = "activate-rule-set", subjectKind = "rule-set", subject = "name")
    @Operation(summary = "Activate a version for a scope: DEFAULT, REGION (code = region) or COLLEGE (code = college)")
    List<ActiveView> activate(@PathVariable String name, @PathVariable int version,
                              @RequestParam(defaultValue = "DEFAULT") String scope,
                              @RequestParam(required = false) @Nullable String code) {
        service.activate(service.scope(scope, code), name, version);
        return active();
    }

    @PostMapping("/api/rule-sets/rollback")
    @Allowed(Role.RULE_AUTHOR)
    @Audited(action = "rollback-rule-set", subjectKind = "scope", subject = "code")
    @Operation(summary = "Re-activate the version that was active in the scope before the current one")
    List<ActiveView> rollback(@RequestParam(defaultValue = "DEFAULT") String scope,
                              @RequestParam(required = false) @Nullable String code) {
        service.rollback(service.scope(scope, code));
        return active();
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/api/rule-sets/active")
    @Allowed(Role.RULE_AUTHOR)
    @Audited(action = "deactivate-rule-set", subjectKind = "scope", subject = "code")
    @Operation(summary = "Remove a region's or college's own rule set: it falls back to the region's or the default")
    List<ActiveView> deactivate(@RequestParam String scope, @RequestParam(required = false) @Nullable String code) {
        service.deactivate(service.scope(scope, code));
        return active();
    }

    private static List<String> activeIn(List<RuleSetRepository.Activation> active, StoredVersion v) {
        return active.stream().filter(a -> a.versionId() != null && a.versionId() == v.id()).map(a -> a.scope().toString()).toList();
    }

}

package ru.workready.api.scoring;

import ru.workready.data.scoring.CohortScoring;
import ru.workready.data.scoring.ReadinessService;
import ru.workready.data.scoring.RescoreJobs;

import ru.workready.data.ConflictException;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.workready.api.language.Russian;
import ru.workready.data.rulesets.RuleBaseRegistry.CompiledRuleSet;
import ru.workready.data.rulesets.RuleBaseRegistry;
import ru.workready.api.security.Allowed;
import ru.workready.api.security.Audited;
import ru.workready.api.security.Tenancy;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.InvalidInputException;
import ru.workready.data.NotFoundException;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.rulesets.RuleSetRepository;
import ru.workready.data.scoring.BulkScoringRepository.StudentRow;
import ru.workready.data.scoring.ScoringBatches;
import ru.workready.data.scoring.BulkScoringRepository;
import ru.workready.data.security.Role;
import ru.workready.data.students.StudentRepository;
import ru.workready.engine.assessments.AssessmentResult;
import ru.workready.engine.assessments.Evidence;
import ru.workready.engine.assessments.EvidenceKind;
import ru.workready.engine.programmes.OutcomeCodes;
import ru.workready.engine.scoring.FunctionScore;
import ru.workready.engine.scoring.ReadinessLevel;
import ru.workready.engine.scoring.StudentReadiness;

/** What-if questions (nothing stored) and background rescoring jobs. */
@RestController
@Tag(name = "Scoring: what-if and rescoring")
class ScoringController {

    record ExtraResult(@Nullable String outcomeCode, @Nullable String kind, @Nullable String result,
                       @Nullable Double maxPoints, @Nullable String assessedOn, @Nullable Integer attempt,
                       @Nullable String standardCode, @Nullable String generalizedFunction) {
    }

    record WhatIfRequest(@Nullable List<ExtraResult> results) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "WhatIfFunctionChange") // simple name taken
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FunctionChange(String code, ReadinessLevel levelBefore, ReadinessLevel levelAfter,
                          @Nullable Double readinessBefore, @Nullable Double readinessAfter, double coverageBefore,
                          double coverageAfter, String reasonAfter, List<String> rulesAfter) {
    }

    record WhatIfView(String studentId, String standard, LocalDate asOf, String versions,
                      @JsonInclude(JsonInclude.Include.NON_NULL) java.time.@Nullable Instant knownAt,
                      String ruleSetVersion, int mappingVersion, boolean stored,
                      int extraResults, Map<ReadinessLevel, Integer> summaryBefore,
                      Map<ReadinessLevel, Integer> summaryAfter, List<FunctionChange> changed,
                      List<FunctionChange> functions) {
    }

    record LevelChange(String studentId, String function, ReadinessLevel from, ReadinessLevel to,
                       @Nullable Double readinessFrom, @Nullable Double readinessTo) {
    }

    record PreviewView(String candidate, String scope, @Nullable String standard, List<String> activeVersions,
                       int students, int functions, int changed, Map<String, Integer> transitions,
                       List<LevelChange> changes, boolean changesTruncated, String validityComparison) {
    }

    record JobRequest(@Nullable String college, @Nullable String region) {
    }

    private static final int MAX_EXTRA = 1000;
    private static final int MAX_CHANGES = 2000;

    private final ReadinessService readiness;
    private final ProgrammeRepository programmes;
    private final RescoreJobs jobs;
    private final CohortScoring cohort;
    private final BulkScoringRepository bulk;
    private final RuleSetRepository ruleSets;
    private final RuleBaseRegistry registry;
    private final StudentRepository students;
    private final Tenancy tenancy;

    private final java.time.Clock clock;

    ScoringController(ReadinessService readiness, ProgrammeRepository programmes, RescoreJobs jobs,
                      CohortScoring cohort, BulkScoringRepository bulk, RuleSetRepository ruleSets,
                      RuleBaseRegistry registry, StudentRepository students, Tenancy tenancy,
                      java.time.Clock clock) {
        this.clock = clock;
        this.students = students;
        this.tenancy = tenancy;
        this.readiness = readiness;
        this.programmes = programmes;
        this.jobs = jobs;
        this.cohort = cohort;
        this.bulk = bulk;
        this.ruleSets = ruleSets;
        this.registry = registry;
    }

    @PostMapping(value = "/api/students/{id}/readiness/what-if", consumes = "application/json")
    @Allowed(Role.COLLEGE)
    @Audited(action = "what-if", subjectKind = "student", subject = "id")
    @Operation(summary = "The student's readiness if these extra results were recorded; nothing is stored",
            description = "Body: {results: [{outcomeCode, kind, result, maxPoints, assessedOn, attempt}]} — the "
                    + "columns of the assessment CSV. For an independent assessment (НОК) give standardCode and "
                    + "generalizedFunction instead of outcomeCode. asOf, versions and knownAt as on GET readiness: the "
                    + "baseline and the variant are both computed at that moment; an extra result without assessedOn "
                    + "is dated asOf, and one dated after asOf is refused.")
    WhatIfView whatIf(@PathVariable String id, @RequestParam(defaultValue = "06.001") String standard,
                      @RequestParam(required = false) @Nullable LocalDate asOf,
                      @RequestParam(defaultValue = "today") String versions,
                      @RequestParam(required = false) @Nullable String knownAt,
                      @RequestBody WhatIfRequest request, jakarta.servlet.http.HttpServletRequest http) {
        // before anything else: another college's student reads as an unknown id
        tenancy.requireStudent(students.find(id).orElseThrow(() -> new NotFoundException("No student with id " + id)));
        ru.workready.data.Inputs.requireDate("asOf", asOf);
        LocalDate today = readiness.today();
        if (asOf != null && asOf.isAfter(today)) {
            throw new InvalidInputException("invalid-as-of", "asOf " + asOf + " is after today",
                    List.of(new Problem(null, "asOf", asOf.toString(), "a past day or today (" + today + ")")), 1);
        }
        ReadinessService.Moment at = ReadinessService.Moment.parse(asOf, versions, knownAt, today);
        ReadinessService.Assessed before = readiness.asOf(id, standard, at);
        List<Evidence> extra = parse(id, before.student().programmeId(), request, at.date(), asOf != null);
        ReadinessService.Assessed after = readiness.whatIf(id, standard, extra, at);
        Map<String, FunctionScore> old = byCode(before.readiness());
        List<FunctionChange> all = new ArrayList<>();
        for (FunctionScore f : after.readiness().functions()) {
            FunctionScore b = old.get(f.code());
            all.add(new FunctionChange(f.code(), b.level(), f.level(), round(b.readiness()), round(f.readiness()),
                    round(b.coverage()), round(f.coverage()), Russian.wanted(http) ? Russian.reason(f) : f.reason(),
                    f.rules()));
        }
        List<FunctionChange> changed = all.stream().filter(c -> c.levelBefore() != c.levelAfter()
                || !java.util.Objects.equals(c.readinessBefore(), c.readinessAfter())
                || c.coverageBefore() != c.coverageAfter()).toList();
        return new WhatIfView(id, standard, at.date(), at.versions().label(), at.knownAt(),
                after.readiness().ruleSetVersion(), after.mappingVersion(), false,
                extra.size(), summary(before.readiness()), summary(after.readiness()), changed, all);
    }

    @GetMapping("/api/rule-sets/{name}/versions/{version}/preview")
    @Allowed(Role.RULE_AUTHOR)
    // it shows students' levels
    @Audited(action = "preview-rule-set", subjectKind = "rule-set", subject = "name")
    @Operation(summary = "A cohort under a rule-set version before activating it: the level changes against what is "
            + "active now", description = "Give college or region; standard limits it to one standard code. "
            + "validityComparison links the same scope's graduates: which rule set predicts employment better.")
    PreviewView preview(@PathVariable String name, @PathVariable int version,
                        @RequestParam(required = false) @Nullable String college,
                        @RequestParam(required = false) @Nullable String region,
                        @RequestParam(required = false) @Nullable String standard) {
        if ((college == null) == (region == null)) {
            throw new InvalidInputException("invalid-parameter", "Give either college or region",
                    List.of(new Problem(null, "college", college, "give exactly one of college and region")), 1);
        }
        CompiledRuleSet candidate = registry.compiled(ruleSets.find(name, version)
                .orElseThrow(() -> new NotFoundException("No rule set " + name + " version " + version)));
        List<StudentRow> students = bulk.students(college, region);
        if (students.isEmpty()) {
            throw new NotFoundException(college != null ? "No students in college " + college
                    : "No students in region " + region);
        }
        CohortScoring.Context ctx = cohort.context(standard);
        Map<String, CompiledRuleSet> active = new HashMap<>();
        java.util.Set<String> activeVersions = new java.util.TreeSet<>();
        Map<String, Integer> transitions = new TreeMap<>();
        List<LevelChange> changes = new ArrayList<>();
        int functions = 0;
        int changed = 0;
        Map<Long, Integer> rowsBound = bulk.currentRowsBound();
        for (List<StudentRow> batch : ScoringBatches.cut(students, RescoreJobs.BATCH, RescoreJobs.BATCH_ROWS,
                s -> rowsBound.getOrDefault(s.programmeId(), ScoringBatches.rowsBound(0)))) {
            var histories = cohort.histories(batch);
            var now = cohort.score(ctx, batch, histories, s -> active.computeIfAbsent(s.collegeCode(),
                    c -> registry.forCollege(c, s.region())));
            var then = cohort.score(ctx, batch, histories, s -> candidate);
            for (int k = 0; k < now.size(); k++) {
                activeVersions.add(now.get(k).readiness().ruleSetVersion());
                List<FunctionScore> a = now.get(k).readiness().functions();
                List<FunctionScore> b = then.get(k).readiness().functions();
                for (int j = 0; j < a.size(); j++) {
                    functions++;
                    if (a.get(j).level() != b.get(j).level()) {
                        changed++;
                        transitions.merge(a.get(j).level() + " → " + b.get(j).level(), 1, Integer::sum);
                        if (changes.size() < MAX_CHANGES) {
                            changes.add(new LevelChange(now.get(k).student().id(), a.get(j).code(), a.get(j).level(),
                                    b.get(j).level(), round(a.get(j).readiness()), round(b.get(j).readiness())));
                        }
                    }
                }
            }
        }
        return new PreviewView(candidate.label(), college != null ? "COLLEGE:" + college : "REGION:" + region,
                standard, List.copyOf(activeVersions), students.size(), functions, changed, transitions, changes,
                changed > changes.size(), validityLink(name, version, college, region, standard));
    }

    /** Which rule set predicts graduates' employment better, on the same scope (docs/validity.md). */
    private static String validityLink(String name, int version, @Nullable String college, @Nullable String region,
                                       @Nullable String standard) {
        org.springframework.web.util.UriComponentsBuilder b = org.springframework.web.util.UriComponentsBuilder
                .fromPath("/api/reports/validity/comparison").queryParam("candidate", name)
                .queryParam("version", version).queryParam("standard", standard == null ? "06.001" : standard);
        if (college != null) {
            b.queryParam("college", college);
        } else {
            b.queryParam("region", region);
        }
        return b.encode().build().toUriString();
    }

    @PostMapping(value = "/api/rescoring-jobs", consumes = "application/json")
    @Allowed(Role.ADMIN)
    @Operation(summary = "Rescore every student of a college or a region in the background",
            description = "Body: {college: \"DEMO\"} or {region: \"...\"}. Answers 202 with the job; poll it for progress.")
    ResponseEntity<RescoringJobView> startJob(@RequestBody JobRequest request) {
        if ((request.college() == null) == (request.region() == null)) {
            throw new InvalidInputException("invalid-rescoring-job", "Give either college or region",
                    List.of(new Problem(null, "college", request.college(), "give exactly one of college and region")),
                    1);
        }
        long id = jobs.start(request.college(), request.region());
        return ResponseEntity.accepted().location(URI.create("/api/rescoring-jobs/" + id))
                .body(RescoringJobView.from(jobs.job(id)));
    }

    @GetMapping("/api/rescoring-jobs/{id}")
    @Allowed(Role.ADMIN)
    @Operation(summary = "Progress of a rescoring job: total, done, scores written, status")
    RescoringJobView job(@PathVariable long id) {
        return RescoringJobView.from(jobs.job(id));
    }

    @DeleteMapping("/api/rescoring-jobs/{id}")
    @Allowed(Role.ADMIN)
    @Operation(summary = "Cancel a running rescoring job, on whichever node it runs (it stops between batches)")
    RescoringJobView cancel(@PathVariable long id) {
        jobs.job(id); // 404 for an unknown job; a finished one is answered as it is
        jobs.cancel(id);
        return RescoringJobView.from(jobs.job(id));
    }

    private List<Evidence> parse(String studentId, long programmeId, WhatIfRequest request, LocalDate asOf,
                               boolean refuseLater) {
        List<ExtraResult> results = request.results() == null ? List.of() : request.results();
        List<Problem> problems = new ArrayList<>();
        if (results.isEmpty() || results.size() > MAX_EXTRA) {
            problems.add(new Problem(null, "results", null, "give 1 to " + MAX_EXTRA + " results"));
        }
        Map<String, Long> outcomes = programmes.outcomeIds(programmeId);
        List<Evidence> extra = new ArrayList<>();
        long sequence = Long.MAX_VALUE - results.size(); // after every stored evidence
        int row = 0;
        for (ExtraResult r : results) {
            row++;
            int before = problems.size();
            EvidenceKind kind = r.kind() == null ? null : EvidenceKind.parse(r.kind()).orElse(null);
            if (kind == null) {
                problems.add(new Problem(row, "kind", r.kind(), "expected one of " + List.of(EvidenceKind.values())));
            }
            String outcome = r.outcomeCode() == null ? null : OutcomeCodes.normalize(r.outcomeCode());
            boolean certification = kind == EvidenceKind.INDEPENDENT_ASSESSMENT && outcome == null;
            if (certification) {
                if (r.standardCode() == null || r.generalizedFunction() == null) {
                    problems.add(new Problem(row, "standardCode", r.standardCode(),
                            "an independent assessment without outcomeCode needs standardCode and generalizedFunction"));
                }
            } else if (outcome == null || !outcomes.containsKey(outcome)) {
                problems.add(new Problem(row, "outcomeCode", r.outcomeCode(),
                        "unknown outcome code in the student's programme"));
            }
            AssessmentResult result = result(r, row, problems);
            LocalDate on = null;
            try {
                on = r.assessedOn() == null ? asOf : LocalDate.parse(r.assessedOn());
            } catch (DateTimeParseException e) {
                problems.add(new Problem(row, "assessedOn", r.assessedOn(), "expected YYYY-MM-DD"));
            }
            if (on != null && !ru.workready.data.Inputs.inRange(on)) {
                problems.add(new Problem(row, "assessedOn", r.assessedOn(), ru.workready.data.Inputs.DATE_REASON));
            } else if (refuseLater && on != null && on.isAfter(asOf)) {
                problems.add(new Problem(row, "assessedOn", r.assessedOn(), "after asOf " + asOf));
            }
            int attempt = r.attempt() == null ? 1 : r.attempt();
            if (attempt < 1) {
                problems.add(new Problem(row, "attempt", String.valueOf(attempt), "attempts count from 1"));
            }
            if (problems.size() == before) {
                extra.add(new Evidence(sequence++, studentId, certification ? null : outcome, kind, result, on, attempt,
                        null, certification ? r.standardCode() : null,
                        certification ? ru.workready.engine.standards.FunctionCodes.normalize(r.generalizedFunction().strip()) : null));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("invalid-what-if", "The extra results have " + problems.size()
                    + " problem(s)", problems, problems.size());
        }
        return extra;
    }

    private static @Nullable AssessmentResult result(ExtraResult r, int row, List<Problem> problems) {
        String text = r.result() == null ? "" : r.result().strip().toLowerCase(Locale.ROOT);
        switch (text) {
            case "pass", "passed", "зачтено", "true" -> {
                return new AssessmentResult.PassFail(true);
            }
            case "fail", "failed", "не зачтено", "false" -> {
                return new AssessmentResult.PassFail(false);
            }
            default -> {
            }
        }
        try {
            double value = Double.parseDouble(text.replace(',', '.'));
            if (r.maxPoints() != null) {
                if (r.maxPoints() > 0 && value >= 0) {
                    return new AssessmentResult.Points(value, r.maxPoints());
                }
            } else if (value == Math.rint(value) && value >= 2 && value <= 5) {
                return new AssessmentResult.Grade((int) value);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new Problem(row, "result", r.result(), "expected a grade 2–5, points with maxPoints, or pass/fail"));
        return null;
    }

    private static Map<String, FunctionScore> byCode(StudentReadiness r) {
        Map<String, FunctionScore> m = new HashMap<>();
        r.functions().forEach(f -> m.put(f.code(), f));
        return m;
    }

    private static Map<ReadinessLevel, Integer> summary(StudentReadiness r) {
        Map<ReadinessLevel, Integer> m = new TreeMap<>();
        r.functions().forEach(f -> m.merge(f.level(), 1, Integer::sum));
        return m;
    }

    private static @Nullable Double round(@Nullable Double v) {
        return v == null ? null : Math.round(v * 10000) / 10000.0;
    }
}

package ru.workready.api.scoring;

import static ru.workready.engine.Decimals.fourOrNull;

import ru.workready.data.ProblemType;
import ru.workready.data.scoring.RuleSetPreview;
import ru.workready.data.students.StudentRecords;
import ru.workready.data.assessments.ResultRow;
import ru.workready.data.scoring.WhatIfScoring;

import ru.workready.data.scoring.RescoreJobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
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
import ru.workready.api.security.Allowed;
import ru.workready.api.security.Audited;
import ru.workready.api.security.Tenancy;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.InvalidInputException;
import ru.workready.data.NotFoundException;
import ru.workready.data.scoring.BulkScoringRepository;
import ru.workready.data.security.Role;
import ru.workready.engine.scoring.FunctionScore;
import ru.workready.engine.scoring.ReadinessLevel;
import ru.workready.engine.scoring.StudentReadiness;

/** What-if questions (nothing stored) and background rescoring jobs. */
@RestController
@Tag(name = "Scoring: what-if and rescoring")
class ScoringController {

    /** An extra result: the columns of the assessment file as properties. */
    record ExtraResult(@Nullable String outcomeCode, @Nullable String kind, @Nullable String result,
                       @Nullable Double maxPoints, @Nullable String assessedOn, @Nullable Integer attempt,
                       @Nullable String standardCode, @Nullable String generalizedFunction,
                       @Nullable String certificateNumber, @Nullable String conclusion, @Nullable Integer place) {
        ResultRow row() {
            return new ResultRow(outcomeCode, kind, result, maxPoints, assessedOn, attempt, standardCode,
                    generalizedFunction, certificateNumber, conclusion, place, null, null);
        }
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

    private final WhatIfScoring whatIfScoring;
    private final RescoreJobs jobs;
    private final RuleSetPreview previews;
    private final StudentRecords students;
    private final Tenancy tenancy;

    ScoringController(WhatIfScoring whatIfScoring, RescoreJobs jobs, RuleSetPreview previews, StudentRecords students,
                      Tenancy tenancy) {
        this.whatIfScoring = whatIfScoring;
        this.students = students;
        this.tenancy = tenancy;
        this.jobs = jobs;
        this.previews = previews;
    }

    @PostMapping(value = "/api/students/{id}/readiness/what-if", consumes = "application/json")
    @Allowed(Role.COLLEGE)
    @Audited(action = "what-if", subjectKind = "student", subject = "id")
    @Operation(summary = "The student's readiness if these extra results were recorded; nothing is stored",
            description = "Body: {results: [{outcomeCode, kind, result, maxPoints, assessedOn, attempt, standardCode, "
                    + "generalizedFunction, certificateNumber, conclusion, place}]} — the columns of the assessment "
                    + "file, checked as an upload checks its rows. For an independent assessment (НОК) give "
                    + "standardCode, generalizedFunction and certificateNumber (conclusion when failed) instead of "
                    + "outcomeCode. asOf, versions and knownAt as on GET readiness: the "
                    + "baseline and the variant are both computed at that moment; an extra result without assessedOn "
                    + "is dated asOf, and one dated after asOf is refused.")
    WhatIfView whatIf(@PathVariable String id, @RequestParam(defaultValue = "06.001") String standard,
                      @RequestParam(required = false) @Nullable LocalDate asOf,
                      @RequestParam(defaultValue = "today") String versions,
                      @RequestParam(required = false) @Nullable String knownAt,
                      @RequestBody WhatIfRequest request, jakarta.servlet.http.HttpServletRequest http) {
        // before anything else: another college's student reads as an unknown id
        tenancy.requireStudent(students.find(id).orElseThrow(() -> new NotFoundException("No student with id " + id)));
        WhatIfScoring.WhatIf w = whatIfScoring.score(id, standard, asOf, versions, knownAt,
                request.results() == null ? null : request.results().stream().map(ExtraResult::row).toList());
        boolean russian = Russian.wanted(http);
        List<FunctionChange> all = w.functions().stream().map(c -> change(c, russian)).toList();
        List<FunctionChange> changed = w.changed().stream().map(c -> change(c, russian)).toList();
        return new WhatIfView(id, standard, w.at().date(), w.at().versions().label(), w.at().knownAt(),
                w.after().readiness().ruleSetVersion(), w.after().mappingVersion(), false,
                w.extraResults(), summary(w.before().readiness()), summary(w.after().readiness()), changed, all);
    }

    private static FunctionChange change(WhatIfScoring.Change c, boolean russian) {
        FunctionScore b = c.before();
        FunctionScore f = c.after();
        return new FunctionChange(f.code(), b.level(), f.level(), fourOrNull(b.readiness()), fourOrNull(f.readiness()),
                fourOrNull(b.coverage()), fourOrNull(f.coverage()), russian ? Russian.reason(f) : f.reason(), f.rules());
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
        RuleSetPreview.Preview p = previews.preview(name, version, college, region, standard);
        List<LevelChange> changes = p.changes().stream().map(c -> new LevelChange(c.studentId(), c.function(),
                c.from(), c.to(), fourOrNull(c.readinessFrom()), fourOrNull(c.readinessTo()))).toList();
        return new PreviewView(p.candidate(), p.scope(), p.standard(), p.activeVersions(), p.students(), p.functions(),
                p.changed(), p.transitions(), changes, p.changesTruncated(),
                validityLink(name, version, college, region, standard));
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
            throw new InvalidInputException(ProblemType.INVALID_RESCORING_JOB, "Give either college or region",
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

    private static Map<ReadinessLevel, Integer> summary(StudentReadiness r) {
        Map<ReadinessLevel, Integer> m = new TreeMap<>();
        r.functions().forEach(f -> m.merge(f.level(), 1, Integer::sum));
        return m;
    }
}

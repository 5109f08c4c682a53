package ru.workready.api.employers;

import ru.workready.data.ProblemType;
import ru.workready.data.colleges.Regions;

import ru.workready.data.employers.EmployerDirectory;

import ru.workready.data.employers.EmployerAsOf;
import ru.workready.data.employers.EmployerExpertise;
import ru.workready.data.employers.EmployerQueries;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.workready.api.security.Allowed;
import ru.workready.api.security.AuditTrail;
import ru.workready.api.security.Caller;
import ru.workready.api.security.Tenancy;
import ru.workready.data.InvalidInputException;
import ru.workready.data.NotFoundException;
import ru.workready.data.employers.CohortFilter;
import ru.workready.data.employers.EmployerRepository;
import ru.workready.data.employers.JobProfileService;
import ru.workready.data.security.Role;
import ru.workready.engine.employers.SmallCells;
import ru.workready.engine.scoring.ReadinessLevel;
import ru.workready.engine.standards.FunctionCodes;

/**
 * Employers, their job profiles and what they may ask about them: cohort aggregates (any group
 * smaller than {@value SmallCells#K} suppressed) and ranked candidates who consented.
 * Roles: creating employers — ADMIN; profiles and candidates — EMPLOYER of that employer (its
 * organisation code is the employer code) and ADMIN; aggregates — that EMPLOYER, CURRICULUM_DESIGNER,
 * ADMIN. Candidate lists are audited per disclosed student.
 */
@RestController
@Tag(name = "Employers")
class EmployerController {
    static final int MAX_CANDIDATES = 500;

    record EmployerRequest(@Nullable String code, @Nullable String name, @Nullable String region) {
    }

    record EmployerView(String code, String name, String region) {
        static EmployerView of(EmployerRepository.Employer e) {
            return new EmployerView(e.code(), e.name(), e.region());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProfileFunctionView(String standard, String orderNumber, String function, String name,
                               String generalizedFunction, int qualificationLevel, int importance, boolean mustHave,
                               @Nullable ReadinessLevel minLevel) {
    }

    record ProfileView(String employer, String code, String name, List<ProfileFunctionView> functions) {
        static ProfileView of(EmployerRepository.JobProfile p) {
            return new ProfileView(p.employer().code(), p.code(), p.name(), p.functions().stream()
                    .map(e -> new ProfileFunctionView(e.function().standardCode(), e.function().orderNumber(),
                            e.function().code(), e.function().name(), e.function().generalizedCode(),
                            e.function().qualificationLevel(), e.importance(), e.mustHave(), e.minLevel()))
                    .toList());
        }
    }

    record SubjectView(String kind, @Nullable String employer, @Nullable String profile, @Nullable String standard,
                       @Nullable String function, String name) {
    }

    /**
     * @param asOf            null: today's stored scores; else the day (or "graduation") the students were scored as of
     * @param notYetGraduated with asOf: students in scope left out because that day is after today
     * @param expertise       "passed": only programmes whose mappings passed employer expertise
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AggregateView(SubjectView subject, CohortFilter filter, @Nullable String expertise, int minimumGroupSize,
                         List<EmployerQueries.Cell> cells, EmployerQueries.Totals totals, @Nullable String asOf,
                         @Nullable Integer notYetGraduated) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CandidatesView(String employer, String profile, CohortFilter filter, int count,
                          List<EmployerQueries.Candidate> candidates, @Nullable String asOf,
                          @Nullable Integer notYetGraduated) {
    }

    private final JobProfileService profiles;
    private final EmployerDirectory employers;
    private final EmployerQueries queries;
    private final Tenancy tenancy;
    private final AuditTrail audit;

    private final Regions regions;
    private final EmployerAsOf asOf;
    private final EmployerExpertise expertise;

    EmployerController(JobProfileService profiles, EmployerDirectory employers, EmployerQueries queries,
                       Tenancy tenancy, AuditTrail audit, Regions regions,
                       EmployerAsOf asOf, EmployerExpertise expertise) {
        this.asOf = asOf;
        this.expertise = expertise;
        this.regions = regions;
        this.profiles = profiles;
        this.employers = employers;
        this.queries = queries;
        this.tenancy = tenancy;
        this.audit = audit;
    }

    @PostMapping("/api/employers")
    @Operation(summary = "Register an employer (organisation)")
    ResponseEntity<EmployerView> createEmployer(@RequestBody EmployerRequest request) {
        EmployerRepository.Employer e = profiles.createEmployer(request.code(), request.name(), request.region());
        return ResponseEntity.created(URI.create("/api/employers/" + e.code())).body(EmployerView.of(e));
    }

    @GetMapping("/api/employers")
    @Allowed({Role.EMPLOYER, Role.CURRICULUM_DESIGNER})
    @Operation(summary = "Employers", description = "An EMPLOYER key sees its own employer only.")
    List<EmployerView> employers(Caller caller) {
        return employers.employers().stream()
                .filter(e -> !caller.is(Role.EMPLOYER) || e.code().equals(caller.organisation()))
                .map(EmployerView::of).toList();
    }

    @GetMapping("/api/employers/{employer}")
    @Allowed({Role.EMPLOYER, Role.CURRICULUM_DESIGNER})
    @Operation(summary = "An employer")
    EmployerView employer(@PathVariable String employer) {
        tenancy.requireEmployer(employer);
        return EmployerView.of(profiles.employer(employer));
    }

    @PostMapping("/api/employers/{employer}/profiles")
    @Allowed(Role.EMPLOYER)
    @Operation(summary = "Create a job profile: ТФ with importance 1–5, must-have flags and optional minimum levels",
            description = "Start from an ОТФ (from: {standard, generalizedFunction}) or from every ОТФ of a qualification "
                    + "level (from: {standard, qualificationLevel}), then list ТФ to add or override: "
                    + "functions: [{standard, function, importance, mustHave, minLevel}]. Standards resolve to their "
                    + "current edition.")
    ResponseEntity<ProfileView> createProfile(@PathVariable String employer,
                                              @RequestBody JobProfileService.ProfileDraft draft) {
        tenancy.requireEmployer(employer);
        EmployerRepository.JobProfile p = profiles.create(employer, draft);
        return ResponseEntity.created(URI.create("/api/employers/" + employer + "/profiles/" + p.code()))
                .body(ProfileView.of(p));
    }

    @GetMapping("/api/employers/{employer}/profiles")
    @Allowed(Role.EMPLOYER)
    @Operation(summary = "The employer's job profiles")
    List<ProfileView> profiles(@PathVariable String employer) {
        tenancy.requireEmployer(employer);
        return employers.profiles(profiles.employer(employer)).stream().map(ProfileView::of).toList();
    }

    @GetMapping("/api/employers/{employer}/profiles/{profile}")
    @Allowed(Role.EMPLOYER)
    @Operation(summary = "A job profile")
    ProfileView profile(@PathVariable String employer, @PathVariable String profile) {
        tenancy.requireEmployer(employer);
        return ProfileView.of(profiles.profile(employer, profile));
    }

    @PutMapping("/api/employers/{employer}/profiles/{profile}")
    @Allowed(Role.EMPLOYER)
    @Operation(summary = "Edit a job profile: replaces its name and ТФ (same body as creation)")
    ProfileView replaceProfile(@PathVariable String employer, @PathVariable String profile,
                               @RequestBody JobProfileService.ProfileDraft draft) {
        tenancy.requireEmployer(employer);
        return ProfileView.of(profiles.replace(employer, profile, draft));
    }

    @GetMapping("/api/employers/{employer}/profiles/{profile}/readiness")
    @Allowed({Role.EMPLOYER, Role.CURRICULUM_DESIGNER})
    @Operation(summary = "How many students of each college, programme and graduation year are READY / "
            + "PARTIALLY_READY / NOT_READY for the profile, with the median job fit",
            description = "Groups of fewer than 5 students are suppressed, and so are level counts of 1–4 (with a "
                    + "complementary count where one would be recoverable). Totals cover published groups only.")
    AggregateView profileReadiness(@PathVariable String employer, @PathVariable String profile,
                                   @ParameterObject CohortQuery cohort) {
        tenancy.requireEmployer(employer);
        EmployerRepository.JobProfile p = profiles.profile(employer, profile);
        return aggregate(new SubjectView("PROFILE", p.employer().code(), p.code(), null, null, p.name()),
                EmployerQueries.of(p), cohort);
    }

    @GetMapping("/api/functions/readiness")
    @Allowed({Role.EMPLOYER, Role.CURRICULUM_DESIGNER})
    @Operation(summary = "How many students of each college, programme and graduation year are READY / "
            + "PARTIALLY_READY / NOT_READY for one labour function (ТФ), with the median readiness",
            description = "function is a ТФ code such as A/01.3 of the current edition of the standard. "
                    + "Suppression as for profiles.")
    AggregateView functionReadiness(@RequestParam String standard, @RequestParam String function,
                                    @ParameterObject CohortQuery cohort) {
        String code = FunctionCodes.normalize(function);
        EmployerRepository.FunctionRef f = employers.currentFunction(standard.strip(), code).orElseThrow(
                () -> new NotFoundException("No labour function " + code + " in the current edition of " + standard));
        return aggregate(new SubjectView("FUNCTION", null, null, f.standardCode(), f.code(), f.name()),
                EmployerQueries.of(f), cohort);
    }

    /** The aggregate of a profile or a ТФ over the filtered cohort, as both endpoints answer it. */
    private AggregateView aggregate(SubjectView view, EmployerQueries.Subject subject, CohortQuery cohort) {
        CohortFilter filter = filter(cohort, subject.functions());
        String passedOnly = cohort.passedExpertiseOnly() ? "passed" : null;
        var day = cohort.day();
        if (day == null) {
            EmployerQueries.Aggregate a = expertise.withStatements(queries.aggregate(subject, filter),
                    subject.functions());
            return new AggregateView(view, filter, passedOnly, SmallCells.K, a.cells(), a.totals(), null, null);
        }
        EmployerAsOf.Scored scored = asOf.score(filter, subject.functions(), false, day);
        EmployerQueries.Aggregate a = expertise.withStatements(EmployerAsOf.aggregate(subject, scored.members()),
                subject.functions());
        return new AggregateView(view, filter, passedOnly, SmallCells.K, a.cells(), a.totals(), label(day),
                scored.notYetGraduated());
    }

    /** The query's students; with expertise=passed only those of programmes whose mappings passed expertise. */
    private CohortFilter filter(CohortQuery cohort, List<ru.workready.engine.employers.ProfileFunction> functions) {
        CohortFilter filter = cohort.filter(regions);
        return cohort.passedExpertiseOnly() ? expertise.passedOnly(filter, functions) : filter;
    }

    private static String label(ru.workready.data.reports.ReportParameters.CohortAsOf day) {
        return day.graduation() ? "graduation" : String.valueOf(day.date());
    }

    @GetMapping("/api/employers/{employer}/profiles/{profile}/candidates")
    @Allowed(Role.EMPLOYER)
    @Operation(summary = "Students who consented to be seen by employers, ranked for the profile",
            description = "Order: must-haves met first, then job fit (Σ importance·r / Σ importance), then student id. "
                    + "Each candidate lists the profile's ТФ that are not READY and the outcomes and evidence kinds "
                    + "that would close them. A withdrawn consent hides the student from the next request on.")
    CandidatesView candidates(@PathVariable String employer, @PathVariable String profile,
                              @ParameterObject CohortQuery cohort,
                              @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_CANDIDATES) {
            throw new InvalidInputException(ProblemType.INVALID_PARAMETER, "limit must be 1–" + MAX_CANDIDATES,
                    List.of(new InvalidInputException.Problem(null, "limit", String.valueOf(limit),
                            "must be 1–" + MAX_CANDIDATES)), 1);
        }
        tenancy.requireEmployer(employer);
        EmployerRepository.JobProfile p = profiles.profile(employer, profile);
        CohortFilter filter = filter(cohort, p.engineFunctions());
        var day = cohort.day();
        EmployerAsOf.Scored scored = day == null ? null : asOf.score(filter, p.engineFunctions(), true, day);
        List<EmployerQueries.Candidate> list = scored == null ? queries.candidates(p, filter, limit)
                : queries.candidates(p, limit, scored);
        audit.disclosed("list-candidates", "student", list.stream().map(EmployerQueries.Candidate::studentId).toList());
        return new CandidatesView(p.employer().code(), p.code(), filter, list.size(), list,
                day == null ? null : label(day), scored == null ? null : scored.notYetGraduated());
    }
}

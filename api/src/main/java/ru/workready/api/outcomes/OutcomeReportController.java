package ru.workready.api.outcomes;

import ru.workready.data.ProblemType;
import ru.workready.data.outcomes.ValidityComparison;
import ru.workready.data.outcomes.ValidityReport;
import ru.workready.data.outcomes.ValidityService;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.workready.api.reports.ReportResponses;
import ru.workready.api.security.Allowed;
import ru.workready.api.security.Audited;
import ru.workready.api.security.Caller;
import ru.workready.data.InvalidInputException;
import ru.workready.data.Inputs;
import ru.workready.data.outcomes.EmploymentReport;
import ru.workready.data.outcomes.EmploymentReportService;
import ru.workready.data.outcomes.GraduateCohort;
import ru.workready.data.security.Role;
import ru.workready.engine.employers.SmallCells;
import ru.workready.data.rulesets.RuleBaseRegistry;

/**
 * Graduates' employment and how well readiness at graduation predicts it, as JSON or as CSV / XLSX downloads
 * ({@code format=csv|xlsx}). For curriculum designers (colleges', regions' and the operator's) and ADMIN, with small
 * groups suppressed; a COLLEGE key sees its own college only, unsuppressed. Every read is audited.
 */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "Graduate outcomes")
@Allowed({Role.CURRICULUM_DESIGNER, Role.COLLEGE})
class OutcomeReportController {
    private final EmploymentReportService employment;
    private final ValidityService validity;
    private final RuleBaseRegistry registry;

    OutcomeReportController(EmploymentReportService employment, ValidityService validity, RuleBaseRegistry registry) {
        this.employment = employment;
        this.validity = validity;
        this.registry = registry;
    }

    @GetMapping("/employment")
    @Audited(action = "report-employment", subjectKind = "college", subject = "college")
    @ApiResponse(responseCode = "200", description = "the report (JSON), or a CSV / XLSX download",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EmploymentReport.class)))
    @Operation(summary = "Graduates' employment and employment in specialty per programme and graduation year, "
            + "6, 12 and 24 months after graduation", description = "The observation nearest each horizon within ±3 "
            + "months counts. Rates with Wilson 95 % intervals. Unless the key is the programme's own college's, "
            + "counts of 1–4 graduates are hidden with complements and rates resting on them withheld.")
    ResponseEntity<?> employment(
            @Parameter(description = "college code") @RequestParam(required = false) @Nullable String college,
            @Parameter(description = "ФГОС code, e.g. 09.02.07") @RequestParam(required = false) @Nullable String fgos,
            @Parameter(description = "region code or official name") @RequestParam(required = false)
            @Nullable String region,
            @Parameter(description = "first graduation year") @RequestParam(required = false) @Nullable Integer from,
            @Parameter(description = "last graduation year") @RequestParam(required = false) @Nullable Integer to,
            @RequestParam(defaultValue = "json") String format) {
        GraduateCohort cohort = cohort(college, fgos, region, from, to);
        return ReportResponses.respond(format, () -> employment.report(cohort, ownCollege()));
    }

    @GetMapping("/validity")
    @Audited(action = "report-validity", subjectKind = "college", subject = "college")
    @ApiResponse(responseCode = "200", description = "the report (JSON), or a CSV / XLSX download",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ValidityReport.class)))
    @Operation(summary = "Predictive validity: readiness at graduation per ТФ, per ОТФ and as a summary against "
            + "employment in specialty 12 months later", description = "Each graduate is scored as of graduation "
            + "(30 June of the graduation year) with the active rule set and today's mapping, computed and not "
            + "stored. Per reading: the rate by level with Wilson 95 % intervals, READY vs the rest (Newcombe), AUC "
            + "with a seeded bootstrap interval, a verdict (PREDICTS, PREDICTS_NOTHING, PREDICTS_INVERSELY, TOO_THIN "
            + "below `minimum` graduates per group). docs/validity.md")
    ResponseEntity<?> validity(@Parameter(description = "standard code, e.g. 06.001") @RequestParam String standard,
                               @RequestParam(required = false) @Nullable String college,
                               @RequestParam(required = false) @Nullable String fgos,
                               @RequestParam(required = false) @Nullable String region,
                               @RequestParam(required = false) @Nullable Integer from,
                               @RequestParam(required = false) @Nullable Integer to,
                               @Parameter(description = "graduates needed in each group (at least 5)")
                               @RequestParam(defaultValue = "" + ValidityService.DEFAULT_MINIMUM) int minimum,
                               @Parameter(description = "seed of the bootstrap")
                               @RequestParam(defaultValue = "" + ValidityService.DEFAULT_SEED) long seed,
                               @RequestParam(defaultValue = "json") String format) {
        GraduateCohort cohort = cohort(college, fgos, region, from, to);
        String code = standardCode(standard);
        checkMinimum(minimum);
        return ReportResponses.respond(format, () -> validity.report(cohort, code, minimum, seed, null, ownCollege() == null));
    }

    @GetMapping("/validity/comparison")
    @Allowed({Role.CURRICULUM_DESIGNER, Role.RULE_AUTHOR, Role.COLLEGE})
    @Audited(action = "report-validity-comparison", subjectKind = "rule-set", subject = "candidate")
    @ApiResponse(responseCode = "200", description = "the comparison (JSON), or a CSV / XLSX download",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ValidityComparison.class)))
    @Operation(summary = "Rule sets compared on history: the validity report of a candidate rule-set version beside "
            + "the active one's, on the same graduates scored as of graduation (nothing stored)",
            description = "Per ТФ the AUC difference (candidate − active) with a paired bootstrap interval and which "
                    + "predicts employment in specialty better. Look at it before activating a version.")
    ResponseEntity<?> comparison(@Parameter(description = "rule-set name") @RequestParam String candidate,
                                 @Parameter(description = "rule-set version") @RequestParam int version,
                                 @RequestParam String standard,
                                 @RequestParam(required = false) @Nullable String college,
                                 @RequestParam(required = false) @Nullable String fgos,
                                 @RequestParam(required = false) @Nullable String region,
                                 @RequestParam(required = false) @Nullable Integer from,
                                 @RequestParam(required = false) @Nullable Integer to,
                                 @RequestParam(defaultValue = "" + ValidityService.DEFAULT_MINIMUM) int minimum,
                                 @RequestParam(defaultValue = "" + ValidityService.DEFAULT_SEED) long seed,
                                 @RequestParam(defaultValue = "json") String format) {
        GraduateCohort cohort = cohort(college, fgos, region, from, to);
        String code = standardCode(standard);
        checkMinimum(minimum);
        Inputs.requireText("candidate", candidate);
        RuleBaseRegistry.CompiledRuleSet set = registry.compiled(candidate, version);
        return ReportResponses.respond(format, () -> validity.compare(cohort, code, minimum, seed, set, ownCollege() == null));
    }

    private static String standardCode(String standard) {
        Inputs.requireText("standard", standard);
        String s = standard.strip();
        if (!s.matches("[0-9]{2}\\.[0-9]{3}")) {
            throw badParameter("standard", standard, "a standard code such as 06.001");
        }
        return s;
    }

    private static void checkMinimum(int minimum) {
        if (minimum < SmallCells.K || minimum > 1000) {
            throw badParameter("minimum", String.valueOf(minimum), "must be between " + SmallCells.K + " and 1000");
        }
    }

    /** The cohort asked for; a COLLEGE key's is always its own college (another one reads as unknown). */
    static GraduateCohort cohort(@Nullable String college, @Nullable String fgos, @Nullable String region,
                                           @Nullable Integer from, @Nullable Integer to) {
        Inputs.requireText("college", college);
        Inputs.requireText("fgos", fgos);
        Inputs.requireText("region", region);
        if (from != null && !Inputs.inRange(from)) {
            throw badParameter("from", String.valueOf(from), Inputs.YEAR_REASON);
        }
        if (to != null && !Inputs.inRange(to)) {
            throw badParameter("to", String.valueOf(to), Inputs.YEAR_REASON);
        }
        String own = ownCollege();
        if (own != null && college != null && !college.strip().equals(own)) {
            throw new ru.workready.data.NotFoundException("No college with code " + college);
        }
        return new GraduateCohort(own != null ? own : blankToNull(college), blankToNull(fgos),
                blankToNull(region), from, to);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A COLLEGE key's college: its own data unsuppressed; null for everybody else. */
    static @Nullable String ownCollege() {
        Caller caller = Caller.current();
        return caller.is(Role.COLLEGE) ? caller.college() : null;
    }

    static InvalidInputException badParameter(String field, String value, String reason) {
        return new InvalidInputException(ProblemType.INVALID_REPORT_PARAMETER,
                "Invalid report parameter '" + field + "': " + reason,
                List.of(new InvalidInputException.Problem(null, field, value, reason)), 1);
    }
}

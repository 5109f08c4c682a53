package ru.workready.api.reports;

import ru.workready.data.scoring.Moment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.workready.api.security.Allowed;
import ru.workready.api.security.Audited;
import ru.workready.api.security.Caller;
import ru.workready.api.security.Tenancy;
import ru.workready.data.InvalidInputException;
import ru.workready.data.ProblemType;
import ru.workready.data.reports.AboveLevelReport;
import ru.workready.data.reports.AboveLevelReportService;
import ru.workready.data.reports.CohortReport;
import ru.workready.data.reports.CohortReportService;
import ru.workready.data.reports.CoverageReport;
import ru.workready.data.reports.CoverageReportService;
import ru.workready.data.reports.ReportParameters;
import ru.workready.data.reports.MappingComparison;
import ru.workready.data.reports.MappingComparisonService;
import ru.workready.data.reports.OrphanReport;
import ru.workready.data.reports.OrphanReportService;
import ru.workready.data.reports.SupplyDemandReport;
import ru.workready.data.reports.SupplyDemandReportService;
import ru.workready.data.reports.UncoveredReport;
import ru.workready.data.reports.UncoveredReportService;
import ru.workready.data.security.Role;

/**
 * Curriculum gap reports as JSON, or as CSV / XLSX downloads with {@code format=csv|xlsx}. The
 * programme is chosen by {@code programme=<id>} or by {@code college}, {@code fgos} and
 * {@code year}; {@code standard} takes one or more codes (default: every standard the programme
 * is mapped to). For CURRICULUM_DESIGNER and ADMIN; the cohort report also for COLLEGE (its own
 * programmes only). Every report read is audited.
 */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "Curriculum gap reports")
@Allowed(Role.CURRICULUM_DESIGNER)
class ReportController {
    private final ReportParameters reports;
    private final CoverageReportService coverage;
    private final UncoveredReportService uncovered;
    private final OrphanReportService orphans;
    private final AboveLevelReportService aboveLevel;
    private final CohortReportService cohort;
    private final SupplyDemandReportService supplyDemand;
    private final MappingComparisonService comparison;
    private final Tenancy tenancy;
    private final ru.workready.data.scoring.ReadinessService scoring;
    private final ru.workready.data.rulesets.RuleBaseRegistry ruleBases;
    private final ru.workready.data.programmes.ProgrammeCatalogue programmes;

    ReportController(ReportParameters reports, CoverageReportService coverage, UncoveredReportService uncovered,
                     OrphanReportService orphans, AboveLevelReportService aboveLevel, CohortReportService cohort,
                     SupplyDemandReportService supplyDemand, MappingComparisonService comparison, Tenancy tenancy,
                     ru.workready.data.scoring.ReadinessService scoring,
                     ru.workready.data.rulesets.RuleBaseRegistry ruleBases,
                     ru.workready.data.programmes.ProgrammeCatalogue programmes) {
        this.ruleBases = ruleBases;
        this.programmes = programmes;
        this.reports = reports;
        this.coverage = coverage;
        this.uncovered = uncovered;
        this.orphans = orphans;
        this.aboveLevel = aboveLevel;
        this.cohort = cohort;
        this.supplyDemand = supplyDemand;
        this.comparison = comparison;
        this.tenancy = tenancy;
        this.scoring = scoring;
    }

    @GetMapping("/programmes")
    @Allowed({Role.CURRICULUM_DESIGNER, Role.COLLEGE})
    @Operation(summary = "Programmes with the standards and mapping versions they can be reported against")
    List<ReportParameters.ProgrammeOption> programmes() {
        return reports.programmes();
    }

    @GetMapping("/coverage")
    @Audited(action = "report-coverage", subjectKind = "programme", subject = "programme")
    @ApiResponse(responseCode = "200", description = "the report (JSON), or a CSV / XLSX download",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CoverageReport.class)))
    @Operation(summary = "Coverage matrix: programme outcomes × labour functions (and elements) with mapping type and weight")
    ResponseEntity<?> coverage(@ParameterObject ReportQuery query,
                               @RequestParam(required = false) @Nullable Integer mappingVersion,
                               @RequestParam(defaultValue = "false") boolean elements,
                               @RequestParam(defaultValue = "json") String format) {
        return ReportResponses.respond(format, () -> coverage.coverage(query.selector(),
                query.standards(), mappingVersion, elements, ruleSetOf(query)));
    }

    @GetMapping("/uncovered")
    @Audited(action = "report-uncovered", subjectKind = "programme", subject = "programme")
    @ApiResponse(responseCode = "200", description = "the report (JSON), or a CSV / XLSX download",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UncoveredReport.class)))
    @Operation(summary = "Labour functions and elements within the programme's level that no outcome covers, "
            + "or only RELATED outcomes touch; and the functions above the programme's level")
    ResponseEntity<?> uncovered(@ParameterObject ReportQuery query,
                                @RequestParam(required = false) @Nullable Integer mappingVersion,
                                @RequestParam(defaultValue = "json") String format) {
        return ReportResponses.respond(format, () -> uncovered.uncovered(query.selector(),
                query.standards(), mappingVersion, ruleSetOf(query)));
    }

    @GetMapping("/orphans")
    @Audited(action = "report-orphans", subjectKind = "programme", subject = "programme")
    @ApiResponse(responseCode = "200", description = "the report (JSON), or a CSV / XLSX download",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrphanReport.class)))
    @Operation(summary = "Outcomes (ПК, ОК, finer outcomes) that serve no labour function of the chosen standards")
    ResponseEntity<?> orphans(@ParameterObject ReportQuery query,
                              @RequestParam(required = false) @Nullable Integer mappingVersion,
                              @RequestParam(defaultValue = "json") String format) {
        return ReportResponses.respond(format, () -> orphans.orphans(query.selector(),
                query.standards(), mappingVersion, ruleSetOf(query)));
    }

    @GetMapping("/above-level")
    @Audited(action = "report-above-level", subjectKind = "programme", subject = "programme")
    @ApiResponse(responseCode = "200", description = "the report (JSON), or a CSV / XLSX download",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AboveLevelReport.class)))
    @Operation(summary = "Labour functions whose qualification level exceeds the programme's")
    ResponseEntity<?> aboveLevel(@ParameterObject ReportQuery query,
                                 @RequestParam(required = false) @Nullable Integer mappingVersion,
                                 @RequestParam(defaultValue = "json") String format) {
        return ReportResponses.respond(format, () -> aboveLevel.aboveLevel(query.selector(),
                query.standards(), mappingVersion, ruleSetOf(query)));
    }

    @GetMapping("/cohort")
    @Allowed({Role.CURRICULUM_DESIGNER, Role.COLLEGE})
    @Audited(action = "report-cohort", subjectKind = "programme", subject = "programme")
    @ApiResponse(responseCode = "200", description = "the report (JSON), or a CSV / XLSX download",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CohortReport.class)))
    @Operation(summary = "Cohort weak spots: readiness levels per labour function over the programme's students, "
            + "the functions with the lowest share of READY and the outcomes and evidence kinds dragging them down",
            description = "Unless the key is the programme's own college's, groups of fewer than 5 students publish "
                    + "no numbers and counts of 1–4 are hidden with complements (see disclosure and suppressionReason). "
                    + "With asOf=YYYY-MM-DD every student is scored as of the end of that day (evidence assessed by "
                    + "then, ages counted from it) with today's rule set and mapping, computed and not stored; "
                    + "asOf=graduation: the programme's graduation date, 30 June of intake year + ceil(study months "
                    + "/ 12). The same suppression applies.")
    ResponseEntity<?> cohort(@ParameterObject ReportQuery query,
                             @Parameter(description = "how many weak spots to list (0–100)")
                             @RequestParam(defaultValue = "5") int limit,
                             @Parameter(description = "YYYY-MM-DD or graduation: score the students as of that day")
                             @RequestParam(required = false) @Nullable String asOf,
                             @RequestParam(defaultValue = "json") String format) {
        if (limit < 0 || limit > 100) {
            throw badParameter("limit", String.valueOf(limit), "must be between 0 and 100");
        }
        // a college's cohort report covers its own students only
        tenancy.requireProgramme(query.programme(), query.college(), query.fgos(), query.year());
        ReportParameters.CohortAsOf day = asOf == null ? null : ReportParameters.CohortAsOf.parse(asOf);
        return ReportResponses.respond(format, () -> cohort.cohort(query.selector(),
                query.standards(), limit, ruleSetOf(query), ownCollege(), day,
                (ids, standard, on) -> ids.stream().map(id -> scoring.asOf(id, standard,
                        ru.workready.data.scoring.Moment.of(on)).readiness()).toList()));
    }

    @GetMapping("/supply-demand")
    @Audited(action = "report-supply-demand", subjectKind = "programme", subject = "programme")
    @ApiResponse(responseCode = "200", description = "the report (JSON), or a CSV / XLSX download",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SupplyDemandReport.class)))
    @Operation(summary = "Supply vs demand: the region's declared needs for the programme's graduation year that "
            + "concern the chosen standards, against the programme's graduates ready for each",
            description = "Small groups and small ready counts are suppressed as in the employer aggregates "
                    + "(see disclosure and each need's suppressionReason).")
    ResponseEntity<?> supplyDemand(@ParameterObject ReportQuery query,
                                   @RequestParam(defaultValue = "json") String format) {
        return ReportResponses.respond(format, () -> supplyDemand.supplyDemand(query.selector(),
                query.standards(), ruleSetOf(query), ownCollege()));
    }

    @GetMapping("/mapping-comparison")
    @Audited(action = "report-mapping-comparison", subjectKind = "programme", subject = "programme")
    @ApiResponse(responseCode = "200", description = "the report (JSON), or a CSV / XLSX download",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MappingComparison.class)))
    @Operation(summary = "Compares two mapping versions of a programme to a standard: what a change fixed or broke")
    ResponseEntity<?> compare(@ParameterObject ReportQuery query,
                              @RequestParam int from,
                              @RequestParam int to,
                              @RequestParam(defaultValue = "json") String format) {
        if (query.standards().size() != 1) {
            throw badParameter("standard", String.join(",", query.standards()), "give exactly one standard code");
        }
        return ReportResponses.respond(format, () -> comparison.compare(query.selector(), query.standards().get(0).strip(), from, to,
                ruleSetOf(query)));
    }

    /**
     * The rule set that judges the programme's students, from the registry: its college's active version, else its
     * region's, else the default's — never the default bean's, which knows nothing of later activations.
     */
    private String ruleSetOf(ReportQuery query) {
        String college = query.programme() != null
                ? programmes.summary(query.programme()).map(p -> p.collegeCode()).orElse(null)
                : query.college() == null || query.college().isBlank() ? null : query.college().strip();
        return (college == null ? ruleBases.forDefault() : ruleBases.forCollege(college)).readiness().ruleSetVersion();
    }

    /**
     * The college whose programmes the caller sees unsuppressed: a COLLEGE key's own. Everybody else
     * (designers, regions, the operator, admin) gets small groups suppressed (SmallCells).
     */
    private static @Nullable String ownCollege() {
        Caller caller = Caller.current();
        return caller.is(Role.COLLEGE) ? caller.college() : null;
    }

    private static InvalidInputException badParameter(String field, String value, String reason) {
        return new InvalidInputException(ProblemType.INVALID_REPORT_PARAMETER,
                "Invalid report parameter '" + field + "': " + reason,
                List.of(new InvalidInputException.Problem(null, field, value, reason)), 1);
    }
}

package ru.workready.api.reports;

import ru.workready.data.scoring.Moment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.workready.data.scoring.ReadinessService;
import ru.workready.api.security.Allowed;
import ru.workready.api.security.Audited;
import ru.workready.api.security.Caller;
import ru.workready.api.security.Tenancy;
import ru.workready.data.reports.ReportParameters;
import ru.workready.data.reports.TrendReport;
import ru.workready.data.reports.TrendService;
import ru.workready.data.security.Role;

/** Readiness at graduation year after year, for designers and regions, and for a college about its own graduates. */
@RestController
@Tag(name = "Curriculum gap reports")
class TrendController {
    private final TrendService trends;
    private final ReadinessService scoring;
    private final Tenancy tenancy;

    TrendController(TrendService trends, ReadinessService scoring, Tenancy tenancy) {
        this.trends = trends;
        this.scoring = scoring;
        this.tenancy = tenancy;
    }

    @GetMapping("/api/reports/trends")
    @Allowed({Role.CURRICULUM_DESIGNER, Role.COLLEGE})
    @Audited(action = "report-trends", subjectKind = "programme", subject = "fgos")
    @ApiResponse(responseCode = "200", description = "the report (JSON), or a CSV / XLSX download",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TrendReport.class)))
    @Operation(summary = "Trends: per graduation (or intake) year and per labour function, the graduates' readiness "
            + "levels, shares and mean readiness at graduation",
            description = "Each intake is scored as of its graduation date (30 June of intake year + ceil(study months "
                    + "/ 12)) with today's rule set and mapping, computed and not stored; the report names the standard "
                    + "edition and mapping versions each year used. Lines follow a ТФ code across editions (the edition "
                    + "diff): kept or renamed functions continue, added ones start, removed ones end a line. Give a "
                    + "college or a region (code or official name), or neither for every college. Unless a COLLEGE key "
                    + "reads its own college, groups (college × programme × year) of fewer than 5 graduates are left out "
                    + "and small counts hidden with complements. Default years: the five before the last graduation.")
    ResponseEntity<?> trends(@Parameter(description = "ФГОС code of the programme, e.g. 09.02.07") @RequestParam String fgos,
                             @Parameter(description = "standard code, e.g. 06.001") @RequestParam String standard,
                             @RequestParam(required = false) @Nullable String college,
                             @RequestParam(required = false) @Nullable String region,
                             @Parameter(description = "first year") @RequestParam(required = false) @Nullable Integer from,
                             @Parameter(description = "last year") @RequestParam(required = false) @Nullable Integer to,
                             @Parameter(description = "graduation (default) or intake: what the years are")
                             @RequestParam(defaultValue = "graduation") String by,
                             @RequestParam(defaultValue = "json") String format) {
        Caller caller = Caller.current();
        String own = caller.is(Role.COLLEGE) ? caller.college() : null;
        if (own != null) {
            // a college reads its own graduates' trends only
            if (region != null && !region.isBlank()) {
                throw ReportParameters.badParameter("region", region, "a college key reads its own college's trends");
            }
            if (college != null && !college.isBlank()) {
                tenancy.requireCollege(college.strip());
            }
            college = own;
        }
        boolean byIntake = switch (by.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "graduation" -> false;
            case "intake" -> true;
            default -> throw ReportParameters.badParameter("by", by, "graduation or intake");
        };
        TrendService.TrendQuery query = new TrendService.TrendQuery(fgos, standard, college, region, byIntake, from, to);
        return ReportResponses.respond(format, () -> trends.trends(query, own, (ids, code, day) -> ids.stream()
                .map(id -> scoring.asOf(id, code, Moment.of(day)).readiness()).toList()));
    }
}

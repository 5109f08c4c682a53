package ru.workready.api.trainingorder;

import ru.workready.data.scoring.Moment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.workready.api.downloads.Downloads;
import ru.workready.data.scoring.ReadinessService;
import ru.workready.api.security.Allowed;
import ru.workready.api.security.Caller;
import ru.workready.api.security.Tenancy;
import ru.workready.data.colleges.Regions;
import ru.workready.data.reports.ReportParameters;
import ru.workready.data.reports.ReportExports;
import ru.workready.data.security.Role;
import ru.workready.data.trainingorder.TrainingOrder;
import ru.workready.data.trainingorder.TrainingOrderService;

/**
 * The region's proposed training order, for regional authorities (CURRICULUM_DESIGNER) and ADMIN; a COLLEGE key gets
 * its own college's part (its programmes and proposed admissions, the region's sums withheld).
 */
@RestController
@Tag(name = "Training order")
class TrainingOrderController {
    private final TrainingOrderService orders;
    private final Regions regions;
    private final Tenancy tenancy;
    private final ReadinessService scoring;

    TrainingOrderController(TrainingOrderService orders, ReadinessService scoring, Regions regions, Tenancy tenancy) {
        this.regions = regions;
        this.tenancy = tenancy;
        this.orders = orders;
        this.scoring = scoring;
    }

    @GetMapping("/api/regions/{region}/training-order")
    @Allowed({Role.CURRICULUM_DESIGNER, Role.COLLEGE})
    @ApiResponse(responseCode = "200", description = "the order (JSON), or a CSV / XLSX download (a sheet per intake "
            + "year)", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = TrainingOrder.class)))
    @Operation(summary = "Proposed training order: per year of need and target the demand, the projected ready supply, "
            + "the gap, and the admissions per specialty and college that close it",
            description = "Needs: the region's specialty forecasts and declared demand (profile, ТФ, ОТФ) of the years. "
                    + "Supply per programme = students of the intake graduating that year (the current intake's size for "
                    + "an intake still to come) × READY share at graduation of past cohorts × employed-in-specialty "
                    + "share. The gap is split into places by current intake × READY share, within each college's "
                    + "capacity, for the intake year that graduates in time. Needs no programme covers are listed as "
                    + "uncovered. Method and assumptions: docs/training-order.md.")
    ResponseEntity<?> order(@PathVariable String region,
                            @Parameter(description = "first year of need (default: the next graduation year)")
                            @RequestParam(required = false) @Nullable Integer from,
                            @Parameter(description = "last year of need (default: from + 4)")
                            @RequestParam(required = false) @Nullable Integer to,
                            @RequestParam(defaultValue = "json") String format, Caller caller) {
        String f = format.strip().toLowerCase(Locale.ROOT);
        if (!List.of("json", "csv", "xlsx").contains(f)) {
            throw ReportParameters.badParameter("format", format, "must be json, csv or xlsx");
        }
        regions.officialName(region.strip()).ifPresent(name -> tenancy.requireRegion(name, region));
        String own = caller.is(Role.COLLEGE) ? caller.college() : null;
        TrainingOrder order = orders.order(region, from, to, own, (ids, code, day) -> ids.stream()
                .map(id -> scoring.asOf(id, code, Moment.of(day)).readiness()).toList());
        return switch (f) {
            case "csv" -> Downloads.attachment(Downloads.CSV, order.downloadName() + ".csv",
                    ReportExports.csv(order.asOneTable()));
            case "xlsx" -> Downloads.attachment(Downloads.XLSX, order.downloadName() + ".xlsx",
                    ReportExports.xlsx(order));
            default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(order);
        };
    }
}

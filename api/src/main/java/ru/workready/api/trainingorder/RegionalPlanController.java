package ru.workready.api.trainingorder;

import ru.workready.data.colleges.Regions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.workready.api.problems.Bodies;
import ru.workready.api.security.Allowed;
import ru.workready.api.security.BodyLimit;
import ru.workready.api.security.Caller;
import ru.workready.api.security.Tenancy;
import ru.workready.data.NotFoundException;
import ru.workready.data.security.Role;
import ru.workready.data.trainingorder.CapacityService;
import ru.workready.data.trainingorder.ForecastService;
import ru.workready.data.trainingorder.TopRegionService;

/**
 * The region's planning inputs of a training order: specialty forecasts, the ТОП-Регион list with which colleges
 * prepare for each entry, and the colleges' intake capacities. Uploads (CSV or XLSX, all or nothing) are for regional
 * authorities (CURRICULUM_DESIGNER keys of REGION organisations) and ADMIN; a COLLEGE reads the list's coverage and
 * the capacities of its own college.
 */
@RestController
@Tag(name = "Training order")
class RegionalPlanController {
    static final long MAX_BYTES = 10L * 1024 * 1024;
    private static final String TABULAR = "CSV (UTF-8 or Windows-1251, ';' or ',') or XLSX (first sheet).";

    @io.swagger.v3.oas.annotations.media.Schema(name = "StoredPlanRows") // simple name taken
    record Stored(int rows) {
    }

    private final ForecastService forecasts;
    private final TopRegionService topRegion;
    private final CapacityService capacities;
    private final Regions regions;
    private final Tenancy tenancy;

    RegionalPlanController(ForecastService forecasts, TopRegionService topRegion, CapacityService capacities,
                           Regions regions, Tenancy tenancy) {
        this.tenancy = tenancy;
        this.forecasts = forecasts;
        this.topRegion = topRegion;
        this.capacities = capacities;
        this.regions = regions;
    }

    @PostMapping("/api/forecasts")
    @Allowed(Role.CURRICULUM_DESIGNER)
    @BodyLimit(MAX_BYTES)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload forecasts of the region's needs (all or nothing; a repeated target replaces it)",
            description = "Columns: region (code or official name), year, count (or needed), source optional, and per "
                    + "row either fgos_code (a specialty, e.g. 09.02.07) or standard_code + function_code (a ТФ such as "
                    + "A/01.3 or an ОТФ such as A, stored as declared demand). " + TABULAR)
    Stored uploadForecasts(HttpServletRequest request) {
        return new Stored(forecasts.upload(Bodies.read(request, MAX_BYTES), request.getContentType(),
                tenancy.planningScope()));
    }

    @GetMapping("/api/forecasts")
    @Allowed(Role.CURRICULUM_DESIGNER)
    @Operation(summary = "A region's specialty forecasts for the years from … to")
    List<ForecastService.Forecast> forecasts(@RequestParam String region, @RequestParam int from,
                                             @RequestParam int to) {
        return forecasts.list(region(region), from, to);
    }

    @PostMapping("/api/top-region")
    @Allowed(Role.CURRICULUM_DESIGNER)
    @BodyLimit(MAX_BYTES)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload a ТОП-Регион list (replaces the whole list of each region and list year in the file)",
            description = "Columns: region, list_year (or year), fgos_code, name, rank (1 = most in demand). "
                    + TABULAR)
    Stored uploadTopRegion(HttpServletRequest request) {
        return new Stored(topRegion.upload(Bodies.read(request, MAX_BYTES), request.getContentType(),
                tenancy.planningScope()));
    }

    @GetMapping("/api/regions/{region}/top-region")
    @Allowed({Role.CURRICULUM_DESIGNER, Role.COLLEGE})
    @Operation(summary = "The region's ТОП-Регион list of a year, which colleges prepare for each entry now, and which "
            + "entries no college covers",
            description = "The list of the year, or the latest list before it. A college prepares for an entry when it "
                    + "has an intake of that ФГОС code not graduated yet. A COLLEGE key sees its own college only "
                    + "(and whether any college covers each entry).")
    TopRegionService.CoverageReport topRegion(@PathVariable String region, @RequestParam int year, Caller caller) {
        return topRegion.coverage(region(region), year, caller.is(Role.COLLEGE) ? caller.college() : null);
    }

    @PostMapping("/api/intake-capacities")
    @Allowed(Role.CURRICULUM_DESIGNER)
    @BodyLimit(MAX_BYTES)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload colleges' intake capacities: the most students a college may admit to a specialty in "
            + "one intake (all or nothing; a repeated college and code replaces it)",
            description = "Columns: college (code), fgos_code, places; source optional. " + TABULAR)
    Stored uploadCapacities(HttpServletRequest request) {
        return new Stored(capacities.upload(Bodies.read(request, MAX_BYTES), request.getContentType(),
                tenancy.planningScope()));
    }

    @GetMapping("/api/intake-capacities")
    @Allowed({Role.CURRICULUM_DESIGNER, Role.COLLEGE})
    @Operation(summary = "The intake capacities of a region's colleges (a COLLEGE key: its own)")
    List<CapacityService.Capacity> capacities(@RequestParam String region, Caller caller) {
        return capacities.list(region(region), caller.is(Role.COLLEGE) ? caller.college() : null);
    }

    /** The region's official name; 404 when unknown or outside the caller's planning scope (told the same). */
    private String region(String codeOrName) {
        return tenancy.requireRegion(regions.officialName(codeOrName.strip())
                .orElseThrow(() -> new NotFoundException("No region " + codeOrName)), codeOrName);
    }

}

package ru.workready.api.employers;

import ru.workready.data.colleges.Regions;

import ru.workready.data.employers.EmployerSupply;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.workready.api.problems.Bodies;
import ru.workready.api.security.Allowed;
import ru.workready.api.security.BodyLimit;
import ru.workready.api.security.Caller;
import ru.workready.data.employers.DemandService;
import ru.workready.data.security.Role;

/**
 * Declared demand for workers by region and year, and how many ready graduates meet it.
 * Roles: declaring demand — EMPLOYER for its own job profiles (every row checked), ADMIN for anything
 * (regional lists by ТФ or qualification too); reading demand and supply — CURRICULUM_DESIGNER (regional
 * authorities among them) and ADMIN all of it, an EMPLOYER only the rows it declared for its own profiles.
 */
@RestController
@Tag(name = "Labour demand")
class DemandController {
    static final long MAX_CSV_BYTES = 10L * 1024 * 1024;

    record Stored(int rows) {
    }

    record SupplyView(String region, int year, int minimumGroupSize, List<EmployerSupply.Supply> rows) {
    }

    private final DemandService demand;
    private final EmployerSupply supplies;

    private final Regions regions;

    DemandController(DemandService demand, EmployerSupply supplies, Regions regions) {
        this.regions = regions;
        this.demand = demand;
        this.supplies = supplies;
    }

    @PostMapping(path = "/api/demand", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Allowed(Role.EMPLOYER)
    @BodyLimit(MAX_CSV_BYTES)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload declared demand as CSV (all or nothing; a repeated target replaces its count)",
            description = "Columns: region, year, needed (or count), then either employer + profile, or "
                    + "standard_code + function_code (a ТФ such as A/01.3 or an ОТФ such as A); source optional. "
                    + "UTF-8 or Windows-1251, ';' or ','. An EMPLOYER key may declare rows for its own job profiles "
                    + "only; ТФ and qualification rows are for ADMIN.")
    Stored uploadCsv(HttpServletRequest request, Caller caller) throws IOException {
        return new Stored(demand.uploadCsv(Bodies.read(request.getInputStream(), MAX_CSV_BYTES), ownEmployer(caller)));
    }

    @PostMapping(path = "/api/demand", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Allowed(Role.EMPLOYER)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Declare demand as JSON: a list of {region, year, needed, employer, profile, standard, "
            + "function, source}")
    Stored upload(@RequestBody List<DemandService.DemandDraft> rows, Caller caller) {
        return new Stored(demand.upload(rows, ownEmployer(caller)));
    }

    /** An employer's key declares for its own profiles only (its organisation code is the employer code). */
    private static @Nullable String ownEmployer(Caller caller) {
        return caller.is(Role.EMPLOYER) ? caller.organisation() : null;
    }

    @GetMapping("/api/demand")
    @Allowed({Role.EMPLOYER, Role.CURRICULUM_DESIGNER})
    @Operation(summary = "Declared demand, optionally for one region and year",
            description = "An EMPLOYER key sees only the demand declared for its own job profiles; regional lists "
                    + "(by ТФ or qualification) and other employers' rows are for CURRICULUM_DESIGNER and ADMIN.")
    List<DemandService.Demand> list(@RequestParam(required = false) @Nullable String region,
                                    @RequestParam(required = false) @Nullable Integer year, Caller caller) {
        String own = ownEmployer(caller);
        return demand.list(regions.canonical(region), year).stream().filter(d -> own == null || own.equals(d.employer())).toList();
    }

    @GetMapping("/api/demand/supply")
    @Allowed({Role.EMPLOYER, Role.CURRICULUM_DESIGNER})
    @Operation(summary = "Supply vs demand: ready graduates of the region's colleges graduating that year, per "
            + "declared need, with the shortfall",
            description = "A profile counts a graduate READY by job fit and must-haves; a ТФ by its level; an ОТФ "
                    + "when all its ТФ are READY. Numbers about fewer than 5 graduates are suppressed. An EMPLOYER "
                    + "key sees the rows of its own declared demand only.")
    SupplyView supply(@RequestParam String region, @RequestParam int year, Caller caller) {
        region = regions.canonical(region);
        return new SupplyView(region, year, ru.workready.engine.employers.SmallCells.K,
                supplies.supply(region, year, ownEmployer(caller)));
    }
}

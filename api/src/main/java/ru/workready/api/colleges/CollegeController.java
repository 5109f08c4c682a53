package ru.workready.api.colleges;

import ru.workready.data.colleges.Regions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.workready.api.paging.Paged;
import ru.workready.api.security.Allowed;
import ru.workready.api.security.Audited;
import ru.workready.api.security.OrganisationView;
import ru.workready.data.colleges.College;
import ru.workready.data.colleges.CollegeService;
import ru.workready.data.colleges.Region;
import ru.workready.data.security.ApiKeyService;
import ru.workready.data.security.OrganisationKind;
import ru.workready.data.security.OrganisationRepository;
import ru.workready.data.security.Role;

/** Colleges (колледжи) and regions (субъекты РФ): a real college starts here, on an empty database. */
@RestController
@Tag(name = "Colleges")
@Allowed({Role.COLLEGE, Role.EMPLOYER, Role.CURRICULUM_DESIGNER, Role.RULE_AUTHOR})
class CollegeController {

    /** A new college; {@code organisation}, if given, is the COLLEGE organisation created with it for its keys. */
    record NewCollege(@Nullable String code, @Nullable String name, @Nullable String shortName, @Nullable String region,
                      @Nullable String inn, @Nullable String address, @Nullable NewOrganisation organisation) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "NewCollegeOrganisation") // simple name taken
    record NewOrganisation(@Nullable String code, @Nullable String name) {
    }

    record CollegeChange(@Nullable String code, @Nullable String name, @Nullable String shortName,
                         @Nullable String region, @Nullable String inn, @Nullable String address) {
    }

    record Registered(College college, @Nullable OrganisationView organisation) {
    }

    private final CollegeService colleges;
    private final Regions regions;
    private final ApiKeyService keys;
    private final TransactionTemplate tx;

    CollegeController(CollegeService colleges, Regions regions, ApiKeyService keys, TransactionTemplate tx) {
        this.colleges = colleges;
        this.regions = regions;
        this.keys = keys;
        this.tx = tx;
    }

    @GetMapping("/api/regions")
    @Operation(summary = "Regions: the 85 subjects of the Russian Federation (code, official name) and any others in use")
    List<Region> regions() {
        return regions.list();
    }

    @GetMapping("/api/colleges")
    @Operation(summary = "Colleges, by code; filters: region (code or name), q (code or name contains)")
    ResponseEntity<List<College>> list(@RequestParam(required = false) @Nullable String region,
                                       @RequestParam(required = false) @Nullable String q,
                                       @RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = Paged.DEFAULT_SIZE) int size) {
        return Paged.of(colleges.search(region, q, page, size));
    }

    @GetMapping("/api/colleges/{code}")
    @Operation(summary = "One college")
    College college(@PathVariable String code) {
        return colleges.find(code);
    }

    @PostMapping("/api/colleges")
    @Allowed(Role.ADMIN)
    @Audited(action = "create-college", subjectKind = "college", subject = "code")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a college, and optionally its COLLEGE organisation (for its API keys) in the same call",
            description = "Body: {\"code\": \"SPK\", \"name\": \"…\", \"region\": \"26\" (code or official name), "
                    + "\"shortName\", \"inn\" (10 digits), \"address\", \"organisation\": {\"code\", \"name\"}}. "
                    + "A duplicate code is 409; every other problem is listed in a 400.")
    Registered create(@RequestBody NewCollege c) {
        return tx.execute(status -> {
            College college = colleges.create(new CollegeService.Draft(c.code(), c.name(), c.shortName(), c.region(),
                    c.inn(), c.address()));
            OrganisationRepository.Organisation organisation = c.organisation() == null ? null
                    : keys.createOrganisation(c.organisation().code(), c.organisation().name() != null
                    ? c.organisation().name() : college.name(), OrganisationKind.COLLEGE, college.code());
            return new Registered(college, organisation == null ? null : OrganisationView.from(organisation));
        });
    }

    @PatchMapping("/api/colleges/{code}")
    @Allowed(Role.ADMIN)
    @Audited(action = "update-college", subjectKind = "college", subject = "code")
    @Operation(summary = "Change a college's name, short name, region, ИНН or address (the code stays)")
    College update(@PathVariable String code, @RequestBody CollegeChange c) {
        return colleges.update(code, new CollegeService.Draft(c.code(), c.name(), c.shortName(), c.region(), c.inn(),
                c.address()));
    }

    @DeleteMapping("/api/colleges/{code}")
    @Allowed(Role.ADMIN)
    @Audited(action = "delete-college", subjectKind = "college", subject = "code")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a college registered by mistake: one with students, programmes, uploads or "
            + "organisations cannot be removed (409)")
    void delete(@PathVariable String code) {
        colleges.delete(code);
    }
}

package ru.workready.api.mapping;

import ru.workready.data.standards.StandardCatalogue;

import ru.workready.data.mapping.MappingCatalogue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.workready.api.downloads.Downloads;
import ru.workready.api.paging.Paged;
import ru.workready.api.problems.Bodies;
import ru.workready.api.security.Allowed;
import ru.workready.api.security.BodyLimit;
import ru.workready.data.InvalidInputException;
import ru.workready.data.NotFoundException;
import ru.workready.data.ProblemType;
import ru.workready.data.mapping.MappingImportService;
import ru.workready.data.mapping.MappingRepository;
import ru.workready.data.security.Role;

/**
 * Mappings from a programme's outcomes to the labour functions (or single elements) of one
 * standard edition: versioned sets with author and date, CSV import and export, browse and search.
 */
@RestController
@Tag(name = "Mappings")
@Allowed({Role.COLLEGE, Role.EMPLOYER, Role.CURRICULUM_DESIGNER, Role.RULE_AUTHOR})
class MappingController {
    static final long MAX_FILE_BYTES = 5L * 1024 * 1024;

    private final MappingImportService importer;
    private final MappingCatalogue mappings;
    private final StandardCatalogue standards;

    MappingController(MappingImportService importer, MappingCatalogue mappings, StandardCatalogue standards) {
        this.importer = importer;
        this.mappings = mappings;
        this.standards = standards;
    }

    @PostMapping(path = "/api/programmes/{programme}/mapping-sets",
            consumes = {"text/csv", "application/csv", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Allowed(Role.CURRICULUM_DESIGNER)
    @BodyLimit(MAX_FILE_BYTES)
    @Operation(summary = "Upload a mapping CSV (outcome_code, function_code, element, type, weight, critical) as a new "
            + "version for one standard edition (standard=id, or standardCode= for the current edition); every bad "
            + "row is listed and nothing is stored; the same rows as the active version store nothing (200)")
    ResponseEntity<MappingImportService.MappingImported> upload(
            @PathVariable long programme, @RequestParam(required = false) @Nullable Long standard,
            @RequestParam(required = false) @Nullable String standardCode, @RequestParam String author,
            HttpServletRequest request) throws IOException {
        long standardId = standard(standard, standardCode);
        MappingImportService.MappingImported r = importer.importFile(programme, standardId, author,
                Bodies.read(request.getInputStream(), MAX_FILE_BYTES));
        return ResponseEntity.status(r.status() == MappingImportService.Status.CREATED ? HttpStatus.CREATED
                : HttpStatus.OK).body(r);
    }

    @GetMapping("/api/programmes/{programme}/mapping-sets")
    @Operation(summary = "Versions of a programme's mappings (author, date, active), newest first; standard= filters "
            + "by edition, active=true keeps the versions in use; paginated")
    ResponseEntity<List<MappingSetView>> sets(
            @PathVariable long programme, @RequestParam(required = false) @Nullable Long standard,
            @RequestParam(defaultValue = "false") boolean active, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = Paged.DEFAULT_SIZE) int size) {
        return Paged.of(mappings.sets(programme, standard, page, size, active), MappingSetView::from);
    }

    @GetMapping("/api/mapping-sets/{id}")
    @Operation(summary = "One mapping version")
    MappingSetView set(@PathVariable long id) {
        return mappings.set(id).map(MappingSetView::from)
                .orElseThrow(() -> new NotFoundException("No mapping set with id " + id));
    }

    @GetMapping("/api/mapping-sets/{id}/mappings")
    @Operation(summary = "The mappings of a version; q searches outcome and function code prefixes and words of "
            + "their names; paginated")
    ResponseEntity<List<MappingRowView>> rows(
            @PathVariable long id, @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = Paged.DEFAULT_SIZE) int size) {
        set(id);
        return Paged.of(mappings.rows(id, q, page, size), MappingRowView::from);
    }

    @GetMapping(path = "/api/mapping-sets/{id}/csv", produces = "text/csv")
    @Operation(summary = "Export a mapping version in the upload format")
    ResponseEntity<String> export(@PathVariable long id) {
        return Downloads.csv("mapping-" + id + ".csv", importer.exportCsv(id));
    }

    private long standard(@Nullable Long id, @Nullable String code) {
        if (id != null) {
            return id;
        }
        if (code == null || code.isBlank()) {
            throw new InvalidInputException(ProblemType.INVALID_PARAMETER,
                    "Name the standard edition: standard=<id> or standardCode=<code> for its current edition");
        }
        return standards.currentEdition(code.strip())
                .orElseThrow(() -> new NotFoundException("No standard with code " + code));
    }
}

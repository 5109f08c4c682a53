package ru.workready.api.programmes;

import ru.workready.data.programmes.ProgrammeCatalogue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import ru.workready.api.security.Tenancy;
import ru.workready.data.programmes.ProgrammeFormat;
import ru.workready.data.programmes.ProgrammeImportService;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.security.Role;

/**
 * Programmes (ФГОС СПО, one version per year of intake): import and export as JSON (with a JSON
 * Schema) or CSV, list and search.
 */
@RestController
@Tag(name = "Programmes")
@Allowed({Role.COLLEGE, Role.EMPLOYER, Role.CURRICULUM_DESIGNER, Role.RULE_AUTHOR})
class ProgrammeController {
    static final long MAX_FILE_BYTES = 5L * 1024 * 1024;
    private static final MediaType SCHEMA = MediaType.parseMediaType("application/schema+json");

    private final ProgrammeImportService importer;
    private final ProgrammeCatalogue programmes;
    private final byte[] schema;
    private final Tenancy tenancy;

    ProgrammeController(ProgrammeImportService importer, ProgrammeCatalogue programmes, Tenancy tenancy) {
        this.importer = importer;
        this.programmes = programmes;
        this.tenancy = tenancy;
        try (InputStream in = ProgrammeFormat.class.getResourceAsStream(ProgrammeFormat.SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the programme JSON Schema is missing from the classpath");
            }
            this.schema = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping(path = "/api/colleges/{college}/programmes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Allowed(Role.COLLEGE)
    @BodyLimit(MAX_FILE_BYTES)
    @Operation(summary = "Import a programme version from a JSON file (schema: /api/programmes/schema); "
            + "201 when stored, 200 when the same version was already stored, 409 when it differs")
    ResponseEntity<ProgrammeImportService.ProgrammeImported> importJson(@PathVariable String college,
                                                                        HttpServletRequest request) {
        tenancy.requireCollege(college);
        return answer(importer.importJson(college, body(request)));
    }

    @PostMapping(path = "/api/colleges/{college}/programmes", consumes = {"text/csv", "application/csv"})
    @Allowed(Role.COLLEGE)
    @BodyLimit(MAX_FILE_BYTES)
    @Operation(summary = "Import a programme version from the CSV variant (kind;code;name;activity_code;module_code;"
            + "parent_code;qualification;qualification_level;intake_year), UTF-8 or Windows-1251, ; or ,")
    ResponseEntity<ProgrammeImportService.ProgrammeImported> importCsv(@PathVariable String college,
                                                                       HttpServletRequest request) {
        tenancy.requireCollege(college);
        return answer(importer.importCsv(college, body(request)));
    }

    @PostMapping(path = "/api/colleges/{college}/programmes",
            consumes = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Allowed(Role.COLLEGE)
    @BodyLimit(MAX_FILE_BYTES)
    @Operation(summary = "Import a programme version from an XLSX workbook: the CSV variant's columns on the first sheet")
    ResponseEntity<ProgrammeImportService.ProgrammeImported> importXlsx(@PathVariable String college,
                                                                        HttpServletRequest request) {
        tenancy.requireCollege(college);
        return answer(importer.importXlsx(college, body(request)));
    }

    @GetMapping("/api/programmes")
    @Operation(summary = "Programme versions; q searches ФГОС code prefixes and words of names and qualifications "
            + "(Russian stemming); college filters; paginated (X-Total-Count, Link)")
    ResponseEntity<List<ProgrammeSummaryView>> list(
            @RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String college,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = Paged.DEFAULT_SIZE) int size) {
        return Paged.of(programmes.search(q, college, page, size), ProgrammeSummaryView::from);
    }

    @GetMapping("/api/programmes/{id}/outcomes")
    @Operation(summary = "A programme's outcomes (ПК, ОК, practical experience, skills, knowledge); q searches code "
            + "prefixes (ПК 1) and words of the wording; paginated")
    ResponseEntity<List<ru.workready.engine.programmes.Outcome>> outcomes(
            @PathVariable long id, @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = Paged.DEFAULT_SIZE) int size) {
        programmes.summary(id).orElseThrow(() -> new ru.workready.data.NotFoundException("No programme with id " + id));
        return Paged.of(programmes.searchOutcomes(id, q, page, size));
    }

    @GetMapping(path = "/api/programmes/schema", produces = "application/schema+json")
    @Operation(summary = "The JSON Schema of programme files")
    ResponseEntity<byte[]> schema() {
        return ResponseEntity.ok().contentType(SCHEMA).body(schema);
    }

    @GetMapping(path = "/api/programmes/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Export a programme version as a JSON programme file (importable as it is)")
    ResponseEntity<byte[]> exportJson(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(importer.exportJson(id));
    }

    @GetMapping(path = "/api/programmes/{id}/csv", produces = "text/csv")
    @Operation(summary = "Export a programme version as the CSV variant (importable as it is)")
    ResponseEntity<String> exportCsv(@PathVariable long id) {
        return Downloads.csv("programme-" + id + ".csv", importer.exportCsv(id));
    }

    private static byte[] body(HttpServletRequest request) {
        return Bodies.read(request, MAX_FILE_BYTES);
    }

    private static ResponseEntity<ProgrammeImportService.ProgrammeImported> answer(
            ProgrammeImportService.ProgrammeImported result) {
        return ResponseEntity.status(result.status() == ProgrammeImportService.Status.CREATED
                ? HttpStatus.CREATED : HttpStatus.OK).body(result);
    }
}

package ru.workready.api.standards;

import ru.workready.data.standards.StandardCatalogue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import ru.workready.api.paging.Paged;
import ru.workready.api.problems.Bodies;
import ru.workready.api.problems.PayloadTooLargeException;
import ru.workready.api.security.Allowed;
import ru.workready.api.security.BodyLimit;
import ru.workready.data.InvalidInputException;
import ru.workready.data.NotFoundException;
import ru.workready.data.ProblemType;
import ru.workready.data.security.Role;
import ru.workready.data.standards.StandardImportService;
import ru.workready.data.standards.StandardRepository;
import ru.workready.data.standards.StandardSummary;
import ru.workready.engine.standards.ElementKind;
import ru.workready.engine.standards.FunctionRequirements;
import ru.workready.engine.standards.ProfessionalStandard;
import ru.workready.engine.standards.StandardDetails;

/**
 * Professional standards: list and search editions, browse ОТФ → ТФ → elements, search labour
 * functions and their elements, import Ministry XML (raw body or multipart, size-limited).
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Professional standards")
@Allowed({Role.COLLEGE, Role.EMPLOYER, Role.CURRICULUM_DESIGNER, Role.RULE_AUTHOR})
class StandardController {
    static final long MAX_XML_BYTES = 20L * 1024 * 1024;
    /** The whole multipart request, as spring.servlet.multipart.max-request-size. */
    static final long MAX_MULTIPART_BYTES = 100L * 1024 * 1024;

    /** An element with its row id (for mappings in this database) and stable key (for files). */
    record ElementView(long id, String key, int position, String text) {
    }

    record FunctionView(String code, String name, int subLevel, List<ElementView> labourActions,
                        List<ElementView> requiredSkills, List<ElementView> requiredKnowledge) {
    }

    record GeneralizedView(String code, String name, int qualificationLevel, List<String> jobTitles,
                           FunctionRequirements requirements, List<FunctionView> functions) {
    }

    record StandardView(StandardSummary edition, String activityKind, StandardDetails details,
                        List<GeneralizedView> generalizedFunctions) {
    }

    record FunctionDetailView(FunctionHitView function, List<ElementView> labourActions,
                              List<ElementView> requiredSkills, List<ElementView> requiredKnowledge) {
    }

    private final StandardCatalogue standards;
    private final StandardImportService importer;

    StandardController(StandardCatalogue standards, StandardImportService importer) {
        this.standards = standards;
        this.importer = importer;
    }

    @GetMapping("/standards")
    @Operation(summary = "Editions of professional standards, the current edition of each code marked; "
            + "q searches codes (prefix) and words of names (Russian stemming); paginated (X-Total-Count, Link)")
    ResponseEntity<List<StandardSummary>> list(@RequestParam(required = false) @Nullable String q,
                                               @RequestParam(defaultValue = "false") boolean current,
                                               @RequestParam(defaultValue = "0") int page,
                                               @RequestParam(defaultValue = Paged.DEFAULT_SIZE) int size) {
        return Paged.of(standards.search(q, current, page, size));
    }

    @GetMapping("/standards/{id}")
    @Operation(summary = "One edition with its generalized and labour functions, optional lists included "
            + "(elements with ?elements=true)")
    StandardView get(@PathVariable long id, @RequestParam(defaultValue = "false") boolean elements) {
        StandardSummary summary = standards.summary(id).orElseThrow(() -> new NotFoundException("No standard with id " + id));
        ProfessionalStandard s = standards.load(id, false).orElseThrow();
        java.util.Map<String, List<StandardRepository.ElementRow>> rows = elements
                ? standards.elementsByFunction(id) : java.util.Map.of();
        return new StandardView(summary, s.activityKind(), s.details(), s.generalizedFunctions().stream()
                .map(g -> new GeneralizedView(g.code(), g.name(), g.qualificationLevel(), g.jobTitles(),
                        g.requirements(), g.functions().stream().map(f -> {
                            List<ElementView> all = rows.getOrDefault(f.code(), List.of()).stream()
                                    .map(e -> new ElementView(e.id(), e.key(), e.position(), e.text())).toList();
                            return new FunctionView(f.code(), f.name(), f.subLevel(), of(all, ElementKind.LABOUR_ACTION),
                                    of(all, ElementKind.REQUIRED_SKILL), of(all, ElementKind.REQUIRED_KNOWLEDGE));
                        }).toList()))
                .toList());
    }

    @GetMapping("/standards/{id}/functions")
    @Operation(summary = "Labour functions of one edition; q searches codes and words of names; paginated")
    ResponseEntity<List<FunctionHitView>> functionsOf(
            @PathVariable long id, @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = Paged.DEFAULT_SIZE) int size) {
        standards.summary(id).orElseThrow(() -> new NotFoundException("No standard with id " + id));
        return Paged.of(standards.searchFunctions(q, id, false, page, size), FunctionHitView::from);
    }

    @GetMapping("/standards/{id}/functions/{generalized}/{number}")
    @Operation(summary = "One labour function, e.g. /standards/2/functions/A/01.3, with its labour actions (LA1 …), "
            + "required skills (RS1 …) and necessary knowledge (NK1 …), each with its id")
    FunctionDetailView function(@PathVariable long id, @PathVariable String generalized, @PathVariable String number) {
        String code = generalized + "/" + number;
        StandardRepository.FunctionDetail d = standards.function(id, code)
                .orElseThrow(() -> new NotFoundException("No labour function " + code + " in standard " + id));
        List<ElementView> all = d.elements().stream()
                .map(e -> new ElementView(e.id(), e.key(), e.position(), e.text())).toList();
        return new FunctionDetailView(FunctionHitView.from(d.function()), of(all, ElementKind.LABOUR_ACTION),
                of(all, ElementKind.REQUIRED_SKILL), of(all, ElementKind.REQUIRED_KNOWLEDGE));
    }

    @GetMapping("/functions")
    @Operation(summary = "Search labour functions by code (A/01.3, Cyrillic letters allowed) or words of names, "
            + "in current editions (all=true: every edition; standard=id: one edition); paginated")
    ResponseEntity<List<FunctionHitView>> searchFunctions(
            @RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Long standard,
            @RequestParam(defaultValue = "false") boolean all, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = Paged.DEFAULT_SIZE) int size) {
        return Paged.of(standards.searchFunctions(q, standard, !all, page, size), FunctionHitView::from);
    }

    @GetMapping("/function-elements")
    @Operation(summary = "Search labour actions, required skills and necessary knowledge by words, in current "
            + "editions (all=true: every edition; standard=id: one edition); paginated")
    ResponseEntity<List<ElementHitView>> searchElements(
            @RequestParam String q, @RequestParam(required = false) @Nullable Long standard,
            @RequestParam(defaultValue = "false") boolean all, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = Paged.DEFAULT_SIZE) int size) {
        if (q.isBlank()) {
            throw new InvalidInputException(ProblemType.INVALID_PARAMETER, "Parameter 'q' must not be blank");
        }
        return Paged.of(standards.searchElements(q, standard, !all, page, size), ElementHitView::from);
    }

    @PostMapping(path = "/standards", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Allowed(Role.ADMIN)
    @BodyLimit(MAX_XML_BYTES)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Import a Ministry of Labour XML file (one or many standards), all or nothing; "
            + "re-importing is a no-op (status UNCHANGED); a new edition reports its diff")
    List<ImportedStandardView> importXml(HttpServletRequest request) throws IOException {
        return importer.importXml(Bodies.read(request.getInputStream(), MAX_XML_BYTES)).stream()
                .map(ImportedStandardView::from).toList();
    }

    @PostMapping(path = "/standards", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Allowed(Role.ADMIN)
    @BodyLimit(MAX_MULTIPART_BYTES)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Import one or more Ministry XML files as multipart parts (any part name), "
            + "each at most " + MAX_XML_BYTES / (1024 * 1024) + " MB, all files or none")
    List<ImportedStandardView.FileView> importMultipart(MultipartHttpServletRequest request) throws IOException {
        List<StandardImportService.SourceFile> files = new ArrayList<>();
        for (MultipartFile f : request.getMultiFileMap().values().stream().flatMap(List::stream).toList()) {
            if (f.getSize() > MAX_XML_BYTES) {
                throw new PayloadTooLargeException(MAX_XML_BYTES);
            }
            String name = f.getOriginalFilename() == null || f.getOriginalFilename().isBlank()
                    ? f.getName() : f.getOriginalFilename();
            files.add(new StandardImportService.SourceFile(name, Bodies.read(f.getInputStream(), MAX_XML_BYTES)));
        }
        if (files.isEmpty()) {
            throw new InvalidInputException(ProblemType.INVALID_STANDARD_XML, "The multipart request holds no file");
        }
        return importer.importFiles(files).stream().map(ImportedStandardView.FileView::from).toList();
    }

    private static List<ElementView> of(List<ElementView> elements, ElementKind kind) {
        return elements.stream().filter(e -> e.key().startsWith(kind.prefix())).toList();
    }

}

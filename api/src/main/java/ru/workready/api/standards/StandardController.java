package ru.workready.api.standards;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.workready.api.problems.Bodies;
import ru.workready.api.security.Allowed;
import ru.workready.api.security.BodyLimit;
import ru.workready.data.NotFoundException;
import ru.workready.data.security.Role;
import ru.workready.data.standards.StandardImportService;
import ru.workready.data.standards.StandardRepository;
import ru.workready.data.standards.StandardSummary;
import ru.workready.engine.standards.ElementKind;
import ru.workready.engine.standards.FunctionElement;
import ru.workready.engine.standards.ProfessionalStandard;

/** Professional standards: list editions, browse ОТФ → ТФ → elements, import Ministry XML. */
@RestController
@RequestMapping("/api/standards")
@Tag(name = "Professional standards")
@Allowed({Role.COLLEGE, Role.EMPLOYER, Role.CURRICULUM_DESIGNER})
class StandardController {
    static final long MAX_XML_BYTES = 20L * 1024 * 1024;

    record FunctionView(String code, String name, int subLevel, List<FunctionElement> labourActions,
                        List<FunctionElement> requiredSkills, List<FunctionElement> requiredKnowledge) {
    }

    record GeneralizedView(String code, String name, int qualificationLevel, List<String> jobTitles,
                           List<FunctionView> functions) {
    }

    record StandardView(StandardSummary edition, String activityKind, List<GeneralizedView> generalizedFunctions) {
    }

    private final StandardRepository standards;
    private final StandardImportService importer;

    StandardController(StandardRepository standards, StandardImportService importer) {
        this.standards = standards;
        this.importer = importer;
    }

    @GetMapping
    @Operation(summary = "All stored editions of professional standards, the current edition of each code marked")
    List<StandardSummary> list() {
        return standards.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One edition with its generalized and labour functions (elements with ?elements=true)")
    StandardView get(@PathVariable long id, @RequestParam(defaultValue = "false") boolean elements) {
        StandardSummary summary = standards.summary(id).orElseThrow(() -> new NotFoundException("No standard with id " + id));
        ProfessionalStandard s = standards.load(id, elements).orElseThrow();
        return new StandardView(summary, s.activityKind(), s.generalizedFunctions().stream()
                .map(g -> new GeneralizedView(g.code(), g.name(), g.qualificationLevel(), g.jobTitles(),
                        g.functions().stream().map(f -> new FunctionView(f.code(), f.name(), f.subLevel(),
                                of(f.elements(), ElementKind.LABOUR_ACTION), of(f.elements(), ElementKind.REQUIRED_SKILL),
                                of(f.elements(), ElementKind.REQUIRED_KNOWLEDGE))).toList()))
                .toList());
    }

    @PostMapping(consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Allowed(Role.ADMIN)
    @BodyLimit(MAX_XML_BYTES)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Import a Ministry of Labour XML file (one or many standards), all or nothing")
    List<StandardImportService.Imported> importXml(HttpServletRequest request) throws IOException {
        return importer.importXml(Bodies.read(request.getInputStream(), MAX_XML_BYTES));
    }

    private static List<FunctionElement> of(List<FunctionElement> elements, ElementKind kind) {
        return elements.stream().filter(e -> e.kind() == kind).toList();
    }
}

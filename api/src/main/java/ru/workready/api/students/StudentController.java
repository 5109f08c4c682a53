package ru.workready.api.students;

import ru.workready.data.scoring.Moment;

import static ru.workready.engine.Decimals.fourOrNull;

import ru.workready.data.programmes.ProgrammeCatalogue;

import ru.workready.data.students.StudentRecords;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.workready.api.language.Russian;
import ru.workready.data.ProblemType;
import ru.workready.data.scoring.ReadinessService;
import ru.workready.api.security.Allowed;
import ru.workready.api.security.Audited;
import ru.workready.api.security.Tenancy;
import ru.workready.data.NotFoundException;
import ru.workready.data.security.Role;
import ru.workready.data.students.StudentRepository;
import ru.workready.engine.scoring.FunctionScore;
import ru.workready.engine.scoring.GeneralizedScore;
import ru.workready.engine.scoring.OutcomeContribution;
import ru.workready.engine.scoring.ReadinessLevel;

/** Students of a college and their readiness per labour function. */
@RestController
@Tag(name = "Students and readiness")
class StudentController {

    record StandardRef(long id, String code, String name, String orderNumber, LocalDate approvalDate) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "FunctionReadinessView") // simple name taken
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FunctionView(String code, String name, int qualificationLevel, ReadinessLevel level,
                        @Nullable Double readiness, double coverage, String reason, List<String> rules,
                        @Nullable List<OutcomeContribution> outcomes) {
    }

    /**
     * computedAt: when these scores were computed (stored scores are served while current); versions: "today" or
     * "asOf", which rule-set and mapping versions were used; knownAt: set when evidence recorded later was left out.
     */
    record ReadinessView(String studentId, String college, StandardRef standard, java.time.LocalDate asOf,
                         String versions, @JsonInclude(JsonInclude.Include.NON_NULL) java.time.@Nullable Instant knownAt,
                         String ruleSetVersion, int mappingVersion, OffsetDateTime computedAt, Map<ReadinessLevel, Integer> summary,
                         List<GeneralizedScore> generalizedFunctions, List<FunctionView> functions,
                         ru.workready.data.expertise.ExpertiseStatements.Statement mappingExpertise) {
    }

    private final StudentRecords students;
    private final ReadinessService readiness;
    private final ProgrammeCatalogue programmes;
    private final Tenancy tenancy;

    private final java.time.Clock clock;
    private final ru.workready.data.expertise.ExpertiseStatements expertise;

    StudentController(StudentRecords students, ReadinessService readiness, ProgrammeCatalogue programmes, Tenancy tenancy, java.time.Clock clock,
                      ru.workready.data.expertise.ExpertiseStatements expertise) {
        this.clock = clock;
        this.expertise = expertise;
        this.students = students;
        this.readiness = readiness;
        this.programmes = programmes;
        this.tenancy = tenancy;
    }

    @GetMapping("/api/colleges/{college}/students")
    @Allowed(Role.COLLEGE)
    @Audited(action = "list-students", subjectKind = "college", subject = "college")
    @Operation(summary = "Students of a college")
    List<StudentView> list(@PathVariable String college) {
        tenancy.requireCollege(college);
        programmes.collegeId(college).orElseThrow(() -> new NotFoundException("No college with code " + college));
        return students.byCollege(college).stream().map(StudentView::from).toList();
    }

    @GetMapping("/api/students/{id}/evidence")
    @Allowed(Role.COLLEGE)
    @Audited(action = "read-evidence", subjectKind = "student", subject = "id")
    @Operation(summary = "A student's evidence history: every result ever uploaded, superseded ones marked",
            description = "Evidence is append-only: a retake or a correction is a new row; current=false marks a "
                    + "row that a later one of the same outcome (or ОТФ) and kind supersedes.")
    List<EvidenceView> evidence(@PathVariable String id) {
        tenancy.requireStudent(students.find(id).orElseThrow(() -> new NotFoundException("No student with id " + id)));
        return students.records(id).stream().map(EvidenceView::from).toList();
    }

    @GetMapping("/api/students/{id}/readiness")
    @Allowed({Role.COLLEGE, Role.EMPLOYER})
    @Audited(action = "read-readiness", subjectKind = "student", subject = "id")
    @Operation(summary = "Readiness of a student per labour function of a professional standard",
            description = "Computed by the default methodology; level policy by the active rule set. Stored scores "
                    + "are served while current (no newer evidence, same rule-set and mapping versions, computed "
                    + "today); otherwise they are computed and stored now. With explain=true each function lists its "
                    + "outcomes' mastery and evidence contributions (always computed). With asOf=YYYY-MM-DD: the "
                    + "readiness the student had at the end of that day — only evidence assessed on or before it, "
                    + "retakes decided among those, ages counted from it — under today's rule set and mapping; "
                    + "computed, never stored. versions=asOf (with asOf): the rule-set version active for the "
                    + "student's college, region or default at the end of that day (activation history) and the "
                    + "mapping version active then, instead of today's. knownAt=<ISO instant>: also leaves out "
                    + "evidence recorded after that instant — what the product would have answered then. mappingExpertise says "
                    + "whether the mapping version used passed employer expertise, when, by whom, and the rows "
                    + "experts disputed.")
    ReadinessView readiness(@PathVariable String id, @RequestParam(defaultValue = "06.001") String standard,
                            @RequestParam(defaultValue = "false") boolean explain,
                            @RequestParam(required = false) java.time.@Nullable LocalDate asOf,
                            @RequestParam(defaultValue = "today") String versions,
                            @RequestParam(required = false) @Nullable String knownAt,
                            jakarta.servlet.http.HttpServletRequest request) {
        boolean russian = Russian.wanted(request);
        // a student of another college, or without consent for an employer, looks exactly like an unknown id
        StudentRepository.Student student = students.find(id)
                .orElseThrow(() -> new NotFoundException("No student with id " + id));
        tenancy.requireStudent(student);
        ru.workready.data.Inputs.requireDate("asOf", asOf);
        java.time.LocalDate today = readiness.today();
        if (asOf != null && asOf.isAfter(today)) {
            throw new ru.workready.data.InvalidInputException(ProblemType.INVALID_AS_OF,
                    "asOf " + asOf + " is after today",
                    List.of(new ru.workready.data.InvalidInputException.Problem(null, "asOf", asOf.toString(),
                            "a past day or today (" + today + ")")), 1);
        }
        Moment at = Moment.parse(asOf, versions, knownAt, today);
        // the evidence detail is not stored (bulk rows keep only the decision): explain computes it
        ReadinessService.Served served = asOf != null && asOf.isBefore(today)
                || at.versions() != Moment.Versions.TODAY || at.knownAt() != null
                ? new ReadinessService.Served(readiness.asOf(id, standard, at), OffsetDateTime.now(clock), false)
                : explain
                ? new ReadinessService.Served(readiness.assess(id, standard), OffsetDateTime.now(clock), false)
                : readiness.read(student, standard);
        ReadinessService.Assessed a = served.assessed();
        Map<ReadinessLevel, Integer> summary = new TreeMap<>();
        for (FunctionScore f : a.readiness().functions()) {
            summary.merge(f.level(), 1, Integer::sum);
        }
        return new ReadinessView(id, a.student().collegeCode(),
                new StandardRef(a.standardId(), a.standard().code(), a.standard().name(), a.standard().orderNumber(),
                        a.standard().approvalDate()),
                at.date(), at.versions().label(), at.knownAt(), a.readiness().ruleSetVersion(), a.mappingVersion(), served.computedAt(), summary, a.readiness().generalizedFunctions().stream().map(g -> new GeneralizedScore(g.standardCode(), g.code(),
                        fourOrNull(g.readiness()), g.level(), g.scoredFunctions())).toList(),
                a.readiness().functions().stream().map(f -> new FunctionView(f.code(), f.name(),
                        f.qualificationLevel(), f.level(), fourOrNull(f.readiness()), fourOrNull(f.coverage()),
                        russian ? Russian.reason(f) : f.reason(), f.rules(),
                        !explain ? null : russian ? Russian.outcomes(f.outcomes()) : f.outcomes())).toList(),
                // whether the mapping version these scores used passed employer expertise (docs/expertise.md)
                expertise.ofVersion(a.student().programmeId(), a.standardId(), a.mappingVersion()));
    }
}

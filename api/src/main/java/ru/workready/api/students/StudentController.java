package ru.workready.api.students;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.workready.api.scoring.ReadinessService;
import ru.workready.data.NotFoundException;
import ru.workready.data.assessments.EvidenceRepository;
import ru.workready.data.programmes.ProgrammeRepository;
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

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FunctionView(String code, String name, int qualificationLevel, ReadinessLevel level,
                        @Nullable Double readiness, double coverage, String reason, List<String> rules,
                        @Nullable List<OutcomeContribution> outcomes) {
    }

    record ReadinessView(String studentId, String college, StandardRef standard, String ruleSetVersion,
                         int mappingVersion, Map<ReadinessLevel, Integer> summary,
                         List<GeneralizedScore> generalizedFunctions, List<FunctionView> functions) {
    }

    private final StudentRepository students;
    private final ReadinessService readiness;
    private final ProgrammeRepository programmes;
    private final EvidenceRepository evidence;

    StudentController(StudentRepository students, ReadinessService readiness, ProgrammeRepository programmes,
                      EvidenceRepository evidence) {
        this.students = students;
        this.readiness = readiness;
        this.programmes = programmes;
        this.evidence = evidence;
    }

    @GetMapping("/api/colleges/{college}/students")
    @Operation(summary = "Students of a college")
    List<StudentRepository.Student> list(@PathVariable String college) {
        programmes.collegeId(college).orElseThrow(() -> new NotFoundException("No college with code " + college));
        return students.byCollege(college);
    }

    @GetMapping("/api/students/{id}/evidence")
    @Operation(summary = "A student's evidence history: every result ever uploaded, superseded ones marked",
            description = "Evidence is append-only: a retake or a correction is a new row; current=false marks a "
                    + "row that a later one of the same outcome (or ОТФ) and kind supersedes.")
    List<EvidenceRepository.EvidenceRecord> evidence(@PathVariable String id) {
        students.find(id).orElseThrow(() -> new NotFoundException("No student with id " + id));
        return evidence.records(id);
    }

    @GetMapping("/api/students/{id}/readiness")
    @Operation(summary = "Readiness of a student per labour function of a professional standard",
            description = "Computed by the default methodology; level policy by the active rule set. "
                    + "With explain=true each function lists its outcomes' mastery and evidence contributions.")
    ReadinessView readiness(@PathVariable String id, @RequestParam(defaultValue = "06.001") String standard,
                            @RequestParam(defaultValue = "false") boolean explain) {
        ReadinessService.Assessed a = readiness.assess(id, standard);
        Map<ReadinessLevel, Integer> summary = new TreeMap<>();
        for (FunctionScore f : a.readiness().functions()) {
            summary.merge(f.level(), 1, Integer::sum);
        }
        return new ReadinessView(id, a.student().collegeCode(),
                new StandardRef(a.standardId(), a.standard().code(), a.standard().name(), a.standard().orderNumber(),
                        a.standard().approvalDate()),
                a.readiness().ruleSetVersion(), a.mappingVersion(), summary, a.readiness().generalizedFunctions().stream().map(g -> new GeneralizedScore(g.standardCode(), g.code(),
                        round(g.readiness()), g.level(), g.scoredFunctions())).toList(),
                a.readiness().functions().stream().map(f -> new FunctionView(f.code(), f.name(),
                        f.qualificationLevel(), f.level(), round(f.readiness()), round(f.coverage()), f.reason(),
                        f.rules(), explain ? f.outcomes() : null)).toList());
    }

    private static @Nullable Double round(@Nullable Double v) {
        return v == null ? null : Math.round(v * 10000) / 10000.0;
    }
}

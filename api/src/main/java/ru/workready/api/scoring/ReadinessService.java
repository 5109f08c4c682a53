package ru.workready.api.scoring;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.data.NotFoundException;
import ru.workready.data.assessments.EvidenceRepository;
import ru.workready.data.mapping.MappingRepository;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.scoring.ScoreRepository;
import ru.workready.data.standards.StandardRepository;
import ru.workready.data.students.StudentRepository;
import ru.workready.engine.scoring.Readiness;
import ru.workready.engine.scoring.ScoringInput;
import ru.workready.engine.scoring.StudentReadiness;
import ru.workready.engine.standards.ProfessionalStandard;

/** Gathers one student's facts, runs the evaluator and stores the scores it produced. */
@Service
public class ReadinessService {

    /** A student's readiness with the versions of everything it was computed from. */
    public record Assessed(StudentRepository.Student student, long standardId, ProfessionalStandard standard,
                           int mappingVersion, StudentReadiness readiness) {
    }

    private final StudentRepository students;
    private final ProgrammeRepository programmes;
    private final MappingRepository mappings;
    private final StandardRepository standards;
    private final EvidenceRepository evidence;
    private final ScoreRepository scores;
    private final Readiness readiness;

    public ReadinessService(StudentRepository students, ProgrammeRepository programmes, MappingRepository mappings,
                            StandardRepository standards, EvidenceRepository evidence, ScoreRepository scores,
                            Readiness readiness) {
        this.students = students;
        this.programmes = programmes;
        this.mappings = mappings;
        this.standards = standards;
        this.evidence = evidence;
        this.scores = scores;
        this.readiness = readiness;
    }

    /** Scores the student against the standard edition their programme is mapped to, and stores the result. */
    @Transactional
    public Assessed assess(String studentId, String standardCode) {
        StudentRepository.Student student = students.find(studentId)
                .orElseThrow(() -> new NotFoundException("No student with id " + studentId));
        int programmeLevel = programmes.summary(student.programmeId()).orElseThrow().qualificationLevel();
        MappingRepository.ActiveMapping mapping = mappings.active(student.programmeId(), standardCode)
                .orElseThrow(() -> new NotFoundException("The student's programme has no mapping to standard "
                        + standardCode));
        ProfessionalStandard standard = standards.load(mapping.standardId(), false).orElseThrow();
        StudentReadiness result = readiness.evaluate(new ScoringInput(studentId, standard, programmeLevel,
                mapping.mappings(), evidence.history(studentId)));
        scores.save(result, standards.functionIds(mapping.standardId()), mapping.mappingSetId());
        return new Assessed(student, mapping.standardId(), standard, mapping.version(), result);
    }

    /** Recomputes the stored scores of students whose evidence changed, for every mapped standard. */
    @Transactional
    public int rescore(List<String> studentIds) {
        int n = 0;
        for (String id : studentIds) {
            StudentRepository.Student student = students.find(id).orElseThrow();
            for (String code : mappings.mappedStandardCodes(student.programmeId())) {
                assess(id, code);
                n++;
            }
        }
        return n;
    }
}

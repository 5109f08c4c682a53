package ru.workready.api.scoring;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.api.rulebase.RuleBaseRegistry;
import ru.workready.api.rulebase.RuleBaseRegistry.CompiledRuleSet;
import ru.workready.data.NotFoundException;
import ru.workready.data.assessments.EvidenceRepository;
import ru.workready.data.mapping.MappingRepository;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.scoring.ScoreRepository;
import ru.workready.data.standards.StandardRepository;
import ru.workready.data.students.StudentRepository;
import ru.workready.engine.assessments.Evidence;
import ru.workready.engine.scoring.ScoringInput;
import ru.workready.engine.scoring.StudentReadiness;
import ru.workready.engine.standards.ProfessionalStandard;

/**
 * Gathers one student's facts, runs the active rule set of the student's scope (college, else
 * region, else default) and stores the scores it produced; what-if variants store nothing.
 */
@Service
public class ReadinessService {

    /** A student's readiness with the versions of everything it was computed from. */
    public record Assessed(StudentRepository.Student student, long standardId, ProfessionalStandard standard,
                           int mappingVersion, StudentReadiness readiness) {
    }

    /** One student's facts for one standard, before any rule set has judged them. */
    record Prepared(StudentRepository.Student student, MappingRepository.ActiveMapping mapping,
                    ProfessionalStandard standard, ScoringInput input) {
    }

    private final StudentRepository students;
    private final ProgrammeRepository programmes;
    private final MappingRepository mappings;
    private final StandardRepository standards;
    private final EvidenceRepository evidence;
    private final ScoreRepository scores;
    private final RuleBaseRegistry ruleBases;
    /** Stored editions never change their functions (a different content is refused), so they are cached. */
    private final Map<Long, Edition> editions = new ConcurrentHashMap<>();

    private record Edition(ProfessionalStandard standard, Map<String, Long> functionIds) {
    }

    public ReadinessService(StudentRepository students, ProgrammeRepository programmes, MappingRepository mappings,
                            StandardRepository standards, EvidenceRepository evidence, ScoreRepository scores,
                            RuleBaseRegistry ruleBases) {
        this.students = students;
        this.programmes = programmes;
        this.mappings = mappings;
        this.standards = standards;
        this.evidence = evidence;
        this.scores = scores;
        this.ruleBases = ruleBases;
    }

    Prepared prepare(String studentId, String standardCode) {
        StudentRepository.Student student = students.find(studentId)
                .orElseThrow(() -> new NotFoundException("No student with id " + studentId));
        int programmeLevel = programmes.summary(student.programmeId()).orElseThrow().qualificationLevel();
        MappingRepository.ActiveMapping mapping = mappings.active(student.programmeId(), standardCode)
                .orElseThrow(() -> new NotFoundException("The student's programme has no mapping to standard "
                        + standardCode));
        ProfessionalStandard standard = edition(mapping.standardId()).standard();
        return new Prepared(student, mapping, standard, new ScoringInput(studentId, standard, programmeLevel,
                mapping.mappings(), evidence.history(student.collegeId(), studentId)));
    }

    private Edition edition(long standardId) {
        return editions.computeIfAbsent(standardId, id -> new Edition(standards.load(id, false).orElseThrow(),
                Map.copyOf(standards.functionIds(id))));
    }

    /** The rule set that judges this student now. */
    public CompiledRuleSet ruleSetFor(StudentRepository.Student student) {
        return ruleBases.forCollege(student.collegeCode());
    }

    /** Scores the student against the standard edition their programme is mapped to, and stores the result. */
    @Transactional
    public Assessed assess(String studentId, String standardCode) {
        Prepared p = prepare(studentId, standardCode);
        StudentReadiness result = ruleSetFor(p.student()).readiness().evaluate(p.input());
        scores.save(result, edition(p.mapping().standardId()).functionIds(), p.mapping().mappingSetId());
        return new Assessed(p.student(), p.mapping().standardId(), p.standard(), p.mapping().version(), result);
    }

    /** The student's readiness if these extra results were recorded; nothing is stored. */
    public Assessed whatIf(String studentId, String standardCode, List<Evidence> extra) {
        Prepared p = prepare(studentId, standardCode);
        StudentReadiness result = ruleSetFor(p.student()).readiness().evaluate(p.input().withExtraEvidence(extra));
        return new Assessed(p.student(), p.mapping().standardId(), p.standard(), p.mapping().version(), result);
    }

    /** Readiness now, without storing it (the baseline of a what-if). */
    public Assessed current(String studentId, String standardCode) {
        Prepared p = prepare(studentId, standardCode);
        StudentReadiness result = ruleSetFor(p.student()).readiness().evaluate(p.input());
        return new Assessed(p.student(), p.mapping().standardId(), p.standard(), p.mapping().version(), result);
    }

    /** Recomputes the stored scores of students whose evidence changed, for every mapped standard. */
    @Transactional
    public int rescore(List<String> studentIds) {
        int n = 0;
        // One order for every caller (uploads, the stale-score job), so concurrent rescoring of
        // overlapping students takes row locks in the same order and cannot deadlock.
        for (String id : studentIds.stream().distinct().sorted().toList()) {
            StudentRepository.Student student = students.find(id).orElseThrow();
            for (String code : mappings.mappedStandardCodes(student.programmeId())) {
                assess(id, code);
                n++;
            }
        }
        return n;
    }
}

package ru.workready.data.scoring;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import ru.workready.data.scoring.Moment.Versions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.data.ProblemType;
import ru.workready.data.rulesets.RuleBaseRegistry;
import ru.workready.data.rulesets.RuleBaseRegistry.CompiledRuleSet;
import ru.workready.data.NotFoundException;
import ru.workready.data.assessments.EvidenceRepository;
import ru.workready.data.mapping.MappingRepository;
import ru.workready.data.programmes.ProgrammeRepository;
import ru.workready.data.scoring.ScoreRepository;
import ru.workready.data.standards.StandardRepository;
import ru.workready.data.students.StudentRepository;
import ru.workready.engine.assessments.Evidence;
import ru.workready.engine.scoring.FunctionScore;
import ru.workready.engine.scoring.ReadinessEvaluator;
import ru.workready.engine.scoring.ScoringInput;
import ru.workready.engine.scoring.StudentReadiness;
import ru.workready.engine.standards.GeneralizedFunction;
import ru.workready.engine.standards.LabourFunction;
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

    /**
     * A read of a student's readiness: the stored scores when they are current, else computed and
     * stored now.
     *
     * @param computedAt when the scores were computed (now, when computed for this read)
     * @param fromStore  true when served from {@code readiness_score} without evaluating
     */
    public record Served(Assessed assessed, OffsetDateTime computedAt, boolean fromStore) {
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
    private final Clock clock;
    /** Stored editions never change their functions (a different content is refused), so they are cached. */
    private final Map<Long, Edition> editions = new ConcurrentHashMap<>();

    private record Edition(ProfessionalStandard standard, Map<String, Long> functionIds) {
    }

    /** Results read per outcome and kind for one student's scoring: the latest counts, the rest explain retakes. */
    private final int resultsPerKey;

    public ReadinessService(StudentRepository students, ProgrammeRepository programmes, MappingRepository mappings,
                            StandardRepository standards, EvidenceRepository evidence, ScoreRepository scores,
                            RuleBaseRegistry ruleBases, Clock clock, ScoringProperties settings) {
        this.resultsPerKey = settings.resultsPerKey();
        this.students = students;
        this.programmes = programmes;
        this.mappings = mappings;
        this.standards = standards;
        this.evidence = evidence;
        this.scores = scores;
        this.ruleBases = ruleBases;
        this.clock = clock;
    }

    Prepared prepare(String studentId, String standardCode) {
        return prepare(studentId, standardCode, LocalDate.now(clock));
    }

    /**
     * The student's facts as they stood at the end of {@code asOf}: only evidence assessed on or before that day, its
     * ages counted from it. Today's active mapping (and, by the caller, rule set), so that dates compare like with like.
     */
    Prepared prepare(String studentId, String standardCode, LocalDate asOf) {
        return prepare(studentId, standardCode, Moment.of(asOf));
    }

    /**
     * The student's facts at a {@link Moment}: evidence assessed on or before its day (and recorded by its knownAt),
     * with today's mapping or, for {@link Versions#AS_OF}, the mapping version active at the end of that day.
     */
    Prepared prepare(String studentId, String standardCode, Moment at) {
        StudentRepository.Student student = students.find(studentId)
                .orElseThrow(() -> new NotFoundException("No student with id " + studentId));
        int programmeLevel = programmes.summary(student.programmeId()).orElseThrow().qualificationLevel();
        MappingRepository.ActiveMapping mapping = mappings.active(student.programmeId(), standardCode)
                .orElseThrow(() -> new NotFoundException("The student's programme has no mapping to standard "
                        + standardCode));
        if (at.versions() == Versions.AS_OF) {
            mapping = mappings.activeBefore(student.programmeId(), standardCode, endOf(at.date()))
                    .orElseThrow(() -> noVersions("no mapping of the student's programme to standard " + standardCode
                            + " existed", at.date()));
        }
        ProfessionalStandard standard = edition(mapping.standardId()).standard();
        LocalDate asOf = at.date();
        return new Prepared(student, mapping, standard, new ScoringInput(studentId, standard, programmeLevel,
                mapping.mappings(), evidence.recentHistory(student.collegeId(), studentId, asOf, at.knownAt(),
                resultsPerKey), asOf));
    }

    /** The first instant after the day, in the application's zone. */
    private java.time.Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    }

    private static ru.workready.data.InvalidInputException noVersions(String what, LocalDate day) {
        return new ru.workready.data.InvalidInputException(ProblemType.NO_VERSIONS_AS_OF, "versions=asOf: " + what
                + " at the end of " + day, List.of(new ru.workready.data.InvalidInputException.Problem(null, "asOf",
                day.toString(), what + " then; use versions=today")), 1);
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
        scores.save(result, edition(p.mapping().standardId()).functionIds(), p.mapping().mappingSetId(),
                p.student().collegeId());
        return new Assessed(p.student(), p.mapping().standardId(), p.standard(), p.mapping().version(), result);
    }

    /**
     * The student's readiness for a read: the stored scores if they are current — no stale mark
     * (no evidence newer than them), the rule-set version active for the student now, the active
     * mapping set, computed today (evidence ages count in days), a score for every ТФ — otherwise
     * computed and stored now. So a read never shows scores older than what they depend on.
     */
    public Served read(StudentRepository.Student student, String standardCode) {
        ScoreRepository.StoredReadiness stored = scores.stored(student.collegeId(), student.id(),
                        student.programmeId(), standardCode)
                .orElseThrow(() -> new NotFoundException("The student's programme has no mapping to standard "
                        + standardCode));
        Edition edition = edition(stored.standardId());
        String ruleSet = ruleSetFor(student).readiness().ruleSetVersion();
        StudentReadiness current = current(student.id(), stored, edition, ruleSet);
        if (current != null) {
            OffsetDateTime oldest = stored.scores().stream().map(ScoreRepository.StoredScore::computedAt)
                    .min(OffsetDateTime::compareTo).orElseThrow();
            return new Served(new Assessed(student, stored.standardId(), edition.standard(), stored.mappingVersion(),
                    current), oldest, true);
        }
        Assessed assessed = assess(student.id(), standardCode);
        if (stored.staleSince() != null) {
            // The mark covers every standard: rescore the others too, then clear it. The evidence was
            // read after the mark was seen, so it answers that mark; a mark moved since stays.
            for (String other : mappings.mappedStandardCodes(student.programmeId())) {
                if (!other.equals(standardCode)) {
                    assess(student.id(), other);
                }
            }
            scores.clearStaleMark(student.id(), stored.staleSince());
        }
        return new Served(assessed, OffsetDateTime.now(clock), false);
    }

    /** The stored scores as the evaluator's result, or null if they are not current. */
    private @Nullable StudentReadiness current(String studentId, ScoreRepository.StoredReadiness stored,
                                                      Edition edition, String ruleSet) {
        if (stored.stale() || stored.scores().size() != edition.functionIds().size()) {
            return null;
        }
        LocalDate today = LocalDate.now(clock);
        Map<Long, ScoreRepository.StoredScore> byId = new HashMap<>();
        for (ScoreRepository.StoredScore s : stored.scores()) {
            if (!s.ruleSetVersion().equals(ruleSet)
                    || !s.computedAt().atZoneSameInstant(clock.getZone()).toLocalDate().equals(today)) {
                return null;
            }
            byId.put(s.labourFunctionId(), s);
        }
        ProfessionalStandard standard = edition.standard();
        List<FunctionScore> functions = new ArrayList<>(byId.size());
        for (GeneralizedFunction g : standard.generalizedFunctions()) {
            for (LabourFunction f : g.functions()) {
                Long id = edition.functionIds().get(f.code());
                ScoreRepository.StoredScore s = id == null ? null : byId.get(id);
                if (s == null) {
                    return null;
                }
                functions.add(new FunctionScore(standard.code(), g.code(), f.code(), f.name(),
                        g.qualificationLevel(), s.readiness(), s.coverage(), s.level(), s.rules(), s.reason(),
                        List.of(), s.decidedBy(), s.reasonRu()));
            }
        }
        return new StudentReadiness(studentId, ruleSet, functions, ReadinessEvaluator.rollup(standard, functions));
    }

    /** The student's readiness as of the end of a past day, computed with today's rule set and mapping; not stored. */
    public Assessed asOf(String studentId, String standardCode, LocalDate asOf) {
        return asOf(studentId, standardCode, Moment.of(asOf));
    }

    /** The student's readiness at a {@link Moment}; computed, not stored. */
    public Assessed asOf(String studentId, String standardCode, Moment at) {
        Prepared p = prepare(studentId, standardCode, at);
        StudentReadiness result = ruleSetFor(p.student(), at).readiness().evaluate(p.input());
        return new Assessed(p.student(), p.mapping().standardId(), p.standard(), p.mapping().version(), result);
    }

    /** The ids of an edition's labour functions by code (as scores are stored against them). */
    public Map<String, Long> functionIds(long standardId) {
        return edition(standardId).functionIds();
    }

    /**
     * The student's readiness as of the end of a past day judged by a given rule set (a candidate not yet active),
     * with today's mapping; computed, not stored.
     */
    public Assessed asOf(String studentId, String standardCode, LocalDate asOf, CompiledRuleSet ruleSet) {
        Prepared p = prepare(studentId, standardCode, Moment.of(asOf));
        StudentReadiness result = ruleSet.readiness().evaluate(p.input());
        return new Assessed(p.student(), p.mapping().standardId(), p.standard(), p.mapping().version(), result);
    }

    /** The rule set that judges the student at a moment: today's, or the one active at the end of its day. */
    public CompiledRuleSet ruleSetFor(StudentRepository.Student student, Moment at) {
        if (at.versions() == Versions.TODAY) {
            return ruleSetFor(student);
        }
        return ruleBases.forCollegeBefore(student.collegeCode(), endOf(at.date()))
                .orElseThrow(() -> noVersions("no rule set was active", at.date()));
    }

    /** Today, as the application's clock says. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The student's readiness if these extra results were recorded; nothing is stored. */
    public Assessed whatIf(String studentId, String standardCode, List<Evidence> extra) {
        return whatIf(studentId, standardCode, extra, Moment.of(today()));
    }

    /** The student's readiness at a moment if these extra results had been recorded by then; nothing is stored. */
    public Assessed whatIf(String studentId, String standardCode, List<Evidence> extra, Moment at) {
        Prepared p = prepare(studentId, standardCode, at);
        StudentReadiness result = ruleSetFor(p.student(), at).readiness().evaluate(p.input().withExtraEvidence(extra));
        return new Assessed(p.student(), p.mapping().standardId(), p.standard(), p.mapping().version(), result);
    }

    /** ReadinessEvaluator now, without storing it (the baseline of a what-if). */
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

package ru.workready.data.employers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.data.scoring.ReadinessService;
import ru.workready.data.employers.CohortFilter;
import ru.workready.data.employers.CohortRepository;
import ru.workready.data.employers.ConsentRepository;
import ru.workready.data.employers.CohortAggregates;
import ru.workready.data.employers.CohortAggregates.Group;
import ru.workready.data.employers.CohortAggregates.GroupKey;
import ru.workready.data.employers.CohortAggregates.LevelRule;
import ru.workready.data.employers.CohortRepository.OutcomeEvidence;
import ru.workready.data.employers.DemandService;
import ru.workready.data.employers.DemandTargets;
import ru.workready.data.employers.MappingExpertiseOfCohorts;
import ru.workready.data.employers.EmployerRepository.FunctionRef;
import ru.workready.data.employers.EmployerRepository.JobProfile;
import ru.workready.engine.Decimals;
import ru.workready.engine.assessments.EvidenceKind;
import ru.workready.engine.employers.JobFit;
import ru.workready.engine.employers.ProfileFunction;
import ru.workready.engine.employers.SmallCells;
import ru.workready.engine.employers.Standing;
import ru.workready.engine.scoring.ReadinessLevel;

/**
 * What employers may learn: cohort aggregates with small cells suppressed, named candidates only
 * where the student consented, and ready graduates against declared demand.
 */
@Service
public class EmployerQueries {
    /** The three levels employers see; anything else a ТФ can be (insufficient evidence, unmapped …) counts as not ready. */
    static final List<ReadinessLevel> EMPLOYER_LEVELS = DemandTargets.EMPLOYER_LEVELS;
    /** Evidence kinds that can raise an outcome's mastery, strongest first (НОК certifies a whole ОТФ instead). */
    static final List<EvidenceKind> CLOSING_KINDS = List.of(EvidenceKind.DEMO_EXAM, EvidenceKind.CHAMPIONSHIP,
            EvidenceKind.MODULE_EXAM, EvidenceKind.EMPLOYER_PRACTICE, EvidenceKind.COURSE_GRADE);
    static final double STRONG_MASTERY = 0.75;

    /** What an aggregate is about: a job profile, or one ТФ as a profile of one. */
    public record Subject(List<ProfileFunction> functions, boolean singleFunction) {
    }

    /**
     * One group of students (college × programme × graduation year); numbers null when suppressed,
     * and {@code suppressionReason} says why anything (the group, or some counts) is withheld.
     */
    public record Cell(String college, String collegeName, String region, String programme, String programmeName,
                int graduationYear, boolean suppressed, @Nullable Long students,
                @Nullable Map<ReadinessLevel, Long> counts, @Nullable Double medianJobFit,
                SmallCells.@Nullable Reason suppressionReason,
                @Nullable List<MappingExpertiseOfCohorts.MappingExpertise> mappingExpertise) {
        /** The cell saying whether the mapping versions its programme uses passed employer expertise. */
        Cell withMappingExpertise(List<MappingExpertiseOfCohorts.MappingExpertise> statements) {
            return new Cell(college, collegeName, region, programme, programmeName, graduationYear, suppressed,
                    students, counts, medianJobFit, suppressionReason, List.copyOf(statements));
        }
    }

    /**
     * Sums over the published cells only, so that nothing suppressed can be recovered by
     * subtraction; the median covers cells whose counts are published.
     */
    public record Totals(long students, int publishedCells, int suppressedCells, @Nullable Double medianJobFit) {
    }

    public record Aggregate(List<Cell> cells, Totals totals) {
    }

    /**
     * A ТФ of the profile the candidate is not READY for, and what would close it.
     *
     * @param meetsRequirement the level reaches the employer's minimum for this ТФ (e.g. PARTIALLY_READY accepted)
     */
    record Gap(String standard, String function, String name, boolean mustHave, ReadinessLevel requiredLevel,
               boolean meetsRequirement, @Nullable ReadinessLevel level, @Nullable Double readiness, List<OutcomeToClose> outcomes,
               String independentAssessment) {
    }

    /**
     * An outcome behind a gap: its mastery so far and what would raise it — evidence of a kind not
     * yet shown (strongest first), or a retake of a kind already shown (only the latest attempt counts).
     */
    record OutcomeToClose(String outcome, boolean critical, @Nullable Double mastery, List<EvidenceKind> newEvidence,
                          List<EvidenceKind> retake) {
    }

    public record Candidate(int rank, String studentId, String college, String region, String programme, int graduationYear,
                     double jobFit, boolean mustHavesMet, ReadinessLevel level, List<String> unmetMustHaves,
                     List<Gap> gaps) {
    }

    private final CohortRepository cohorts;
    private final CohortAggregates aggregates;
    private final DemandService demand;
    private final ReadinessService readiness;
    private final ConsentRepository consents;
    private final DemandTargets demandTargets;

    EmployerQueries(CohortRepository cohorts, CohortAggregates aggregates, DemandService demand,
                    DemandTargets demandTargets, ReadinessService readiness, ConsentRepository consents) {
        this.aggregates = aggregates;
        this.consents = consents;
        this.cohorts = cohorts;
        this.demandTargets = demandTargets;
        this.demand = demand;
        this.readiness = readiness;
    }

    public static Subject of(JobProfile profile) {
        return new Subject(profile.engineFunctions(), false);
    }

    public static Subject of(FunctionRef function) {
        return new Subject(List.of(DemandTargets.asProfileFunction(function)), true);
    }

    /**
     * Per-group level counts and medians, aggregated in PostgreSQL (heap: one row per group, not
     * per student); suppression over that small result here.
     */
    public Aggregate aggregate(Subject subject, CohortFilter filter) {
        List<ProfileFunction> functions = scoreUnscored(subject.functions(), filter);
        CohortAggregates.Groups all = aggregates.groups(filter, functions,
                subject.singleFunction() ? LevelRule.FUNCTION : LevelRule.PROFILE);
        List<Group> groups = all.list();
        List<Cell> cells = new ArrayList<>();
        List<GroupKey> withPublishedFits = new ArrayList<>();
        long publishedStudents = 0;
        int suppressed = 0;
        for (Group g : groups) {
            EmployerCells.Published p = EmployerCells.publish(new EmployerCells.Group(g.key().collegeCode(),
                    g.collegeName(), g.region(), g.key().fgosCode(), g.programmeName(), g.key().graduationYear()),
                    g.students(), g.withoutConsent(), g.counts(), g::median);
            cells.add(p.cell());
            if (p.suppressed()) {
                suppressed++;
                continue;
            }
            publishedStudents += g.students();
            if (!p.partsHidden()) {
                withPublishedFits.add(g.key());
            }
        }
        // the median of the published groups: read with the groups when all are published, otherwise a
        // second pass over the published ones only (a total over all would reveal the suppressed ones)
        double median = withPublishedFits.size() == groups.size() ? all.medianOfAll()
                : withPublishedFits.size() == 1
                ? groups.stream().filter(g -> g.key().equals(withPublishedFits.get(0))).findFirst().orElseThrow().median()
                : aggregates.median(filter, functions, withPublishedFits);
        return new Aggregate(cells, new Totals(publishedStudents, cells.size() - suppressed, suppressed,
                Double.isNaN(median) ? null : round(median)));
    }

    /**
     * Consenting students ranked: must-haves met first, then by job fit, then by id (a stable
     * order). Non-consenting students are excluded in the SQL that reads them; every listing is
     * audited (candidate_disclosure).
     */
    @Transactional
    public List<Candidate> candidates(JobProfile profile, CohortFilter filter, int limit) {
        List<ProfileFunction> functions = scoreUnscored(profile.engineFunctions(), filter);
        // ranked and cut in SQL (same order as JobFit's); the gaps are worked out for the top N only
        List<CohortAggregates.Ranked> ranked = aggregates.top(filter, functions, limit);
        Set<Long> ids = new LinkedHashSet<>();
        profile.functions().forEach(e -> ids.add(e.function().id()));
        return listed(profile, functions, ranked, cohorts.outcomes(
                ranked.stream().map(r -> r.member().studentId()).toList(), ids));
    }

    /** As {@link #candidates(JobProfile, CohortFilter, int)}, ranked by the readiness the students had on a day. */
    @Transactional
    public List<Candidate> candidates(JobProfile profile, int limit, EmployerAsOf.Scored scored) {
        List<ProfileFunction> functions = profile.engineFunctions();
        Set<Long> ids = new LinkedHashSet<>();
        profile.functions().forEach(e -> ids.add(e.function().id()));
        return listed(profile, functions, EmployerAsOf.top(scored.members(), functions, limit),
                EmployerAsOf.outcomes(scored, ids));
    }

    /** The ranked students with their gaps; every listing is recorded as a disclosure. */
    private List<Candidate> listed(JobProfile profile, List<ProfileFunction> functions,
                                   List<CohortAggregates.Ranked> ranked,
                                   Map<String, Map<Long, List<OutcomeEvidence>>> outcomes) {
        Map<Long, FunctionRef> refs = new LinkedHashMap<>();
        profile.functions().forEach(e -> refs.put(e.function().id(), e.function()));
        List<Candidate> out = new ArrayList<>();
        for (CohortAggregates.Ranked r : ranked) {
            var m = r.member();
            JobFit fit = JobFit.of(functions, r.standings());
            List<Gap> gaps = new ArrayList<>();
            for (ProfileFunction pf : fit.notReady()) {
                FunctionRef ref = refs.get(pf.labourFunctionId());
                Standing s = r.standings().get(pf.labourFunctionId());
                List<OutcomeEvidence> behind = outcomes.getOrDefault(m.studentId(), Map.of())
                        .getOrDefault(pf.labourFunctionId(), List.of());
                gaps.add(new Gap(ref.standardCode(), ref.code(), ref.name(), pf.mustHave(), pf.requiredLevel(),
                        pf.metBy(s == null ? null : s.level()), s == null ? null : s.level(),
                        s == null ? null : round(s.readiness()), toClose(behind),
                        "a passed independent qualification assessment (НОК) for " + ref.standardCode() + " ОТФ "
                                + ref.generalizedCode() + " makes it READY"));
            }
            out.add(new Candidate(out.size() + 1, m.studentId(), m.collegeCode(), m.region(), m.fgosCode(),
                    m.graduationYear(), round(fit.fit()), fit.mustHavesMet(), fit.level(),
                    fit.unmetMustHaves().stream().map(ProfileFunction::code).toList(), gaps));
        }
        if (!out.isEmpty()) {
            consents.disclosed(profile.employer().id(), profile.id(), out.stream().map(Candidate::studentId).toList());
        }
        return out;
    }

    /** Scores the students in scope whose scores were never computed, so that they can be counted; returns the functions. */
    List<ProfileFunction> scoreUnscored(List<ProfileFunction> functions, CohortFilter filter) {
        Set<String> standards = new LinkedHashSet<>();
        functions.forEach(f -> standards.add(f.standardCode()));
        if (!standards.isEmpty()) {
            List<String> unscored = cohorts.unscored(filter, standards);
            if (!unscored.isEmpty()) {
                readiness.rescore(unscored);
            }
        }
        return functions;
    }

    private static List<OutcomeToClose> toClose(List<OutcomeEvidence> outcomes) {
        List<OutcomeToClose> out = new ArrayList<>();
        for (OutcomeEvidence o : outcomes) {
            boolean weak = o.mastery() == null || o.mastery() < STRONG_MASTERY;
            if (!weak) {
                continue;
            }
            List<EvidenceKind> missing = CLOSING_KINDS.stream().filter(k -> !o.kinds().contains(k)).toList();
            List<EvidenceKind> retake = CLOSING_KINDS.stream()
                    .filter(k -> o.kinds().contains(k) && k != EvidenceKind.COURSE_GRADE).toList();
            out.add(new OutcomeToClose(o.outcomeCode(), o.critical(), round(o.mastery()), missing, retake));
        }
        out.sort(Comparator.comparing((OutcomeToClose o) -> !o.critical())
                .thenComparing(o -> o.mastery() == null ? -1 : o.mastery()));
        return out;
    }

    private static ReadinessLevel employerLevel(@Nullable Standing s) {
        return DemandTargets.employerLevel(s);
    }

    private static @Nullable Double round(@Nullable Double v) {
        return Decimals.fourOrNull(v);
    }

    private static double round(double v) {
        return Decimals.four(v);
    }
}

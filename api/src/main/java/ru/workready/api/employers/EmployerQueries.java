package ru.workready.api.employers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.api.scoring.ReadinessService;
import ru.workready.data.employers.CohortFilter;
import ru.workready.data.employers.CohortRepository;
import ru.workready.data.employers.ConsentRepository;
import ru.workready.data.employers.CohortRepository.MemberStandings;
import ru.workready.data.employers.CohortRepository.OutcomeEvidence;
import ru.workready.data.employers.DemandService;
import ru.workready.data.employers.DemandTargets;
import ru.workready.data.employers.EmployerRepository.FunctionRef;
import ru.workready.data.employers.EmployerRepository.JobProfile;
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
class EmployerQueries {
    /** The three levels employers see; anything else a ТФ can be (insufficient evidence, unmapped …) counts as not ready. */
    static final List<ReadinessLevel> EMPLOYER_LEVELS = DemandTargets.EMPLOYER_LEVELS;
    /** Evidence kinds that can raise an outcome's mastery, strongest first (НОК certifies a whole ОТФ instead). */
    static final List<EvidenceKind> CLOSING_KINDS = List.of(EvidenceKind.DEMO_EXAM, EvidenceKind.CHAMPIONSHIP,
            EvidenceKind.MODULE_EXAM, EvidenceKind.EMPLOYER_PRACTICE, EvidenceKind.COURSE_GRADE);
    static final double STRONG_MASTERY = 0.75;

    /** What an aggregate is about: a job profile, or one ТФ as a profile of one. */
    record Subject(List<ProfileFunction> functions, boolean singleFunction) {
    }

    /** One group of students (college × programme × graduation year); numbers null when suppressed. */
    record Cell(String college, String collegeName, String region, String programme, String programmeName,
                int graduationYear, boolean suppressed, @Nullable Long students,
                @Nullable Map<ReadinessLevel, Long> counts, @Nullable Double medianJobFit) {
    }

    /**
     * Sums over the published cells only, so that nothing suppressed can be recovered by
     * subtraction; the median covers cells whose counts are published.
     */
    record Totals(long students, int publishedCells, int suppressedCells, @Nullable Double medianJobFit) {
    }

    record Aggregate(List<Cell> cells, Totals totals) {
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

    record Candidate(int rank, String studentId, String college, String region, String programme, int graduationYear,
                     double jobFit, boolean mustHavesMet, ReadinessLevel level, List<String> unmetMustHaves,
                     List<Gap> gaps) {
    }

    /** Ready graduates of a region and year against one declared need; ready and shortfall null when withheld. */
    record Supply(DemandService.Demand demand, long graduates, @Nullable Long ready, @Nullable Long shortfall,
                  boolean suppressed, int smallGroupsLeftOut) {
    }

    private final CohortRepository cohorts;
    private final DemandService demand;
    private final ReadinessService readiness;
    private final ConsentRepository consents;
    private final DemandTargets demandTargets;

    EmployerQueries(CohortRepository cohorts, DemandService demand, DemandTargets demandTargets,
                    ReadinessService readiness, ConsentRepository consents) {
        this.consents = consents;
        this.cohorts = cohorts;
        this.demandTargets = demandTargets;
        this.demand = demand;
        this.readiness = readiness;
    }

    static Subject of(JobProfile profile) {
        return new Subject(profile.engineFunctions(), false);
    }

    static Subject of(FunctionRef function) {
        return new Subject(List.of(DemandTargets.asProfileFunction(function)), true);
    }

    Aggregate aggregate(Subject subject, CohortFilter filter) {
        List<MemberStandings> members = members(subject.functions(), filter, false);
        List<Cell> cells = new ArrayList<>();
        List<Double> publishedFits = new ArrayList<>();
        long publishedStudents = 0;
        int suppressed = 0;
        for (List<MemberStandings> group : groups(members)) {
            var first = group.get(0).member();
            double[] fits = new double[group.size()];
            List<ReadinessLevel> levels = new ArrayList<>(group.size());
            for (int i = 0; i < group.size(); i++) {
                Map<Long, Standing> standings = group.get(i).standings();
                JobFit fit = JobFit.of(subject.functions(), standings);
                fits[i] = fit.fit();
                levels.add(subject.singleFunction()
                        ? employerLevel(standings.get(subject.functions().get(0).labourFunctionId())) : fit.level());
            }
            Long[] shown = publishParts(group, EMPLOYER_LEVELS, levels);
            if (shown == null) {
                suppressed++;
                cells.add(new Cell(first.collegeCode(), first.collegeName(), first.region(), first.fgosCode(),
                        first.programmeName(), first.graduationYear(), true, null, null, null));
                continue;
            }
            Map<ReadinessLevel, Long> counts = new EnumMap<>(ReadinessLevel.class);
            for (int i = 0; i < shown.length; i++) {
                counts.put(EMPLOYER_LEVELS.get(i), shown[i]);
            }
            boolean partsHidden = Arrays.stream(shown).allMatch(Objects::isNull);
            publishedStudents += group.size();
            if (!partsHidden) {
                for (double f : fits) {
                    publishedFits.add(f);
                }
            }
            cells.add(new Cell(first.collegeCode(), first.collegeName(), first.region(), first.fgosCode(),
                    first.programmeName(), first.graduationYear(), false, (long) group.size(), counts,
                    partsHidden ? null : round(SmallCells.median(fits))));
        }
        double median = SmallCells.median(publishedFits.stream().mapToDouble(Double::doubleValue).toArray());
        return new Aggregate(cells, new Totals(publishedStudents, cells.size() - suppressed, suppressed,
                Double.isNaN(median) ? null : round(median)));
    }

    /** Groups students as aggregates publish them: college × programme × graduation year. Filters never split a group. */
    private static Collection<List<MemberStandings>> groups(List<MemberStandings> members) {
        Map<List<Object>, List<MemberStandings>> groups = new LinkedHashMap<>();
        for (MemberStandings m : members) {
            var s = m.member();
            groups.computeIfAbsent(List.of(s.collegeCode(), s.fgosCode(), s.graduationYear()), k -> new ArrayList<>())
                    .add(m);
        }
        return groups.values();
    }

    /**
     * The level counts of one group as they may be published: null when the group is smaller
     * than K; all parts null when 1 … K−1 of its students have not consented (named candidates
     * would otherwise let their levels be recovered by subtraction); else small parts suppressed.
     */
    private static Long @Nullable [] publishParts(List<MemberStandings> group, List<ReadinessLevel> partition,
                                                 List<ReadinessLevel> levels) {
        if (SmallCells.tooSmall(group.size())) {
            return null;
        }
        long withoutConsent = group.stream().filter(m -> !m.member().consent()).count();
        if (withoutConsent > 0 && SmallCells.tooSmall(withoutConsent)) {
            return new Long[partition.size()];
        }
        long[] parts = new long[partition.size()];
        for (ReadinessLevel level : levels) {
            parts[partition.indexOf(level)]++;
        }
        return SmallCells.suppressParts(parts);
    }

    /**
     * Consenting students ranked: must-haves met first, then by job fit, then by id (a stable
     * order). Non-consenting students are excluded in the SQL that reads them; every listing is
     * audited (candidate_disclosure).
     */
    @Transactional
    List<Candidate> candidates(JobProfile profile, CohortFilter filter, int limit) {
        List<ProfileFunction> functions = profile.engineFunctions();
        record Fitted(MemberStandings member, JobFit fit) {
        }
        List<Fitted> ranked = members(functions, filter, true).stream()
                .filter(m -> m.member().consent())
                .map(m -> new Fitted(m, JobFit.of(functions, m.standings())))
                .sorted(Comparator.comparing((Fitted f) -> !f.fit().mustHavesMet())
                        .thenComparing(f -> -f.fit().fit())
                        .thenComparing(f -> f.member().member().studentId()))
                .limit(limit)
                .toList();
        Map<Long, FunctionRef> refs = new LinkedHashMap<>();
        profile.functions().forEach(e -> refs.put(e.function().id(), e.function()));
        Map<String, Map<Long, List<OutcomeEvidence>>> outcomes = cohorts.outcomes(
                ranked.stream().map(f -> f.member().member().studentId()).toList(), refs.keySet());
        List<Candidate> out = new ArrayList<>();
        for (Fitted f : ranked) {
            var m = f.member().member();
            List<Gap> gaps = new ArrayList<>();
            for (ProfileFunction pf : f.fit().notReady()) {
                FunctionRef ref = refs.get(pf.labourFunctionId());
                Standing s = f.member().standings().get(pf.labourFunctionId());
                List<OutcomeEvidence> behind = outcomes.getOrDefault(m.studentId(), Map.of())
                        .getOrDefault(pf.labourFunctionId(), List.of());
                gaps.add(new Gap(ref.standardCode(), ref.code(), ref.name(), pf.mustHave(), pf.requiredLevel(),
                        pf.metBy(s == null ? null : s.level()), s == null ? null : s.level(), s == null ? null : round(s.readiness()), toClose(behind),
                        "a passed independent qualification assessment (НОК) for " + ref.standardCode() + " ОТФ "
                                + ref.generalizedCode() + " makes it READY"));
            }
            out.add(new Candidate(out.size() + 1, m.studentId(), m.collegeCode(), m.region(), m.fgosCode(),
                    m.graduationYear(), round(f.fit().fit()), f.fit().mustHavesMet(), f.fit().level(),
                    f.fit().unmetMustHaves().stream().map(ProfileFunction::code).toList(), gaps));
        }
        if (!out.isEmpty()) {
            consents.disclosed(profile.employer().id(), profile.id(), out.stream().map(Candidate::studentId).toList());
        }
        return out;
    }

    /**
     * For every declared need of the region and year: ready graduates of that region and year, and
     * the shortfall. Counted only from what the aggregates publish per group (groups of fewer than
     * K and hidden counts are left out, and the total is withheld when a group's ready count is
     * hidden), so that the regional total minus published groups never reveals a suppressed one.
     */
    List<Supply> supply(String region, int year) {
        CohortFilter filter = new CohortFilter(region, null, null, year);
        List<DemandTargets.Target> targets = demand.list(region, year).stream().map(demandTargets::resolve).toList();
        if (targets.isEmpty()) {
            return List.of();
        }
        // the standings of every target's ТФ, read once: membership does not depend on the ТФ
        Map<Long, ProfileFunction> all = new LinkedHashMap<>();
        targets.forEach(t -> t.functions().forEach(f -> all.putIfAbsent(f.labourFunctionId(), f)));
        Collection<List<MemberStandings>> groups = groups(members(List.copyOf(all.values()), filter, false));
        List<Supply> out = new ArrayList<>();
        for (DemandTargets.Target target : targets) {
            long graduates = 0;
            long ready = 0;
            int groupsLeftOut = 0;
            boolean hidden = false;
            for (List<MemberStandings> group : groups) {
                Long[] parts = publishParts(group, target.levels(),
                        group.stream().map(m -> target.level(m.standings())).toList());
                if (parts == null) {
                    groupsLeftOut++;
                    continue;
                }
                graduates += group.size();
                if (parts[0] == null) {
                    hidden = true;
                } else {
                    ready += parts[0];
                }
            }
            DemandService.Demand need = target.need();
            out.add(hidden ? new Supply(need, graduates, null, null, true, groupsLeftOut)
                    : new Supply(need, graduates, ready, Math.max(0, need.needed() - ready), false, groupsLeftOut));
        }
        return out;
    }

    /** Reads the members with their standings, first scoring those whose scores were never computed. */
    private List<MemberStandings> members(List<ProfileFunction> functions, CohortFilter filter, boolean consenting) {
        Set<String> standards = new LinkedHashSet<>();
        functions.forEach(f -> standards.add(f.standardCode()));
        List<String> unscored = cohorts.unscored(filter, standards);
        if (!unscored.isEmpty()) {
            readiness.rescore(unscored);
        }
        Collection<Long> ids = functions.stream().map(ProfileFunction::labourFunctionId).toList();
        return cohorts.standings(filter, ids, consenting);
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
        return v == null ? null : Math.round(v * 10000) / 10000.0;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}

package ru.workready.data.reports;

import static ru.workready.engine.Decimals.four;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.workready.data.InvalidInputException;
import ru.workready.data.InvalidInputException.Problem;
import ru.workready.data.NotFoundException;
import ru.workready.data.ProblemType;
import ru.workready.data.reports.AboveLevelReport.AboveLevelFunction;
import ru.workready.data.reports.CohortReport.CohortFunction;
import ru.workready.data.reports.CohortReport.KindDrag;
import ru.workready.data.reports.CohortReport.OutcomeDrag;
import ru.workready.data.reports.MappingComparison.Change;
import ru.workready.data.reports.MappingComparison.FunctionChange;
import ru.workready.data.reports.MappingComparison.MappingChange;
import ru.workready.data.reports.Refs.ElementRef;
import ru.workready.data.reports.Refs.FunctionRef;
import ru.workready.data.reports.Refs.OutcomeRef;
import ru.workready.data.reports.ReportRepository.ElementRow;
import ru.workready.data.reports.ReportRepository.FunctionRow;
import ru.workready.data.reports.ReportRepository.MappingRow;
import ru.workready.data.reports.ReportRepository.MappingSetRow;
import ru.workready.data.reports.ReportRepository.OutcomeRow;
import ru.workready.data.reports.ReportRepository.ProgrammeRow;
import ru.workready.data.employers.CohortFilter;
import ru.workready.data.employers.CohortRepository;
import ru.workready.data.employers.DemandService;
import ru.workready.data.employers.DemandTargets;
import ru.workready.engine.assessments.EvidenceKind;
import ru.workready.engine.employers.SmallCells;
import ru.workready.engine.mapping.MappingType;
import ru.workready.engine.scoring.ReadinessLevel;

/**
 * Curriculum gap reports for designers: coverage matrix, uncovered ТФ and elements, orphan
 * outcomes, above-level ТФ, cohort weak spots and mapping version comparison. A "covered" ТФ or
 * element has at least one EXACT or PART_OF mapping: a RELATED mapping supports, it does not teach.
 */
@Service
@Transactional(readOnly = true)
public class GapReportService {
    static final ProblemType BAD_PARAMETER = ProblemType.INVALID_REPORT_PARAMETER;
    private static final int DRAGS_LISTED = 3;

    /** A programme chosen by id, or by college code + ФГОС code + intake year. */
    public record ProgrammeSelector(@Nullable Long id, @Nullable String college, @Nullable String fgosCode,
                                    @Nullable Integer intakeYear) {
    }

    /** A programme and the standards it is mapped to, for the page's pickers. */
    public record ProgrammeOption(long id, String college, String collegeName, String fgosCode, String name,
                                  int intakeYear, int qualificationLevel, List<StandardOption> standards) {
    }

    /** A standard edition a programme is mapped to, with its mapping versions (the active one marked). */
    public record StandardOption(String code, String name, String orderNumber, LocalDate approvalDate,
                                 int activeVersion, List<Integer> versions) {
    }

    /**
     * The day a cohort report scores the students as of: a date, or {@code graduation} — the programme's graduation
     * date, 30 June of intake year + ceil(study_months / 12) (the graduation year of the employer groups).
     */
    public record CohortAsOf(@Nullable LocalDate date, boolean graduation) {
        public static CohortAsOf parse(String text) {
            if (text.strip().equalsIgnoreCase("graduation")) {
                return new CohortAsOf(null, true);
            }
            try {
                return new CohortAsOf(ru.workready.data.Inputs.requireDate("asOf", LocalDate.parse(text.strip())),
                        false);
            } catch (java.time.format.DateTimeParseException e) {
                throw badParameter("asOf", text, "a date YYYY-MM-DD or 'graduation'");
            }
        }
    }

    /** Scores students as of a day with today's rule set and mapping, without storing (the API's readiness service). */
    @FunctionalInterface
    public interface AsOfScorer {
        List<ru.workready.engine.scoring.StudentReadiness> score(List<String> studentIds, String standardCode,
                                                                 LocalDate asOf);
    }

    /** The programme and the (standard edition, mapping version) pairs a report is computed from. */
    record Scope(ProgrammeRow programme, List<Provenance.Source> sources) {
    }

    /** One source's standard and mapping, indexed for the coverage rules. */
    private record Indexed(Provenance.Source source, List<FunctionRow> functions, Map<Long, List<ElementRow>> elements,
                           Map<Long, List<MappingRow>> byFunction, List<MappingRow> mappings) {
    }

    private final ReportRepository repository;
    private final DemandService demand;
    private final DemandTargets demandTargets;
    private final CohortRepository cohorts;

    private final java.time.Clock clock;

    private final ru.workready.data.expertise.ExpertiseStatements expertise;

    public GapReportService(ReportRepository repository, DemandService demand, DemandTargets demandTargets,
                            CohortRepository cohorts, java.time.Clock clock,
                            ru.workready.data.expertise.ExpertiseStatements expertise) {
        this.clock = clock;
        this.expertise = expertise;
        this.repository = repository;
        this.demand = demand;
        this.demandTargets = demandTargets;
        this.cohorts = cohorts;
    }

    public List<ProgrammeOption> programmes() {
        List<ProgrammeOption> options = new ArrayList<>();
        List<ProgrammeRow> programmes = repository.programmes();
        Map<Long, List<MappingSetRow>> setsOf = repository.mappingSets(programmes.stream().map(ProgrammeRow::id).toList());
        for (ProgrammeRow p : programmes) {
            Map<Long, List<MappingSetRow>> byEdition = setsOf.getOrDefault(p.id(), List.of()).stream()
                    .collect(Collectors.groupingBy(MappingSetRow::standardId, LinkedHashMap::new, Collectors.toList()));
            List<StandardOption> standards = new ArrayList<>();
            for (List<MappingSetRow> sets : byEdition.values()) {
                MappingSetRow first = sets.get(0);
                int active = sets.stream().filter(MappingSetRow::active).mapToInt(MappingSetRow::version).findFirst()
                        .orElse(first.version());
                standards.add(new StandardOption(first.standardCode(), first.standardName(), first.orderNumber(),
                        first.approvalDate(), active, sets.stream().map(MappingSetRow::version).sorted().toList()));
            }
            options.add(new ProgrammeOption(p.id(), p.collegeCode(), p.collegeName(), p.fgosCode(), p.name(),
                    p.intakeYear(), p.qualificationLevel(), standards));
        }
        return options;
    }

    public CoverageReport coverage(ProgrammeSelector selector, List<String> standards, @Nullable Integer mappingVersion,
                                   boolean withElements, String ruleSetVersion) {
        Scope scope = scope(selector, standards, mappingVersion);
        List<OutcomeRow> outcomes = repository.outcomes(scope.programme().id());
        Map<Long, OutcomeRow> outcomeById = byId(outcomes, OutcomeRow::id);
        List<FunctionRef> functions = new ArrayList<>();
        List<CoverageReport.Cell> cells = new ArrayList<>();
        List<ElementRef> elements = new ArrayList<>();
        for (Indexed ix : index(scope)) {
            Map<Long, ElementRow> elementById = new HashMap<>();
            ix.elements().values().forEach(es -> es.forEach(e -> elementById.put(e.id(), e)));
            Map<Long, FunctionRow> functionById = byId(ix.functions(), FunctionRow::id);
            for (FunctionRow f : ix.functions()) {
                functions.add(ref(ix.source(), f, scope.programme()));
            }
            for (MappingRow m : ix.mappings()) {
                FunctionRow f = functionById.get(m.functionId());
                ElementRow e = m.elementId() == null ? null : elementById.get(m.elementId());
                cells.add(new CoverageReport.Cell(ix.source().standardCode(), f.code(),
                        outcomeById.get(m.outcomeId()).code(), e == null ? null : ref(f, e), m.type(), m.weight(),
                        m.critical()));
            }
            if (withElements) {
                for (FunctionRow f : ix.functions()) {
                    ix.elements().getOrDefault(f.id(), List.of()).forEach(e -> elements.add(ref(f, e)));
                }
            }
        }
        List<OutcomeRef> outcomeRefs = outcomes.stream().map(GapReportService::ref).toList();
        return new CoverageReport(provenance(scope, List.of(ruleSetVersion)), functions, outcomeRefs, cells, elements);
    }

    public UncoveredReport uncovered(ProgrammeSelector selector, List<String> standards,
                                     @Nullable Integer mappingVersion, String ruleSetVersion) {
        Scope scope = scope(selector, standards, mappingVersion);
        Map<Long, OutcomeRow> outcomeById = byId(repository.outcomes(scope.programme().id()), OutcomeRow::id);
        List<UncoveredReport.UncoveredFunction> gaps = new ArrayList<>();
        List<AboveLevelFunction> above = new ArrayList<>();
        for (Indexed ix : index(scope)) {
            for (FunctionRow f : ix.functions()) {
                List<MappingRow> ms = ix.byFunction().getOrDefault(f.id(), List.of());
                CoverageStatus status = status(f, ms, scope.programme());
                if (status == CoverageStatus.ABOVE_LEVEL) {
                    above.add(aboveLevel(ix.source(), f, ms, outcomeById));
                    continue;
                }
                List<UncoveredReport.UncoveredElement> elements = new ArrayList<>();
                for (ElementRow e : ix.elements().getOrDefault(f.id(), List.of())) {
                    CoverageStatus es = status(ms.stream()
                            .filter(m -> m.elementId() == null || m.elementId() == e.id()).toList());
                    if (es.gap()) {
                        elements.add(new UncoveredReport.UncoveredElement(ref(f, e), es));
                    }
                }
                if (status.gap() || !elements.isEmpty()) {
                    gaps.add(new UncoveredReport.UncoveredFunction(ix.source().standardCode(), f.code(), f.name(),
                            f.generalizedCode(), f.qualificationLevel(), status,
                            ms.stream().filter(m -> m.type() == MappingType.RELATED)
                                    .map(m -> outcomeById.get(m.outcomeId()).code()).distinct().toList(),
                            elements));
                }
            }
        }
        // what the employers' experts said the programme should cover (comments and proposed rows)
        List<String> toCover = scope.sources().stream().flatMap(s -> expertise.functionsToCover(s.mappingSetId())
                .stream().map(code -> s.standardCode() + " " + code)).distinct().toList();
        return new UncoveredReport(provenance(scope, List.of(ruleSetVersion)), scope.programme().qualificationLevel(),
                gaps, above, toCover);
    }

    public AboveLevelReport aboveLevel(ProgrammeSelector selector, List<String> standards,
                                       @Nullable Integer mappingVersion, String ruleSetVersion) {
        Scope scope = scope(selector, standards, mappingVersion);
        Map<Long, OutcomeRow> outcomeById = byId(repository.outcomes(scope.programme().id()), OutcomeRow::id);
        List<AboveLevelFunction> above = new ArrayList<>();
        for (Indexed ix : index(scope)) {
            for (FunctionRow f : ix.functions()) {
                if (f.qualificationLevel() > scope.programme().qualificationLevel()) {
                    above.add(aboveLevel(ix.source(), f, ix.byFunction().getOrDefault(f.id(), List.of()), outcomeById));
                }
            }
        }
        return new AboveLevelReport(provenance(scope, List.of(ruleSetVersion)), scope.programme().qualificationLevel(),
                above);
    }

    public OrphanReport orphans(ProgrammeSelector selector, List<String> standards, @Nullable Integer mappingVersion,
                                String ruleSetVersion) {
        Scope scope = scope(selector, standards, mappingVersion);
        List<OutcomeRow> outcomes = repository.outcomes(scope.programme().id());
        Set<Long> serving = new HashSet<>();
        for (Indexed ix : index(scope)) {
            ix.mappings().forEach(m -> serving.add(m.outcomeId()));
        }
        return new OrphanReport(provenance(scope, List.of(ruleSetVersion)), outcomes.size(),
                outcomes.stream().filter(o -> !serving.contains(o.id())).map(GapReportService::ref).toList());
    }

    /**
     * Weak spots of the programme's cohort, from the stored readiness scores and their
     * explanations, aggregated in the database. Small groups are suppressed ({@link Disclosure})
     * unless {@code ownCollege} is the programme's college (a COLLEGE key reading its own).
     */
    public CohortReport cohort(ProgrammeSelector selector, List<String> standards, int limit, String ruleSetVersion,
                               @Nullable String ownCollege) {
        return cohort(selector, standards, limit, ruleSetVersion, ownCollege, null, null);
    }

    /**
     * The cohort report as of a day ({@code asOf} non-null): every student of the programme scored by {@code scorer}
     * as of that day (evidence assessed by then, ages counted from it, today's rule set and mapping), aggregated
     * like the stored scores and suppressed the same way; nothing is stored. A day after today is refused.
     */
    public CohortReport cohort(ProgrammeSelector selector, List<String> standards, int limit, String ruleSetVersion,
                               @Nullable String ownCollege, @Nullable CohortAsOf asOf, @Nullable AsOfScorer scorer) {
        Scope scope = scope(selector, standards, null);
        long programmeId = scope.programme().id();
        LocalDate day = asOf == null ? null : asOf.graduation()
                ? LocalDate.of(repository.graduation(programmeId).year(), java.time.Month.JUNE, 30) : asOf.date();
        String rule = asOf == null ? null : asOf.graduation() ? "graduation" : "date";
        LocalDate today = LocalDate.now(clock);
        if (day != null && day.isAfter(today)) {
            throw badParameter("asOf", asOf.graduation() ? "graduation" : day.toString(), (asOf.graduation()
                    ? "the programme graduates on " + day + ", after today " : "after today ") + today);
        }
        List<String> studentIds = day == null ? List.of() : repository.studentIds(programmeId);
        boolean applied = !scope.programme().collegeCode().equals(ownCollege);
        int students = repository.studentCount(programmeId);
        SmallCells.Reason groupReason = null;
        if (applied && students > 0) {
            if (SmallCells.tooSmall(students)) {
                groupReason = SmallCells.Reason.SMALL_GROUP;
            } else if (repository.sameGraduationIntakes(programmeId).stream()
                    .anyMatch(n -> n > 0 && SmallCells.tooSmall(n))) {
                // the employer group (college × programme × graduation year) minus this intake would describe it
                groupReason = SmallCells.Reason.SMALL_NEIGHBOUR;
            }
        }
        List<String> scoredLevels = Arrays.stream(ReadinessLevel.values()).filter(ReadinessLevel::scored)
                .map(Enum::name).toList();
        List<CohortFunction> functions = new ArrayList<>();
        Set<String> ruleSets = new TreeSet<>();
        boolean stale = false;
        for (Provenance.Source source : scope.sources()) {
            if (groupReason != null) {
                for (FunctionRow f : repository.functions(source.standardId())) {
                    functions.add(new CohortFunction(source.standardCode(), f.code(), f.name(), f.qualificationLevel(),
                            hiddenLevels(), null, null, null, null, List.of(), List.of(), groupReason));
                }
                continue;
            }
            ReportRepository.CohortAggregates a = day == null
                    ? repository.cohort(programmeId, source.standardId(), scoredLevels)
                    : aggregate(java.util.Objects.requireNonNull(scorer, "scorer").score(studentIds,
                    source.standardCode(), day), source, scoredLevels);
            for (ReportRepository.LevelCount c : a.levels()) {
                ruleSets.add(c.ruleSetVersion());
                stale |= c.mappingSetId() == null || c.mappingSetId() != source.mappingSetId();
            }
            Map<Long, List<ReportRepository.LevelCount>> levels = a.levels().stream()
                    .collect(Collectors.groupingBy(ReportRepository.LevelCount::functionId));
            Map<Long, List<ReportRepository.OutcomeAggregate>> outcomes = a.outcomes().stream()
                    .collect(Collectors.groupingBy(ReportRepository.OutcomeAggregate::functionId));
            Map<Long, List<ReportRepository.KindAggregate>> kinds = a.kinds().stream()
                    .collect(Collectors.groupingBy(ReportRepository.KindAggregate::functionId));
            for (FunctionRow f : repository.functions(source.standardId())) {
                functions.add(cohortFunction(source, f, levels.getOrDefault(f.id(), List.of()),
                        outcomes.getOrDefault(f.id(), List.of()), kinds.getOrDefault(f.id(), List.of()), students,
                        applied));
            }
        }
        if (ruleSets.isEmpty()) {
            ruleSets.add(ruleSetVersion);
        }
        Provenance provenance = provenance(scope, List.copyOf(ruleSets));
        if (groupReason != null) {
            return new CohortReport(provenance, null, stale, Disclosure.of(true, true, groupReason), functions,
                    List.of(), day, rule);
        }
        // ranked by the published shares only: a withheld share takes no place in the ranking
        List<CohortFunction> weak = functions.stream().filter(f -> f.readyShare() != null)
                .sorted(Comparator.comparing(CohortFunction::readyShare)
                        .thenComparing(f -> f.meanReadiness() == null ? 0 : f.meanReadiness()))
                .limit(Math.max(0, limit)).toList();
        boolean anyHidden = functions.stream().anyMatch(f -> f.suppressionReason() != null);
        return new CohortReport(provenance, students, stale,
                Disclosure.of(applied, false, anyHidden ? SmallCells.Reason.SMALL_COUNTS : null), functions, weak,
                day, rule);
    }

    /**
     * Computed readiness aggregated as {@link ReportRepository#cohort} aggregates the stored scores and their
     * explanations: level counts per ТФ; for scored levels, each mapped outcome's mean mastery (over the students with
     * one), students without evidence and below 0.5, and each evidence kind's mean score over non-superseded results.
     */
    private ReportRepository.CohortAggregates aggregate(List<ru.workready.engine.scoring.StudentReadiness> scored,
                                                        Provenance.Source source, List<String> scoredLevels) {
        Map<String, Long> ids = new HashMap<>();
        repository.functions(source.standardId()).forEach(f -> ids.put(f.code(), f.id()));
        record LevelKey(long f, String level, String ruleSet) {
        }
        record OutcomeKey(long f, String code) {
        }
        record KindKey(long f, String kind) {
        }
        Map<LevelKey, double[]> levels = new LinkedHashMap<>();
        Map<OutcomeKey, double[]> outcomes = new LinkedHashMap<>();
        Map<OutcomeKey, Set<String>> outcomeStudents = new HashMap<>();
        Map<KindKey, double[]> kinds = new LinkedHashMap<>();
        Map<KindKey, Set<String>> kindStudents = new HashMap<>();
        for (ru.workready.engine.scoring.StudentReadiness r : scored) {
            for (ru.workready.engine.scoring.FunctionScore f : r.functions()) {
                Long id = ids.get(f.code());
                if (id == null) {
                    continue;
                }
                double[] l = levels.computeIfAbsent(new LevelKey(id, f.level().name(), r.ruleSetVersion()),
                        k -> new double[3]);
                l[0]++;
                if (f.readiness() != null) {
                    l[1] += f.readiness();
                    l[2]++;
                }
                if (!scoredLevels.contains(f.level().name())) {
                    continue;
                }
                for (ru.workready.engine.scoring.OutcomeContribution o : f.outcomes()) {
                    OutcomeKey ok = new OutcomeKey(id, o.outcomeCode());
                    double[] a = outcomes.computeIfAbsent(ok, k -> new double[4]); // sum, n, without, weak
                    if (o.mastery() == null) {
                        a[2]++;
                    } else {
                        a[0] += o.mastery();
                        a[1]++;
                        a[3] += o.mastery() < 0.5 ? 1 : 0;
                    }
                    outcomeStudents.computeIfAbsent(ok, k -> new HashSet<>()).add(r.studentId());
                    for (ru.workready.engine.scoring.EvidenceContribution e : o.evidence()) {
                        if (e.superseded()) {
                            continue;
                        }
                        KindKey kk = new KindKey(id, e.kind().name());
                        double[] k = kinds.computeIfAbsent(kk, x -> new double[2]);
                        k[0] += e.score();
                        k[1]++;
                        kindStudents.computeIfAbsent(kk, x -> new HashSet<>()).add(r.studentId());
                    }
                }
            }
        }
        List<ReportRepository.LevelCount> levelCounts = new ArrayList<>();
        levels.forEach((k, v) -> levelCounts.add(new ReportRepository.LevelCount(k.f(), k.level(), (int) v[0], v[1],
                (int) v[2], k.ruleSet(), source.mappingSetId())));
        List<ReportRepository.OutcomeAggregate> outcomeAggregates = new ArrayList<>();
        outcomes.forEach((k, v) -> outcomeAggregates.add(new ReportRepository.OutcomeAggregate(k.f(), k.code(),
                v[1] == 0 ? null : v[0] / v[1], (int) v[2], (int) v[3], outcomeStudents.get(k).size())));
        List<ReportRepository.KindAggregate> kindAggregates = new ArrayList<>();
        kinds.forEach((k, v) -> kindAggregates.add(new ReportRepository.KindAggregate(k.f(), k.kind(), v[0] / v[1],
                (int) v[1], kindStudents.get(k).size())));
        return new ReportRepository.CohortAggregates(levelCounts, outcomeAggregates, kindAggregates);
    }

    private static Map<ReadinessLevel, @Nullable Integer> hiddenLevels() {
        Map<ReadinessLevel, @Nullable Integer> levels = new EnumMap<>(ReadinessLevel.class);
        for (ReadinessLevel l : ReadinessLevel.values()) {
            levels.put(l, null);
        }
        return levels;
    }

    /**
     * The region's declared demand for the programme's graduation year that touches the chosen
     * standard editions, against the graduates of the programme's group ready for each need. Small
     * groups and small ready counts are suppressed as in the employer aggregates unless
     * {@code ownCollege} is the programme's college.
     */
    public SupplyDemandReport supplyDemand(ProgrammeSelector selector, List<String> standards, String ruleSetVersion,
                                           @Nullable String ownCollege) {
        Scope scope = scope(selector, standards, null);
        ProgrammeRow p = scope.programme();
        boolean applied = !p.collegeCode().equals(ownCollege);
        ReportRepository.Graduation graduation = repository.graduation(p.id());
        Set<Long> editions = scope.sources().stream().map(Provenance.Source::standardId).collect(Collectors.toSet());
        // a need counts when any of its ТФ is in the chosen editions; it is judged on all of them
        List<DemandTargets.Target> targets = demand.list(graduation.region(), graduation.year()).stream()
                .map(demandTargets::resolve)
                .filter(t -> !Collections.disjoint(t.standardIds(), editions))
                .toList();
        Set<Long> all = new HashSet<>();
        targets.forEach(t -> t.functions().forEach(f -> all.add(f.labourFunctionId())));
        List<CohortRepository.MemberStandings> members = cohorts.standings(
                new CohortFilter(null, p.collegeCode(), p.fgosCode(), graduation.year()), all, false);
        int graduates = members.size();
        long withoutConsent = members.stream().filter(m -> !m.member().consent()).count();
        boolean groupSuppressed = applied && graduates > 0 && SmallCells.tooSmall(graduates);
        List<SupplyDemandReport.Need> needs = new ArrayList<>();
        boolean anyHidden = false;
        for (DemandTargets.Target t : targets) {
            DemandService.Demand n = t.need();
            List<ReadinessLevel> partition = t.levels();
            long[] parts = new long[partition.size()];
            for (CohortRepository.MemberStandings m : members) {
                parts[partition.indexOf(t.level(m.standings()))]++;
            }
            int ready = (int) parts[0];
            SmallCells.Reason reason = null;
            if (applied && graduates > 0) {
                SmallCells.Publication shown = SmallCells.publish(graduates, withoutConsent, parts);
                if (shown.groupSuppressed() || shown.parts()[0] == null) {
                    reason = shown.reason();
                }
            }
            anyHidden |= reason != null;
            needs.add(reason != null
                    ? new SupplyDemandReport.Need(n.kind(), t.label(), n.targetName(), n.needed(), null, null,
                    n.source(), true, reason)
                    : new SupplyDemandReport.Need(n.kind(), t.label(), n.targetName(), n.needed(), ready,
                    Math.max(0, n.needed() - ready), n.source(), false, null));
        }
        Disclosure disclosure = groupSuppressed ? Disclosure.of(true, true, SmallCells.Reason.SMALL_GROUP)
                : Disclosure.of(applied, false, anyHidden ? SmallCells.Reason.SMALL_COUNTS : null);
        return new SupplyDemandReport(provenance(scope, List.of(ruleSetVersion)), graduation.region(),
                graduation.year(), groupSuppressed ? null : graduates, disclosure, needs);
    }

    /** Compares two mapping versions of the programme to one standard edition. */
    public MappingComparison compare(ProgrammeSelector selector, String standard, int fromVersion, int toVersion,
                                     String ruleSetVersion) {
        Scope from = scope(selector, List.of(standard), fromVersion);
        Scope to = scope(selector, List.of(standard), toVersion);
        Indexed a = index(from).get(0);
        Indexed b = index(to).get(0);
        ProgrammeRow programme = from.programme();
        List<OutcomeRow> outcomes = repository.outcomes(programme.id());
        Map<Long, OutcomeRow> outcomeById = byId(outcomes, OutcomeRow::id);
        List<FunctionChange> fixed = new ArrayList<>();
        List<FunctionChange> broken = new ArrayList<>();
        List<FunctionChange> changed = new ArrayList<>();
        for (FunctionRow f : a.functions()) {
            CoverageStatus was = status(f, a.byFunction().getOrDefault(f.id(), List.of()), programme);
            CoverageStatus is = status(f, b.byFunction().getOrDefault(f.id(), List.of()), programme);
            FunctionChange c = new FunctionChange(f.code(), f.name(), was, is);
            if (was.gap() && is == CoverageStatus.COVERED) {
                fixed.add(c);
            } else if (was == CoverageStatus.COVERED && is.gap()) {
                broken.add(c);
            } else if (was != is) {
                changed.add(c);
            }
        }
        Map<Long, FunctionRow> functionById = byId(a.functions(), FunctionRow::id);
        Map<Long, ElementRow> elementById = new HashMap<>();
        a.elements().values().forEach(es -> es.forEach(e -> elementById.put(e.id(), e)));
        Map<List<Object>, MappingRow> before = keyed(a.mappings());
        Map<List<Object>, MappingRow> after = keyed(b.mappings());
        Set<List<Object>> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<MappingChange> mappingChanges = new ArrayList<>();
        for (List<Object> key : keys) {
            MappingRow x = before.get(key);
            MappingRow y = after.get(key);
            MappingRow any = x != null ? x : y;
            Change change = x == null ? Change.ADDED : y == null ? Change.REMOVED : null;
            if (change == null && (x.type() != y.type() || x.weight() != y.weight() || x.critical() != y.critical())) {
                change = Change.CHANGED;
            }
            if (change == null) {
                continue;
            }
            FunctionRow f = functionById.get(any.functionId());
            ElementRow e = any.elementId() == null ? null : elementById.get(any.elementId());
            mappingChanges.add(new MappingChange(change, f.code(),
                    e == null ? null : ref(f, e).kindLabel() + " " + e.position(), outcomeById.get(any.outcomeId()).code(),
                    x == null ? null : x.type(), x == null ? null : x.weight(), x == null ? null : x.critical(),
                    y == null ? null : y.type(), y == null ? null : y.weight(), y == null ? null : y.critical()));
        }
        Set<Long> servedBefore = a.mappings().stream().map(MappingRow::outcomeId).collect(Collectors.toSet());
        Set<Long> servedAfter = b.mappings().stream().map(MappingRow::outcomeId).collect(Collectors.toSet());
        List<String> resolved = outcomes.stream().filter(o -> !servedBefore.contains(o.id()) && servedAfter.contains(o.id()))
                .map(OutcomeRow::code).toList();
        List<String> introduced = outcomes.stream().filter(o -> servedBefore.contains(o.id()) && !servedAfter.contains(o.id()))
                .map(OutcomeRow::code).toList();
        Scope both = new Scope(programme, List.of(from.sources().get(0), to.sources().get(0)));
        return new MappingComparison(provenance(both, List.of(ruleSetVersion)), fromVersion, toVersion, fixed, broken,
                changed, mappingChanges, resolved, introduced);
    }

    // --- scope and indexing ---

    Scope scope(ProgrammeSelector selector, List<String> standardCodes, @Nullable Integer mappingVersion) {
        ProgrammeRow programme = programme(selector);
        List<MappingSetRow> sets = repository.mappingSets(programme.id());
        List<String> codes = standardCodes.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (codes.isEmpty()) {
            codes = sets.stream().map(MappingSetRow::standardCode).distinct().toList();
        }
        if (codes.isEmpty()) {
            throw new NotFoundException("Programme " + programme.id() + " has no mapping to any professional standard");
        }
        if (mappingVersion != null && codes.size() > 1) {
            throw badParameter("mappingVersion", String.valueOf(mappingVersion),
                    "a mapping version can be chosen for one standard at a time");
        }
        List<Provenance.Source> sources = new ArrayList<>();
        for (String code : codes) {
            List<MappingSetRow> ofCode = sets.stream().filter(s -> s.standardCode().equals(code)).toList();
            // the edition of the active mapping; sets come newest edition first
            MappingSetRow active = ofCode.stream().filter(MappingSetRow::active).findFirst()
                    .orElseThrow(() -> new NotFoundException("Programme " + programme.id()
                            + " has no mapping to standard " + code));
            MappingSetRow chosen = active;
            if (mappingVersion != null) {
                chosen = ofCode.stream().filter(s -> s.standardId() == active.standardId()
                                && s.version() == mappingVersion).findFirst()
                        .orElseThrow(() -> new NotFoundException("Programme " + programme.id()
                                + " has no mapping version " + mappingVersion + " to standard " + code));
            }
            sources.add(new Provenance.Source(chosen.standardCode(), chosen.standardName(), chosen.orderNumber(),
                    chosen.approvalDate(), chosen.standardId(), chosen.id(), chosen.version(), chosen.active(),
                    expertise.of(chosen.id())));
        }
        return new Scope(programme, sources);
    }

    private ProgrammeRow programme(ProgrammeSelector s) {
        if (s.id() != null) {
            return repository.programme(s.id())
                    .orElseThrow(() -> new NotFoundException("No programme with id " + s.id()));
        }
        List<Problem> problems = new ArrayList<>();
        if (s.college() == null || s.college().isBlank()) {
            problems.add(new Problem(null, "college", null, "give programme=<id>, or college, fgos and year"));
        }
        if (s.fgosCode() == null || s.fgosCode().isBlank()) {
            problems.add(new Problem(null, "fgos", null, "give programme=<id>, or college, fgos and year"));
        }
        if (s.intakeYear() == null) {
            problems.add(new Problem(null, "year", null, "give programme=<id>, or college, fgos and year"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(BAD_PARAMETER, "The programme is not identified", problems, problems.size());
        }
        return repository.programme(s.college().strip(), s.fgosCode().strip(), s.intakeYear())
                .orElseThrow(() -> new NotFoundException("No programme " + s.fgosCode() + " of college " + s.college()
                        + " with intake year " + s.intakeYear()));
    }

    private List<Indexed> index(Scope scope) {
        List<Indexed> result = new ArrayList<>();
        for (Provenance.Source source : scope.sources()) {
            List<MappingRow> mappings = repository.mappings(source.mappingSetId());
            result.add(new Indexed(source, repository.functions(source.standardId()),
                    repository.elements(source.standardId()).stream()
                            .collect(Collectors.groupingBy(ElementRow::functionId)),
                    mappings.stream().collect(Collectors.groupingBy(MappingRow::functionId)), mappings));
        }
        return result;
    }

    private Provenance provenance(Scope scope, List<String> ruleSets) {
        ProgrammeRow p = scope.programme();
        return new Provenance(new Provenance.Programme(p.id(), p.collegeCode(), p.fgosCode(), p.name(), p.intakeYear(),
                p.qualificationLevel()), scope.sources(), ruleSets,
                OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.SECONDS));
    }

    // --- coverage rules ---

    static CoverageStatus status(FunctionRow f, List<MappingRow> mappings, ProgrammeRow programme) {
        if (f.qualificationLevel() > programme.qualificationLevel()) {
            return CoverageStatus.ABOVE_LEVEL;
        }
        return status(mappings);
    }

    static CoverageStatus status(List<MappingRow> mappings) {
        if (mappings.stream().anyMatch(m -> m.type() != MappingType.RELATED)) {
            return CoverageStatus.COVERED;
        }
        return mappings.isEmpty() ? CoverageStatus.NOT_COVERED : CoverageStatus.RELATED_ONLY;
    }

    // --- cohort ---

    /** Levels below "partially ready" as employers see them: one coarse NOT_READY count, refined here. */
    private static final List<ReadinessLevel> NOT_READY_FAMILY = List.of(ReadinessLevel.NOT_READY,
            ReadinessLevel.INSUFFICIENT_EVIDENCE, ReadinessLevel.UNMAPPED, ReadinessLevel.ABOVE_PROGRAMME_LEVEL);

    private static CohortFunction cohortFunction(Provenance.Source source, FunctionRow f,
                                                 List<ReportRepository.LevelCount> counts,
                                                 List<ReportRepository.OutcomeAggregate> outcomes,
                                                 List<ReportRepository.KindAggregate> kinds, int students,
                                                 boolean suppress) {
        Map<ReadinessLevel, Integer> raw = new EnumMap<>(ReadinessLevel.class);
        int scored = 0;
        int ready = 0;
        double readinessSum = 0;
        int readinessCount = 0;
        for (ReportRepository.LevelCount c : counts) {
            ReadinessLevel level = ReadinessLevel.valueOf(c.level());
            raw.merge(level, c.students(), Integer::sum);
            if (level.scored()) {
                scored += c.students();
                ready += level == ReadinessLevel.READY ? c.students() : 0;
                readinessSum += c.readinessSum();
                readinessCount += c.readinessCount();
            }
        }
        int unscored = Math.max(0, students - raw.values().stream().mapToInt(Integer::intValue).sum());
        Double share = scored == 0 ? null : four((double) ready / scored);
        Double mean = readinessCount == 0 ? null : four(readinessSum / readinessCount);
        if (!suppress) {
            Map<ReadinessLevel, @Nullable Integer> levels = new EnumMap<>(ReadinessLevel.class);
            levels.putAll(raw);
            return new CohortFunction(source.standardCode(), f.code(), f.name(), f.qualificationLevel(), levels,
                    unscored, scored, share, mean, outcomeDrags(outcomes, false), kindDrags(kinds, false), null);
        }
        // the coarse partition employers see (READY, PARTIALLY_READY, the rest) first, so that this row and the
        // employer aggregate of the same ТФ and group hide the same counts; then the rest within its published total
        int partially = raw.getOrDefault(ReadinessLevel.PARTIALLY_READY, 0);
        int readyCount = raw.getOrDefault(ReadinessLevel.READY, 0);
        Long[] coarse = SmallCells.suppressParts(new long[] {readyCount, partially, students - readyCount - partially});
        if (coarse == null) {
            return new CohortFunction(source.standardCode(), f.code(), f.name(), f.qualificationLevel(), hiddenLevels(),
                    null, null, null, null, List.of(), List.of(), SmallCells.Reason.NO_SAFE_COMPLEMENT);
        }
        long[] fineParts = new long[NOT_READY_FAMILY.size() + 1];
        for (int i = 0; i < NOT_READY_FAMILY.size(); i++) {
            fineParts[i] = raw.getOrDefault(NOT_READY_FAMILY.get(i), 0);
        }
        fineParts[NOT_READY_FAMILY.size()] = unscored;
        Long[] fine = coarse[2] == null ? null : SmallCells.suppressParts(fineParts);
        if (fine == null) {
            fine = new Long[fineParts.length];
        }
        Map<ReadinessLevel, @Nullable Integer> levels = new EnumMap<>(ReadinessLevel.class);
        levels.put(ReadinessLevel.READY, toInt(coarse[0]));
        levels.put(ReadinessLevel.PARTIALLY_READY, toInt(coarse[1]));
        for (int i = 0; i < NOT_READY_FAMILY.size(); i++) {
            levels.put(NOT_READY_FAMILY.get(i), toInt(fine[i]));
        }
        Integer shownUnscored = toInt(fine[NOT_READY_FAMILY.size()]);
        boolean hidden = levels.containsValue(null) || shownUnscored == null;
        // scored = the sum of the four scored levels, published only when each of them is
        Integer shownScored = Arrays.stream(ReadinessLevel.values()).filter(ReadinessLevel::scored)
                .allMatch(l -> levels.get(l) != null) ? scored : null;
        boolean enough = shownScored != null && !SmallCells.tooSmall(shownScored);
        List<OutcomeDrag> drags = outcomeDrags(outcomes, true);
        List<KindDrag> kindDrags = kindDrags(kinds, true);
        hidden |= drags.size() < Math.min(DRAGS_LISTED, outcomes.size())
                || kindDrags.size() < Math.min(DRAGS_LISTED, kinds.size())
                || drags.stream().anyMatch(d -> d.meanMastery() == null || d.withoutEvidence() == null);
        hidden |= (share != null || mean != null) && !enough;
        return new CohortFunction(source.standardCode(), f.code(), f.name(), f.qualificationLevel(), levels,
                shownUnscored, shownScored, enough && levels.get(ReadinessLevel.READY) != null ? share : null,
                enough ? mean : null, drags, kindDrags, hidden ? SmallCells.Reason.SMALL_COUNTS : null);
    }

    private static @Nullable Integer toInt(@Nullable Long v) {
        return v == null ? null : v.intValue();
    }

    /**
     * The lowest mean mastery first; an outcome nobody has evidence for is the worst. Suppressed:
     * outcomes judged for fewer than K students are left out, a mean over fewer than K students with
     * evidence is withheld, and the counts without evidence and below 0.5 are suppressed as parts of
     * the outcome's students.
     */
    private static List<OutcomeDrag> outcomeDrags(List<ReportRepository.OutcomeAggregate> outcomes, boolean suppress) {
        List<OutcomeDrag> drags = new ArrayList<>();
        for (ReportRepository.OutcomeAggregate o : outcomes) {
            Double mean = o.meanMastery() == null ? null : four(o.meanMastery());
            if (!suppress) {
                drags.add(new OutcomeDrag(o.outcomeCode(), mean, o.withoutEvidence(), o.weak()));
                continue;
            }
            if (SmallCells.tooSmall(o.students())) {
                continue;
            }
            Long[] parts = SmallCells.suppressParts(new long[] {o.withoutEvidence(), o.weak(),
                    Math.max(0, o.students() - o.withoutEvidence() - o.weak())});
            drags.add(new OutcomeDrag(o.outcomeCode(),
                    SmallCells.tooSmall(o.students() - o.withoutEvidence()) ? null : mean,
                    parts == null ? null : toInt(parts[0]), parts == null ? null : toInt(parts[1])));
        }
        return drags.stream()
                .sorted(Comparator.comparing((OutcomeDrag d) -> d.meanMastery() == null ? -1 : d.meanMastery())
                        .thenComparing(d -> -(nz(d.withoutEvidence()) + nz(d.weak())))
                        .thenComparing(OutcomeDrag::outcomeCode))
                .limit(DRAGS_LISTED).toList();
    }

    private static int nz(@Nullable Integer v) {
        return v == null ? 0 : v;
    }

    /** The lowest mean score first; suppressed: kinds whose results belong to fewer than K students are left out. */
    private static List<KindDrag> kindDrags(List<ReportRepository.KindAggregate> kinds, boolean suppress) {
        return kinds.stream()
                .filter(k -> !suppress || !SmallCells.tooSmall(k.students()))
                .map(k -> new KindDrag(EvidenceKind.valueOf(k.kind()), four(k.meanScore()), k.results()))
                .sorted(Comparator.comparingDouble(KindDrag::meanScore).thenComparing(KindDrag::kind))
                .limit(DRAGS_LISTED).toList();
    }


    // --- small helpers ---

    private static AboveLevelFunction aboveLevel(Provenance.Source source, FunctionRow f, List<MappingRow> ms,
                                                 Map<Long, OutcomeRow> outcomes) {
        return new AboveLevelFunction(source.standardCode(), f.code(), f.name(), f.generalizedCode(),
                f.qualificationLevel(), ms.stream().map(m -> outcomes.get(m.outcomeId()).code()).distinct().toList());
    }

    private static Map<List<Object>, MappingRow> keyed(List<MappingRow> rows) {
        Map<List<Object>, MappingRow> map = new LinkedHashMap<>();
        for (MappingRow m : rows) {
            map.put(java.util.Arrays.asList(m.outcomeId(), m.functionId(), m.elementId()), m);
        }
        return map;
    }

    private static FunctionRef ref(Provenance.Source source, FunctionRow f, ProgrammeRow p) {
        return new FunctionRef(source.standardCode(), f.code(), f.name(), f.generalizedCode(), f.qualificationLevel(),
                f.qualificationLevel() > p.qualificationLevel());
    }

    private static ElementRef ref(FunctionRow f, ElementRow e) {
        return new ElementRef(f.code(), e.kind(), e.position(), e.text());
    }

    private static OutcomeRef ref(OutcomeRow o) {
        return new OutcomeRef(o.code(), o.kind(), o.name(), o.moduleCode());
    }

    private static <T> Map<Long, T> byId(List<T> rows, Function<T, Long> id) {
        Map<Long, T> map = new HashMap<>();
        rows.forEach(r -> map.put(id.apply(r), r));
        return map;
    }

    public static InvalidInputException badParameter(String field, @Nullable String value, String reason) {
        return new InvalidInputException(BAD_PARAMETER, "Invalid report parameter '" + field + "': " + reason,
                List.of(new Problem(null, field, value, reason)), 1);
    }
}

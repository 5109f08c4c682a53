package ru.workready.data.employers;

import ru.workready.data.scoring.Moment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;
import ru.workready.data.scoring.ReadinessService;
import ru.workready.data.NotFoundException;
import ru.workready.data.employers.CohortAggregates;
import ru.workready.data.employers.CohortFilter;
import ru.workready.data.employers.CohortRepository;
import ru.workready.data.employers.CohortRepository.MemberStandings;
import ru.workready.data.employers.CohortRepository.OutcomeEvidence;
import ru.workready.data.employers.DemandTargets;
import ru.workready.data.reports.ReportParameters.CohortAsOf;
import ru.workready.data.reports.TrendService;
import ru.workready.engine.Decimals;
import ru.workready.engine.assessments.EvidenceKind;
import ru.workready.engine.employers.JobFit;
import ru.workready.engine.employers.ProfileFunction;
import ru.workready.engine.employers.SmallCells;
import ru.workready.engine.employers.Standing;
import ru.workready.engine.scoring.EvidenceContribution;
import ru.workready.engine.scoring.FunctionScore;
import ru.workready.engine.scoring.OutcomeContribution;
import ru.workready.engine.scoring.ReadinessLevel;

/**
 * Employer aggregates and candidates as of a day ({@code asOf=YYYY-MM-DD}) or at graduation ({@code asOf=graduation}:
 * each student's graduation date, 30 June of the programme's graduation year): every student in scope scored then with
 * today's rule set and mapping, computed in Java and not stored, then grouped and suppressed exactly like the SQL
 * aggregation of the stored scores (SqlAggregatesMatchJavaTest compares the two). Students whose day lies after today
 * (not graduated yet) are left out and counted.
 */
@Component
public class EmployerAsOf {
    /** The students scored as of the day: their standings, their scores by ТФ id, and how many were left out. */
    public record Scored(List<MemberStandings> members, Map<String, Map<Long, FunctionScore>> scores, int notYetGraduated) {
    }

    private final CohortRepository cohorts;
    private final ReadinessService readiness;
    private final Clock clock;

    EmployerAsOf(CohortRepository cohorts, ReadinessService readiness, Clock clock) {
        this.cohorts = cohorts;
        this.readiness = readiness;
        this.clock = clock;
    }

    public Scored score(CohortFilter filter, List<ProfileFunction> functions, boolean consentingOnly, CohortAsOf asOf) {
        LocalDate today = LocalDate.now(clock);
        Set<String> standards = new LinkedHashSet<>();
        functions.forEach(f -> standards.add(f.standardCode()));
        List<MemberStandings> members = new ArrayList<>();
        Map<String, Map<Long, FunctionScore>> scores = new HashMap<>();
        int later = 0;
        for (MemberStandings m : cohorts.standings(filter, ids(functions), consentingOnly)) {
            LocalDate day = asOf.graduation() ? TrendService.graduationDate(m.member().graduationYear())
                    : Objects.requireNonNull(asOf.date());
            if (day.isAfter(today)) {
                later++;
                continue;
            }
            Map<Long, FunctionScore> byId = new HashMap<>();
            for (String standard : standards) {
                byId.putAll(scores(m.member().studentId(), standard, day));
            }
            Map<Long, Standing> standings = new HashMap<>();
            for (ProfileFunction f : functions) {
                FunctionScore s = byId.get(f.labourFunctionId());
                if (s != null) {
                    standings.put(f.labourFunctionId(), new Standing(s.level(), s.readiness()));
                }
            }
            members.add(new MemberStandings(m.member(), standings));
            scores.put(m.member().studentId(), byId);
        }
        return new Scored(members, scores, later);
    }

    /** The student's scores as of the day by the ids of its edition's ТФ; none without a mapping to the standard. */
    private Map<Long, FunctionScore> scores(String studentId, String standard, LocalDate day) {
        try {
            ReadinessService.Assessed a = readiness.asOf(studentId, standard, Moment.of(day));
            Map<String, Long> ids = readiness.functionIds(a.standardId());
            Map<Long, FunctionScore> byId = new HashMap<>();
            a.readiness().functions().forEach(f -> {
                Long id = ids.get(f.code());
                if (id != null) {
                    byId.put(id, f);
                }
            });
            return byId;
        } catch (NotFoundException e) {
            return Map.of();
        }
    }

    /** Consenting members ranked as the SQL ranks them: must-haves met first, then job fit, then student id. */
    static List<CohortAggregates.Ranked> top(List<MemberStandings> members, List<ProfileFunction> functions,
                                             int limit) {
        return members.stream().filter(m -> m.member().consent())
                .sorted(Comparator.comparing((MemberStandings m) -> !JobFit.of(functions, m.standings()).mustHavesMet())
                        .thenComparing(m -> -JobFit.of(functions, m.standings()).fit())
                        .thenComparing(m -> m.member().studentId()))
                .limit(limit).map(m -> new CohortAggregates.Ranked(m.member(), m.standings())).toList();
    }

    /** What stands behind each ТФ of the ranked students, from their scores' explanations (as the stored ones say). */
    static Map<String, Map<Long, List<OutcomeEvidence>>> outcomes(Scored scored, Set<Long> functionIds) {
        Map<String, Map<Long, List<OutcomeEvidence>>> out = new HashMap<>();
        scored.scores().forEach((student, byId) -> {
            Map<Long, List<OutcomeEvidence>> perFunction = new HashMap<>();
            for (Long id : functionIds) {
                FunctionScore f = byId.get(id);
                if (f != null) {
                    perFunction.put(id, f.outcomes().stream().map(EmployerAsOf::evidence).toList());
                }
            }
            out.put(student, perFunction);
        });
        return out;
    }

    private static OutcomeEvidence evidence(OutcomeContribution o) {
        Set<EvidenceKind> kinds = EnumSet.noneOf(EvidenceKind.class);
        o.evidence().stream().map(EvidenceContribution::kind).forEach(kinds::add);
        return new OutcomeEvidence(o.outcomeCode(), o.critical(), o.mappingWeight(), o.mastery(), kinds);
    }

    /**
     * The aggregate of members held in the heap: per group (college × programme × graduation year) the employer
     * levels, the median job fit, suppressed as {@link EmployerCells#publish} says; totals over published groups.
     */
    public static EmployerQueries.Aggregate aggregate(EmployerQueries.Subject subject, List<MemberStandings> members) {
        Map<List<Object>, List<MemberStandings>> groups = new LinkedHashMap<>();
        for (MemberStandings m : members) {
            var s = m.member();
            groups.computeIfAbsent(List.of(s.collegeCode(), s.fgosCode(), s.graduationYear()), k -> new ArrayList<>())
                    .add(m);
        }
        List<EmployerQueries.Cell> cells = new ArrayList<>();
        List<Double> publishedFits = new ArrayList<>();
        long publishedStudents = 0;
        int suppressed = 0;
        for (List<MemberStandings> group : groups.values()) {
            var first = group.get(0).member();
            double[] fits = new double[group.size()];
            Map<ReadinessLevel, Long> levelCounts = new EnumMap<>(ReadinessLevel.class);
            for (int i = 0; i < group.size(); i++) {
                Map<Long, Standing> standings = group.get(i).standings();
                JobFit fit = JobFit.of(subject.functions(), standings);
                fits[i] = fit.fit();
                ReadinessLevel level = subject.singleFunction()
                        ? DemandTargets.employerLevel(standings.get(subject.functions().get(0).labourFunctionId()))
                        : fit.level();
                levelCounts.merge(level, 1L, Long::sum);
            }
            long withoutConsent = group.stream().filter(m -> !m.member().consent()).count();
            EmployerCells.Published p = EmployerCells.publish(new EmployerCells.Group(first.collegeCode(),
                    first.collegeName(), first.region(), first.fgosCode(), first.programmeName(),
                    first.graduationYear()), group.size(), withoutConsent, levelCounts, () -> SmallCells.median(fits));
            cells.add(p.cell());
            if (p.suppressed()) {
                suppressed++;
                continue;
            }
            publishedStudents += group.size();
            if (!p.partsHidden()) {
                for (double f : fits) {
                    publishedFits.add(f);
                }
            }
        }
        double median = SmallCells.median(publishedFits.stream().mapToDouble(Double::doubleValue).toArray());
        return new EmployerQueries.Aggregate(cells, new EmployerQueries.Totals(publishedStudents,
                cells.size() - suppressed, suppressed, Double.isNaN(median) ? null : round(median)));
    }

    private static List<Long> ids(List<ProfileFunction> functions) {
        return functions.stream().map(ProfileFunction::labourFunctionId).toList();
    }

    private static double round(double v) {
        return Decimals.four(v);
    }
}

package ru.workready.data.reports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.workready.data.reports.ReportRepository.CohortAggregates;
import ru.workready.data.reports.ReportRepository.FunctionRow;
import ru.workready.data.reports.ReportRepository.KindAggregate;
import ru.workready.data.reports.ReportRepository.LevelCount;
import ru.workready.data.reports.ReportRepository.OutcomeAggregate;
import ru.workready.engine.scoring.EvidenceContribution;
import ru.workready.engine.scoring.FunctionScore;
import ru.workready.engine.scoring.OutcomeContribution;
import ru.workready.engine.scoring.StudentReadiness;

/**
 * Computed readiness aggregated as {@link ReportRepository#cohort} aggregates the stored scores and their
 * explanations: level counts per ТФ; for scored levels, each mapped outcome's mean mastery (over the students with
 * one), students without evidence and below 0.5, and each evidence kind's mean score over non-superseded results.
 */
final class ComputedCohortAggregates {
    private record LevelKey(long f, String level, String ruleSet) {
    }

    private record OutcomeKey(long f, String code) {
    }

    private record KindKey(long f, String kind) {
    }

    private final Map<String, Long> functionIds = new HashMap<>();
    private final List<String> scoredLevels;
    private final Map<LevelKey, double[]> levels = new LinkedHashMap<>(); // students, readiness sum, readiness n
    private final Map<OutcomeKey, double[]> outcomes = new LinkedHashMap<>(); // sum, n, without, weak
    private final Map<OutcomeKey, Set<String>> outcomeStudents = new HashMap<>();
    private final Map<KindKey, double[]> kinds = new LinkedHashMap<>(); // score sum, results
    private final Map<KindKey, Set<String>> kindStudents = new HashMap<>();

    private ComputedCohortAggregates(List<FunctionRow> functions, List<String> scoredLevels) {
        functions.forEach(f -> functionIds.put(f.code(), f.id()));
        this.scoredLevels = scoredLevels;
    }

    /** The aggregates of {@code scored} over the ТФ of one source's standard edition. */
    static CohortAggregates of(List<StudentReadiness> scored, Provenance.Source source, List<FunctionRow> functions,
                               List<String> scoredLevels) {
        ComputedCohortAggregates a = new ComputedCohortAggregates(functions, scoredLevels);
        for (StudentReadiness r : scored) {
            for (FunctionScore f : r.functions()) {
                Long id = a.functionIds.get(f.code());
                if (id != null) {
                    a.add(r, id, f);
                }
            }
        }
        return a.aggregates(source.mappingSetId());
    }

    private void add(StudentReadiness r, long id, FunctionScore f) {
        double[] l = levels.computeIfAbsent(new LevelKey(id, f.level().name(), r.ruleSetVersion()),
                k -> new double[3]);
        l[0]++;
        if (f.readiness() != null) {
            l[1] += f.readiness();
            l[2]++;
        }
        if (!scoredLevels.contains(f.level().name())) {
            return;
        }
        for (OutcomeContribution o : f.outcomes()) {
            OutcomeKey ok = new OutcomeKey(id, o.outcomeCode());
            double[] a = outcomes.computeIfAbsent(ok, k -> new double[4]);
            if (o.mastery() == null) {
                a[2]++;
            } else {
                a[0] += o.mastery();
                a[1]++;
                a[3] += o.mastery() < 0.5 ? 1 : 0;
            }
            outcomeStudents.computeIfAbsent(ok, k -> new HashSet<>()).add(r.studentId());
            for (EvidenceContribution e : o.evidence()) {
                if (!e.superseded()) {
                    addEvidence(r, id, e);
                }
            }
        }
    }

    private void addEvidence(StudentReadiness r, long id, EvidenceContribution e) {
        KindKey kk = new KindKey(id, e.kind().name());
        double[] k = kinds.computeIfAbsent(kk, x -> new double[2]);
        k[0] += e.score();
        k[1]++;
        kindStudents.computeIfAbsent(kk, x -> new HashSet<>()).add(r.studentId());
    }

    private CohortAggregates aggregates(long mappingSetId) {
        List<LevelCount> levelCounts = new ArrayList<>();
        levels.forEach((k, v) -> levelCounts.add(new LevelCount(k.f(), k.level(), (int) v[0], v[1],
                (int) v[2], k.ruleSet(), mappingSetId)));
        List<OutcomeAggregate> outcomeAggregates = new ArrayList<>();
        outcomes.forEach((k, v) -> outcomeAggregates.add(new OutcomeAggregate(k.f(), k.code(),
                v[1] == 0 ? null : v[0] / v[1], (int) v[2], (int) v[3], outcomeStudents.get(k).size())));
        List<KindAggregate> kindAggregates = new ArrayList<>();
        kinds.forEach((k, v) -> kindAggregates.add(new KindAggregate(k.f(), k.kind(), v[0] / v[1],
                (int) v[1], kindStudents.get(k).size())));
        return new CohortAggregates(levelCounts, outcomeAggregates, kindAggregates);
    }
}

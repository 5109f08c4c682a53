package ru.workready.data.outcomes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.workready.data.outcomes.ValidityReport.Feature;
import ru.workready.data.outcomes.ValidityService.Scored;
import ru.workready.data.outcomes.Intervals;
import ru.workready.data.reports.Tabular;
import ru.workready.data.reports.Table;
import ru.workready.engine.outcomes.Interval;
import ru.workready.engine.outcomes.RocAuc;
import ru.workready.engine.outcomes.ValidityAnalysis.Verdict;
import ru.workready.engine.scoring.FunctionScore;
import ru.workready.engine.scoring.ReadinessLevel;

/**
 * The validity report of a candidate rule set beside the active one's, on the same graduates scored as of
 * graduation (nothing stored), and per reading which predicts employment in specialty better: the difference of the
 * AUCs (candidate − active) with a paired bootstrap interval. A difference whose interval covers 0 is no clear
 * difference; too-thin or withheld readings get no difference.
 */
public record ValidityComparison(String candidate, ValidityReport active, ValidityReport candidateReport,
                                 List<Row> rows) implements Tabular {

    /** Which rule set predicts a reading better. */
    public enum Better { CANDIDATE, ACTIVE, NO_CLEAR_DIFFERENCE, TOO_THIN }

    public record Row(String kind, String code, @Nullable Interval activeAuc, @Nullable Interval candidateAuc,
                      @Nullable Interval difference, Better better) {
    }

    static ValidityComparison of(String candidate, ValidityReport active, ValidityReport other,
                                 List<Scored> activeScores, List<Scored> candidateScores, long seed, int resamples) {
        Map<String, Feature> theirs = new HashMap<>();
        other.all().forEach(f -> theirs.put(f.kind() + "|" + f.code(), f));
        List<Row> rows = new ArrayList<>();
        for (Feature mine : active.all()) {
            Feature cand = theirs.get(mine.kind() + "|" + mine.code());
            if (cand == null) {
                continue;
            }
            Interval a = mine.figure().auc();
            Interval c = cand.figure().auc();
            boolean thin = mine.figure().verdict() == Verdict.TOO_THIN || cand.figure().verdict() == Verdict.TOO_THIN;
            Interval diff = null;
            if (!thin && a != null && c != null && mine.kind().equals("ТФ")) {
                diff = pairedDifference(mine.code(), activeScores, candidateScores, seed, resamples);
            }
            Better better = thin ? Better.TOO_THIN : diff == null || diff.covers(0) ? Better.NO_CLEAR_DIFFERENCE
                    : diff.low() > 0 ? Better.CANDIDATE : Better.ACTIVE;
            rows.add(new Row(mine.kind(), mine.code(), a, c, diff, better));
        }
        return new ValidityComparison(candidate, active, other, rows);
    }

    /** The paired AUC difference of one ТФ over the graduates with a reading of it under both rule sets. */
    private static @Nullable Interval pairedDifference(String code, List<Scored> active, List<Scored> candidate,
                                                       long seed, int resamples) {
        List<double[]> pairs = new ArrayList<>();
        List<Boolean> outcomes = new ArrayList<>();
        for (int i = 0; i < active.size(); i++) {
            ReadinessLevel a = level(active.get(i), code);
            ReadinessLevel c = level(candidate.get(i), code);
            if (a != null && c != null && a.scored() && c.scored()) {
                pairs.add(new double[] {a.strength(), c.strength()});
                outcomes.add(active.get(i).outcome());
            }
        }
        boolean[] o = new boolean[outcomes.size()];
        for (int i = 0; i < o.length; i++) {
            o[i] = outcomes.get(i);
        }
        if (outcomes.stream().distinct().count() < 2) {
            return null;
        }
        return RocAuc.pairedDifference(pairs.stream().mapToDouble(p -> p[0]).toArray(),
                pairs.stream().mapToDouble(p -> p[1]).toArray(), o, seed, resamples);
    }

    private static @Nullable ReadinessLevel level(Scored s, String code) {
        for (FunctionScore f : s.readiness().functions()) {
            if (f.code().equals(code)) {
                return f.level();
            }
        }
        return null;
    }

    @Override
    public List<String> provenanceLines() {
        List<String> lines = new ArrayList<>(active.provenanceLines());
        lines.add("Сравнение с набором правил-кандидатом " + candidate + " (оценка на дату выпуска, не сохранена)");
        return lines;
    }

    @Override
    public List<String> notes() {
        return active.notes();
    }

    @Override
    public List<Table> tables() {
        List<List<@Nullable Object>> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(Arrays.asList(r.kind(), r.code(), Intervals.estimate(r.activeAuc()),
                    Intervals.estimate(r.candidateAuc()), Intervals.estimate(r.difference()),
                    Intervals.low(r.difference()), Intervals.high(r.difference()), r.better().name()));
        }
        List<Table> tables = new ArrayList<>();
        tables.add(new Table("Сравнение наборов правил", List.of("Вид", "Код", "AUC действующего",
                "AUC кандидата", "Разница AUC", "нижняя граница", "верхняя граница", "Лучше предсказывает"), out));
        tables.addAll(active.tables());
        candidateReport.tables().forEach(t -> tables.add(new Table(t.name() + " (кандидат)", t.header(), t.rows())));
        return tables;
    }

    @Override
    public String fileName() {
        return "validity-comparison-" + candidate;
    }
}

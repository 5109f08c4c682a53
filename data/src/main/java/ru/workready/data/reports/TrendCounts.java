package ru.workready.data.reports;

import static ru.workready.engine.Decimals.four;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import ru.workready.data.reports.TrendRepository.Intake;
import ru.workready.engine.employers.SmallCells;
import ru.workready.engine.scoring.FunctionScore;
import ru.workready.engine.scoring.ReadinessLevel;
import ru.workready.engine.scoring.StudentReadiness;

/**
 * Counts one year of a trend report, suppressing small groups unless the caller reads its own college. The group is the
 * employer aggregates' one (college × programme × year): a group of fewer than K graduates is left out of the year; in
 * the others each ТФ's counts are published as {@link SmallCells#publish} allows (small counts and their complements
 * hidden, nothing when 1 … K−1 graduates withheld consent). A year's number is the sum of its groups' published
 * numbers, hidden when any group's is: a region's trend reveals nothing its colleges' trends do not.
 */
final class TrendCounts {
    /** One graduated intake scored as of its graduation date. */
    record Scored(Intake intake, LocalDate graduation, List<StudentReadiness> readiness) {
    }

    /** A year's published numbers per ТФ code, and the editions (standard ids) its intakes were scored against. */
    record YearCounts(TrendReport.Year year, Set<Long> editions, Map<String, TrendReport.Point> points,
                      Map<String, Integer> qualificationLevels) {
    }

    /** ready, partially ready, not ready, not scored; readiness sum and count. */
    private static final class Cell {
        final long[] parts = new long[4];
        double readinessSum;
        long readinessCount;

        void add(FunctionScore f) {
            ReadinessLevel l = f.level();
            parts[l == ReadinessLevel.READY ? 0 : l == ReadinessLevel.PARTIALLY_READY ? 1 : l.scored() ? 2 : 3]++;
            if (l.scored() && f.readiness() != null) {
                readinessSum += f.readiness();
                readinessCount++;
            }
        }
    }

    private final boolean suppress;
    private boolean anyHidden;

    TrendCounts(boolean suppress) {
        this.suppress = suppress;
    }

    Disclosure disclosure() {
        return Disclosure.of(suppress, false, anyHidden ? SmallCells.Reason.SMALL_COUNTS : null);
    }

    YearCounts year(int year, List<Scored> scored, int notGraduated, int withoutMapping) {
        Map<String, List<Scored>> groups = new TreeMap<>();
        scored.forEach(s -> groups.computeIfAbsent(s.intake().collegeCode(), c -> new ArrayList<>()).add(s));
        Map<String, Integer> levels = new HashMap<>();
        Map<String, long[]> totals = new TreeMap<>();
        Map<String, Boolean> hidden = new HashMap<>();
        Map<String, double[]> means = new HashMap<>();
        Map<Long, Integer> byEdition = new LinkedHashMap<>();
        Set<Long> editions = new TreeSet<>();
        TreeSet<LocalDate> dates = new TreeSet<>();
        int graduates = 0;
        int leftOut = 0;
        for (List<Scored> group : groups.values()) {
            int n = group.stream().mapToInt(s -> s.readiness().size()).sum();
            long withoutConsent = group.stream().mapToLong(s -> s.intake().withoutConsent()).sum();
            group.forEach(s -> editions.add(s.intake().standardId()));
            if (n == 0) {
                continue;
            }
            if (suppress && SmallCells.tooSmall(n)) {
                leftOut++;
                anyHidden = true;
                continue;
            }
            graduates += n;
            for (Scored s : group) {
                dates.add(s.graduation());
                byEdition.merge(s.intake().standardId(), s.readiness().size(), Integer::sum);
            }
            Map<String, Cell> cells = cells(group, levels);
            for (var e : cells.entrySet()) {
                Cell c = e.getValue();
                long[] counted = c.parts.clone();
                counted[3] += n - (counted[0] + counted[1] + counted[2] + counted[3]);
                Long[] shown = suppress ? SmallCells.publish(n, withoutConsent, counted).parts() : boxed(counted);
                long[] total = totals.computeIfAbsent(e.getKey(), k -> new long[4]);
                for (int i = 0; i < 4; i++) {
                    if (shown == null || shown[i] == null) {
                        hidden.put(e.getKey() + "#" + i, true);
                    } else {
                        total[i] += shown[i];
                    }
                }
                boolean meanWithheld = shown == null || java.util.Arrays.stream(shown).allMatch(v -> v == null);
                double[] mean = means.computeIfAbsent(e.getKey(), k -> new double[3]);
                mean[0] += c.readinessSum;
                mean[1] += c.readinessCount;
                mean[2] += meanWithheld ? 1 : 0;
            }
        }
        Map<String, TrendReport.Point> points = new TreeMap<>();
        totals.forEach((code, t) -> points.put(code, point(year, code, t, hidden, means.get(code))));
        List<TrendReport.Edition> editionList = new ArrayList<>();
        byEdition.forEach((id, count) -> scored.stream().filter(s -> id.equals(s.intake().standardId())).findFirst()
                .ifPresent(s -> editionList.add(new TrendReport.Edition(s.intake().orderNumber(),
                        s.intake().approvalDate(), scored.stream().filter(x -> id.equals(x.intake().standardId()))
                        .map(x -> x.intake().mappingVersion()).distinct().sorted().toList(),
                        suppress && SmallCells.tooSmall(count) ? null : count))));
        boolean nothing = leftOut > 0 && graduates == 0;
        return new YearCounts(new TrendReport.Year(year, nothing ? null : graduates, leftOut, notGraduated,
                withoutMapping, List.copyOf(dates), editionList, leftOut > 0 ? SmallCells.Reason.SMALL_GROUP : null),
                editions, points, levels);
    }

    private static Map<String, Cell> cells(List<Scored> group, Map<String, Integer> levels) {
        Map<String, Cell> cells = new TreeMap<>();
        for (Scored s : group) {
            for (StudentReadiness r : s.readiness()) {
                for (FunctionScore f : r.functions()) {
                    cells.computeIfAbsent(f.code(), k -> new Cell()).add(f);
                    levels.putIfAbsent(f.code(), f.qualificationLevel());
                }
            }
        }
        return cells;
    }

    private TrendReport.Point point(int year, String code, long[] total, Map<String, Boolean> hidden,
                                    double[] mean) {
        Integer[] shown = new Integer[4];
        boolean anyPartHidden = false;
        for (int i = 0; i < 4; i++) {
            boolean h = hidden.containsKey(code + "#" + i);
            anyPartHidden |= h;
            shown[i] = h ? null : (int) total[i];
        }
        anyHidden |= anyPartHidden;
        Integer scored = shown[0] == null || shown[1] == null || shown[2] == null ? null
                : shown[0] + shown[1] + shown[2];
        boolean enough = scored != null && scored > 0 && (!suppress || !SmallCells.tooSmall(scored));
        boolean meanShown = mean[2] == 0 && mean[1] > 0 && (!suppress || !SmallCells.tooSmall((long) mean[1]));
        return new TrendReport.Point(year, true, shown[0], shown[1], shown[2], shown[3],
                enough ? four((double) shown[0] / scored) : null, enough ? four((double) shown[1] / scored) : null,
                meanShown ? four(mean[0] / mean[1]) : null,
                anyPartHidden || (scored != null && scored > 0 && !enough) ? SmallCells.Reason.SMALL_COUNTS : null);
    }

    private static Long[] boxed(long[] parts) {
        Long[] out = new Long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = parts[i];
        }
        return out;
    }
}

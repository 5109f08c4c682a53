package ru.workready.engine.outcomes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import ru.workready.engine.employers.SmallCells;

/**
 * How well one reading at graduation (a ТФ's level, an ОТФ's, or a graduate-level summary) predicts a yes/no outcome
 * (employment in specialty): the outcome's rate in each group of the reading with its Wilson interval, the
 * difference between the "high" group (READY) and the rest with Newcombe's interval, and the AUC of the reading's
 * score with a seeded bootstrap interval. A reading predicts when the AUC's interval excludes 0.5 ("no effect"; the
 * difference's interval and 0 when there is no AUC); when it covers it, the reading predicts nothing. Fewer than
 * {@code minimumPerGroup} graduates in the high or low
 * group, or with or without the outcome: too thin, no verdict.
 *
 * <p>With {@code suppress} (anybody but the graduates' own college) no number describes 1 … K−1 graduates: a group's
 * rate is withheld when the group, or its graduates with or without the outcome, number 1 … K−1 (the rate times the
 * group would give them); the difference when either of its rates is; the AUC when fewer than K have, or lack, the
 * outcome.
 */
public final class ValidityAnalysis {

    /** The verdict on one reading. */
    public enum Verdict { PREDICTS, PREDICTS_INVERSELY, PREDICTS_NOTHING, TOO_THIN }

    /** How the figures are computed. */
    public record Settings(int minimumPerGroup, boolean suppress, long seed, int resamples) {
        public Settings {
            minimumPerGroup = Math.max(SmallCells.K, minimumPerGroup);
        }
    }

    /**
     * One graduate's reading: the group (a level), whether it counts as high (READY), a score to rank (NaN: not ranked,
     * e.g. too little evidence to judge — left out of the AUC only), the outcome.
     */
    public record Reading(String group, boolean high, double score, boolean outcome) {
    }

    /**
     * The outcome's rate in one group; rate and count null when withheld (then {@code withheld} says why), the group's
     * size too when it is 1 … K−1.
     */
    public record GroupRate(String group, @Nullable Integer graduates, @Nullable Integer withOutcome, @Nullable Interval rate,
                            @Nullable String withheld) {
    }

    /**
     * Everything about one reading. With suppression, a count of 1 … K−1 (graduates, those with the outcome, the high
     * or the low group) is null.
     */
    public record Figure(String feature, @Nullable Integer graduates, @Nullable Integer withOutcome,
                         List<GroupRate> groups, @Nullable Integer highGraduates, @Nullable Integer lowGraduates,
                         @Nullable Interval highVsLow, @Nullable Interval auc, Verdict verdict,
                         @Nullable String withheld) {
    }

    private ValidityAnalysis() {
    }

    /** The figure of one reading over the graduates; {@code groupOrder} lists the groups in display order. */
    public static Figure figure(String feature, List<Reading> readings, List<String> groupOrder, Settings s) {
        Tally t = new Tally(readings, groupOrder);
        List<GroupRate> groups = new ArrayList<>();
        t.byGroup.forEach((group, c) -> groups.add(rate(group, c[0], c[1], s)));
        int rankedPositives = (int) t.outcomes.stream().filter(o -> o).count();
        int rankedNegatives = t.outcomes.size() - rankedPositives;
        boolean thin = t.high[0] < s.minimumPerGroup() || t.low[0] < s.minimumPerGroup()
                || rankedPositives < s.minimumPerGroup() || rankedNegatives < s.minimumPerGroup();
        Interval diff = t.high[0] > 0 && t.low[0] > 0
                ? Proportions.difference(t.high[1], t.high[0], t.low[1], t.low[0]) : null;
        Interval auc = rankedPositives > 0 && rankedNegatives > 0 ? aucOf(t.scores, t.outcomes, s) : null;
        Verdict verdict = thin ? Verdict.TOO_THIN : verdict(diff, auc);
        String withheld = null;
        if (s.suppress() && diff != null && (hides(t.high[0], t.high[1]) || hides(t.low[0], t.low[1]))) {
            diff = null;
            withheld = "a rate it rests on describes fewer than " + SmallCells.K + " graduates";
        }
        if (s.suppress() && auc != null && (SmallCells.tooSmall(rankedPositives)
                || SmallCells.tooSmall(rankedNegatives))) {
            auc = null;
            withheld = "fewer than " + SmallCells.K + " graduates have, or lack, the outcome";
        }
        if (thin) {
            // too thin: the verdict says so instead of a number
            diff = null;
            auc = null;
        }
        int n = readings.size();
        int positives = t.high[1] + t.low[1];
        if (s.suppress()) {
            return new Figure(feature, shown(n), hides(n, positives) ? null : positives, groups, shown(t.high[0]),
                    shown(t.low[0]), diff, auc, verdict, withheld);
        }
        return new Figure(feature, n, positives, groups, t.high[0], t.low[0], diff, auc, verdict, withheld);
    }

    /** Graduates and those with the outcome per group and per side (high, low); the ranked scores and outcomes. */
    private static final class Tally {
        final Map<String, int[]> byGroup = new LinkedHashMap<>();
        final int[] high = new int[2];
        final int[] low = new int[2];
        final List<Double> scores = new ArrayList<>();
        final List<Boolean> outcomes = new ArrayList<>();

        Tally(List<Reading> readings, List<String> groupOrder) {
            groupOrder.forEach(g -> byGroup.put(g, new int[2]));
            for (Reading r : readings) {
                int[] g = byGroup.computeIfAbsent(r.group(), k -> new int[2]);
                int[] side = r.high() ? high : low;
                g[0]++;
                side[0]++;
                if (r.outcome()) {
                    g[1]++;
                    side[1]++;
                }
                if (!Double.isNaN(r.score())) {
                    scores.add(r.score());
                    outcomes.add(r.outcome());
                }
            }
        }
    }

    private static @Nullable Integer shown(int count) {
        return small(count) ? null : count;
    }

    /** By the AUC's interval (it ranks every judged level, not only READY or not); the difference's without an AUC. */
    private static Verdict verdict(@Nullable Interval diff, @Nullable Interval auc) {
        Interval by = auc != null ? auc : diff;
        double none = auc != null ? 0.5 : 0;
        if (by == null || by.covers(none)) {
            return Verdict.PREDICTS_NOTHING;
        }
        return by.low() > none ? Verdict.PREDICTS : Verdict.PREDICTS_INVERSELY;
    }

    private static GroupRate rate(String group, int graduates, int withOutcome, Settings s) {
        if (graduates == 0) {
            return new GroupRate(group, 0, null, null, null);
        }
        if (s.suppress() && hides(graduates, withOutcome)) {
            return new GroupRate(group, SmallCells.tooSmall(graduates) ? null : graduates, null, null,
                    SmallCells.tooSmall(graduates) ? "the group has fewer than " + SmallCells.K + " graduates"
                            : "fewer than " + SmallCells.K + " graduates of the group have, or lack, the outcome");
        }
        return new GroupRate(group, graduates, withOutcome, Proportions.wilson(withOutcome, graduates), null);
    }

    /** Whether publishing k of n would describe 1 … K−1 graduates (the group, those with or those without). */
    private static boolean hides(int n, int k) {
        return small(n) || small(k) || small(n - k);
    }

    private static boolean small(int v) {
        return v > 0 && SmallCells.tooSmall(v);
    }

    private static Interval aucOf(List<Double> scores, List<Boolean> outcomes, Settings s) {
        double[][] split = RocAuc.split(scores, outcomes);
        return RocAuc.withInterval(split[0], split[1], s.seed(), s.resamples());
    }
}

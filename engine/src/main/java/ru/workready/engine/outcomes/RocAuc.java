package ru.workready.engine.outcomes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The area under the ROC curve of a score against a yes/no outcome: the probability that a graduate with the outcome
 * scores higher than one without, ties counting one half (the Mann–Whitney U statistic over n₁·n₀). 0.5 is a score
 * that tells nothing; 1.0 separates perfectly. Its 95 % interval is a percentile bootstrap, resampling the graduates
 * with and without the outcome separately (so every resample has both), with a given seed: the same data give the
 * same interval.
 */
public final class RocAuc {
    public static final int DEFAULT_RESAMPLES = 2000;

    private RocAuc() {
    }

    /**
     * AUC of scores: positives' against negatives' (both non-empty). Both sorted, one pass counts for each positive
     * the negatives below it and those tied with it (a tie counts one half).
     */
    public static double auc(double[] positives, double[] negatives) {
        if (positives.length == 0 || negatives.length == 0) {
            throw new IllegalArgumentException("need graduates with and without the outcome");
        }
        double[] p = positives.clone();
        double[] q = negatives.clone();
        Arrays.sort(p);
        Arrays.sort(q);
        long twiceU = 0;
        int below = 0;
        int notAbove = 0;
        for (double x : p) {
            while (below < q.length && q[below] < x) {
                below++;
            }
            while (notAbove < q.length && q[notAbove] <= x) {
                notAbove++;
            }
            twiceU += 2L * below + (notAbove - below);
        }
        return twiceU / (2.0 * p.length * q.length);
    }

    /** AUC with a stratified percentile-bootstrap 95 % interval from {@code resamples} resamples. */
    public static Interval withInterval(double[] positives, double[] negatives, long seed, int resamples) {
        double estimate = auc(positives, negatives);
        SplittableRandom random = new SplittableRandom(seed);
        double[] stats = new double[resamples];
        double[] p = new double[positives.length];
        double[] q = new double[negatives.length];
        for (int r = 0; r < resamples; r++) {
            for (int k = 0; k < p.length; k++) {
                p[k] = positives[random.nextInt(p.length)];
            }
            for (int k = 0; k < q.length; k++) {
                q[k] = negatives[random.nextInt(q.length)];
            }
            stats[r] = auc(p, q);
        }
        Arrays.sort(stats);
        return new Interval(estimate, quantile(stats, 0.025), quantile(stats, 0.975));
    }

    /**
     * The difference AUC(b) − AUC(a) of two scores of the same graduates, with a paired percentile-bootstrap 95 %
     * interval: each resample draws graduates (with and without the outcome separately) and scores both readings on
     * the same draw, so what the graduates share does not widen the interval.
     */
    public static Interval pairedDifference(double[] a, double[] b, boolean[] outcomes, long seed, int resamples) {
        int[] yes = java.util.stream.IntStream.range(0, outcomes.length).filter(i -> outcomes[i]).toArray();
        int[] no = java.util.stream.IntStream.range(0, outcomes.length).filter(i -> !outcomes[i]).toArray();
        double estimate = auc(pick(b, yes), pick(b, no)) - auc(pick(a, yes), pick(a, no));
        SplittableRandom random = new SplittableRandom(seed);
        double[] stats = new double[resamples];
        int[] y = new int[yes.length];
        int[] n = new int[no.length];
        for (int r = 0; r < resamples; r++) {
            for (int k = 0; k < y.length; k++) {
                y[k] = yes[random.nextInt(yes.length)];
            }
            for (int k = 0; k < n.length; k++) {
                n[k] = no[random.nextInt(no.length)];
            }
            stats[r] = auc(pick(b, y), pick(b, n)) - auc(pick(a, y), pick(a, n));
        }
        Arrays.sort(stats);
        return new Interval(estimate, quantile(stats, 0.025), quantile(stats, 0.975));
    }

    private static double[] pick(double[] values, int[] indices) {
        double[] out = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = values[indices[i]];
        }
        return out;
    }

    /** The q-quantile of sorted values, interpolated between order statistics. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Splits scores by outcome: [0] those with it, [1] those without. */
    public static double[][] split(List<Double> scores, List<Boolean> outcomes) {
        List<Double> yes = new ArrayList<>();
        List<Double> no = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            (outcomes.get(i) ? yes : no).add(scores.get(i));
        }
        return new double[][] {yes.stream().mapToDouble(Double::doubleValue).toArray(),
                no.stream().mapToDouble(Double::doubleValue).toArray()};
    }
}

package ru.workready.data.trainingorder;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Splits the graduates a need lacks into extra admission places per college — the stated rule of docs/training-order.md:
 * <ol>
 *   <li>each college's weight is its current intake × its READY share (a college that trains more, and better, gets
 *       more); when every weight is 0 the READY shares are the weights;</li>
 *   <li>a place yields {@code yield} ready, employed graduates (READY share × employed-in-specialty share), so the extra
 *       places are k × weight with k chosen so that Σ k × weight × yield = the graduates lacking;</li>
 *   <li>a college whose share would pass its capacity (limit − current intake) gets its whole headroom, and the
 *       graduates still lacking are split again among the others by the same rule, until none lack or every college
 *       is full (what is left is reported as unmet);</li>
 *   <li>places are whole: each college's share is rounded up, never past its headroom.</li>
 * </ol>
 * Pure arithmetic, no Spring, so that a test can recompute it by hand.
 */
public final class IntakeSplit {
    private static final double EPSILON = 1e-9;

    /** A college able to admit for the need: current intake, READY share, yield per place, capacity (null: no limit). */
    public record Candidate(String key, int currentIntake, double readyShare, double yield, @Nullable Integer capacity) {
        int headroom() {
            return capacity == null ? Integer.MAX_VALUE : Math.max(0, capacity - currentIntake);
        }
    }

    /** A college's extra places: the exact share, the whole places, and whether it reached its limit. */
    public record Share(Candidate candidate, double weight, double exact, int places, boolean atCapacity) {
    }

    /** The split: every candidate's share, and the graduates no place can yield (capacity exhausted or no yield). */
    public record Result(List<Share> shares, double unmetGraduates) {
        public int places() {
            return shares.stream().mapToInt(Share::places).sum();
        }
    }

    private IntakeSplit() {
    }

    public static Result split(double graduatesLacking, List<Candidate> candidates) {
        Allocation a = new Allocation(candidates, weights(candidates));
        double lacking = Math.max(0, graduatesLacking);
        while (lacking > EPSILON) {
            double perK = a.yieldPerK();
            if (perK <= 0) {
                break;
            }
            double k = lacking / perK;
            double lackingAfterCaps = a.capAtHeadroom(k, lacking);
            if (Double.isNaN(lackingAfterCaps)) {
                a.add(k);
                lacking = 0;
            } else {
                lacking = lackingAfterCaps;
            }
        }
        return new Result(a.shares(), Math.max(0, lacking));
    }

    /** The exact places given so far, and which colleges are full, over the rounds of the split. */
    private static final class Allocation {
        private final List<Candidate> candidates;
        private final double[] weight;
        private final double[] exact;
        private final boolean[] full;

        Allocation(List<Candidate> candidates, double[] weight) {
            this.candidates = candidates;
            this.weight = weight;
            this.exact = new double[candidates.size()];
            this.full = new boolean[candidates.size()];
        }

        /** Graduates yielded per unit of k by the colleges that can still take places. */
        double yieldPerK() {
            double perK = 0;
            for (int i = 0; i < exact.length; i++) {
                Candidate c = candidates.get(i);
                if (!full[i] && c.headroom() > 0 && weight[i] * c.yield() > 0) {
                    perK += weight[i] * c.yield();
                }
            }
            return perK;
        }

        /**
         * Fills every college whose share at this k would reach its headroom; answers the graduates still
         * lacking after their last places (subtracted one college at a time), or NaN when no college was filled.
         */
        double capAtHeadroom(double k, double lacking) {
            boolean capped = false;
            for (int i = 0; i < exact.length; i++) {
                Candidate c = candidates.get(i);
                if (!full[i] && weight[i] * c.yield() > 0 && exact[i] + k * weight[i] >= c.headroom()) {
                    lacking -= (c.headroom() - exact[i]) * c.yield();
                    exact[i] = c.headroom();
                    full[i] = true;
                    capped = true;
                }
            }
            return capped ? lacking : Double.NaN;
        }

        /** Gives every college that can still take places k × its weight more. */
        void add(double k) {
            for (int i = 0; i < exact.length; i++) {
                if (!full[i] && weight[i] * candidates.get(i).yield() > 0) {
                    exact[i] += k * weight[i];
                }
            }
        }

        /** Whole places: each share rounded up, never past the college's headroom. */
        List<Share> shares() {
            List<Share> shares = new ArrayList<>();
            for (int i = 0; i < exact.length; i++) {
                Candidate c = candidates.get(i);
                int places = (int) Math.min(c.headroom(), Math.ceil(exact[i] - EPSILON));
                shares.add(new Share(c, weight[i], exact[i], places, full[i] && c.capacity() != null));
            }
            return shares;
        }
    }

    private static double[] weights(List<Candidate> candidates) {
        double[] w = new double[candidates.size()];
        boolean any = false;
        for (int i = 0; i < w.length; i++) {
            w[i] = candidates.get(i).currentIntake() * candidates.get(i).readyShare();
            any |= w[i] > 0;
        }
        if (!any) {
            for (int i = 0; i < w.length; i++) {
                w[i] = candidates.get(i).readyShare();
            }
        }
        return w;
    }
}

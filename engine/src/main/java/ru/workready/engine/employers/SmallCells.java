package ru.workready.engine.employers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * k-anonymity for published counts (подавление малых ячеек): no published number may describe
 * 1 … K−1 students, and no suppressed number may be recovered from the published ones.
 */
public final class SmallCells {
    /** The smallest group an employer may see a number about. */
    public static final int K = 5;

    private SmallCells() {
    }

    /** Whether a group of this many students is too small to publish anything about. */
    public static boolean tooSmall(long students) {
        return students < K;
    }

    /**
     * Suppresses the parts of a published total: every part of 1 … K−1 becomes null, and when
     * exactly one part would be hidden, the smallest other part is hidden too, since the total
     * minus the rest would reveal it (complementary suppression). Zero parts stay visible
     * unless needed as the complement.
     *
     * @return the parts in the same order, null where suppressed
     */
    public static Long[] suppressParts(long[] parts) {
        Long[] out = new Long[parts.length];
        List<Integer> visible = new ArrayList<>();
        int hidden = 0;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] > 0 && parts[i] < K) {
                hidden++;
            } else {
                out[i] = parts[i];
                visible.add(i);
            }
        }
        if (hidden == 1 && !visible.isEmpty()) {
            int complement = visible.stream().min(Comparator.comparingLong(i -> parts[i])).orElseThrow();
            out[complement] = null;
        }
        return out;
    }

    /** The median of the values (mean of the middle two for an even count); NaN for none. */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}

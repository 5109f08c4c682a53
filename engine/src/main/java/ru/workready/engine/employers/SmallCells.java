package ru.workready.engine.employers;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * k-anonymity for published counts (подавление малых ячеек): no published number may describe
 * 1 … K−1 students, and no suppressed number may be recovered from the published ones.
 *
 * <p>The rules, for a table whose row totals are published (and, optionally, its column totals):
 * <ol>
 *   <li><b>Primary suppression.</b> Every count of 1 … K−1 is hidden.</li>
 *   <li><b>Complementary suppression.</b> In every row (and column, when column totals are published)
 *       that hides anything, the cells hidden alongside each small count must together hide at least
 *       K students, and a line never hides exactly one cell. Complements are the smallest non-zero
 *       published cells (never a zero cell: hiding a zero protects nothing).</li>
 *   <li><b>No exact recovery by differences.</b> With column totals published, the hidden cells must
 *       not include a cell that sums of row totals minus column totals pin down (a bridge of the
 *       hidden cells' row–column graph); more complements are hidden until none does.</li>
 *   <li>When a rule cannot be met — no non-zero cell is left to hide — the whole group is
 *       suppressed ({@code null}).</li>
 * </ol>
 */
public final class SmallCells {
    /** The smallest group anybody but the group's own college may see a number about. */
    public static final int K = 5;

    /** Why a group's numbers (or some of them) are not published. */
    public enum Reason {
        /** The group has fewer than K students: nothing but its existence is published. */
        SMALL_GROUP("the group has fewer than " + K + " students"),
        /** A count of 1 … K−1 could not be hidden among at least K other students: the whole group is withheld. */
        NO_SAFE_COMPLEMENT("a count of fewer than " + K + " students could not be hidden among at least " + K
                + " other students of the group"),
        /** 1 … K−1 students withheld consent: named candidates would reveal their levels, so no counts are published. */
        FEW_WITHHELD_CONSENT("1–" + (K - 1) + " students of the group withheld consent to be seen by employers"),
        /**
         * The programme shares its employer group (college × programme × graduation year) with another intake
         * of 1 … K−1 students: the group's published numbers minus this one would describe that intake.
         */
        SMALL_NEIGHBOUR("another intake of the programme graduating the same year has fewer than " + K
                + " students"),
        /** Some counts of the group are hidden (small counts and their complements); the rest are published. */
        SMALL_COUNTS("counts of fewer than " + K + " students and their complements are hidden");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /**
     * What may be published about one group: its parts (null where hidden; the array null when the
     * whole group is suppressed) and, if anything is withheld, why.
     */
    public record Publication(Long @Nullable [] parts, @Nullable Reason reason) {
        public boolean groupSuppressed() {
            return parts == null;
        }
    }

    private SmallCells() {
    }

    /** Whether a group of this many students is too small to publish anything about. */
    public static boolean tooSmall(long students) {
        return students < K;
    }

    /**
     * A partition's counts as they may be published: {@code counts} by key, read in {@code partition}'s order (a key
     * without a count is 0), then as {@link #publish(long, long, long[])} says.
     */
    public static <K> Publication publish(long students, long withoutConsent, java.util.List<K> partition,
                                          java.util.Map<K, Long> counts) {
        long[] parts = new long[partition.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = counts.getOrDefault(partition.get(i), 0L);
        }
        return publish(students, withoutConsent, parts);
    }

    /**
     * The parts of one group as they may be published: nothing when the group is smaller than K;
     * all parts hidden when 1 … K−1 of its students have not consented (named candidates would
     * otherwise let their levels be recovered by subtraction); else small parts and their
     * complements hidden, or nothing when no safe complement exists.
     */
    public static Publication publish(long students, long withoutConsent, long[] parts) {
        if (tooSmall(students)) {
            return new Publication(null, Reason.SMALL_GROUP);
        }
        if (withoutConsent > 0 && tooSmall(withoutConsent)) {
            return new Publication(new Long[parts.length], Reason.FEW_WITHHELD_CONSENT);
        }
        Long[] shown = suppressParts(parts);
        if (shown == null) {
            return new Publication(null, Reason.NO_SAFE_COMPLEMENT);
        }
        boolean anyHidden = Arrays.stream(shown).anyMatch(v -> v == null);
        return new Publication(shown, anyHidden ? Reason.SMALL_COUNTS : null);
    }

    /**
     * Suppresses the parts of a published total (one row of {@link #suppressTable}).
     *
     * @return the parts in the same order, null where suppressed; null when the group must be suppressed whole
     */
    public static Long @Nullable [] suppressParts(long[] parts) {
        boolean[][] hidden = suppressTable(new long[][] {parts}, false);
        if (hidden == null) {
            return null;
        }
        Long[] out = new Long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = hidden[0][i] ? null : parts[i];
        }
        return out;
    }

    /**
     * Which cells of a table of counts to hide. Row totals are taken as published; column totals
     * (and so the grand total) too when {@code columnTotalsPublished}.
     *
     * @return hidden[r][c] for every cell, or null when the whole table (group) must be suppressed
     */
    public static boolean @Nullable [][] suppressTable(long[][] cells, boolean columnTotalsPublished) {
        boolean[][] hidden = primary(cells);
        boolean changed = true;
        while (changed) {
            Step rows = protectLines(cells, hidden, true, columnTotalsPublished);
            if (rows == Step.IMPOSSIBLE) {
                return null;
            }
            changed = rows == Step.CHANGED;
            if (columnTotalsPublished) {
                Step columns = protectLines(cells, hidden, false, true);
                if (columns == Step.IMPOSSIBLE) {
                    return null;
                }
                changed |= columns == Step.CHANGED;
                if (!changed) {
                    int[] bridge = HiddenCells.bridge(hidden);
                    if (bridge != null) {
                        if (!HiddenCells.closeCycle(cells, hidden, bridge[0], bridge[1])) {
                            return null;
                        }
                        changed = true;
                    }
                }
            }
        }
        return hidden;
    }

    /** What one pass of the complementary suppression did. */
    private enum Step { UNCHANGED, CHANGED, IMPOSSIBLE }

    /** Primary suppression: every count of 1 … K−1 hidden. */
    private static boolean[][] primary(long[][] cells) {
        int rows = cells.length;
        int cols = rows == 0 ? 0 : cells[0].length;
        boolean[][] hidden = new boolean[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (cells[r][c] < 0) {
                    throw new IllegalArgumentException("negative count");
                }
                hidden[r][c] = small(cells[r][c]);
            }
        }
        return hidden;
    }

    /** Complementary suppression along every row (or column) until each is safe. */
    private static Step protectLines(long[][] cells, boolean[][] hidden, boolean row, boolean crossingMatters) {
        int lines = row ? cells.length : cells.length == 0 ? 0 : cells[0].length;
        Step step = Step.UNCHANGED;
        for (int line = 0; line < lines; line++) {
            while (lineNeedsMore(cells, hidden, line, row)) {
                if (!hideComplement(cells, hidden, line, row, crossingMatters)) {
                    return Step.IMPOSSIBLE;
                }
                step = Step.CHANGED;
            }
        }
        return step;
    }

    private static boolean small(long v) {
        return v > 0 && v < K;
    }

    /** A line hiding anything must hide at least two cells, and ≥ K students besides each small one. */
    private static boolean lineNeedsMore(long[][] cells, boolean[][] hidden, int line, boolean row) {
        int n = row ? cells[0].length : cells.length;
        int count = 0;
        long sum = 0;
        long largestSmall = 0;
        for (int i = 0; i < n; i++) {
            int r = row ? line : i;
            int c = row ? i : line;
            if (hidden[r][c]) {
                count++;
                sum += cells[r][c];
                if (small(cells[r][c])) {
                    largestSmall = Math.max(largestSmall, cells[r][c]);
                }
            }
        }
        if (count == 0) {
            return false;
        }
        return count < 2 || (largestSmall > 0 && sum - largestSmall < K);
    }

    /**
     * Hides one more non-zero cell of the line: preferably one whose crossing line already hides
     * something (no new line to protect), then the smallest.
     */
    private static boolean hideComplement(long[][] cells, boolean[][] hidden, int line, boolean row,
                                          boolean crossingMatters) {
        int n = row ? cells[0].length : cells.length;
        int best = -1;
        boolean bestCrossing = false;
        for (int i = 0; i < n; i++) {
            int r = row ? line : i;
            int c = row ? i : line;
            if (hidden[r][c] || cells[r][c] == 0) {
                continue;
            }
            boolean crossing = crossingMatters && crossingHides(hidden, r, c, !row);
            long v = cells[r][c];
            if (best < 0 || (crossing && !bestCrossing)
                    || (crossing == bestCrossing && v < cellAt(cells, line, best, row))) {
                best = i;
                bestCrossing = crossing;
            }
        }
        if (best < 0) {
            return false;
        }
        if (row) {
            hidden[line][best] = true;
        } else {
            hidden[best][line] = true;
        }
        return true;
    }

    private static long cellAt(long[][] cells, int line, int i, boolean row) {
        return row ? cells[line][i] : cells[i][line];
    }

    /** Whether the crossing line through (r, c) — its column when {@code column}, else its row — hides a cell. */
    private static boolean crossingHides(boolean[][] hidden, int r, int c, boolean column) {
        if (column) {
            for (boolean[] row : hidden) {
                if (row[c]) {
                    return true;
                }
            }
            return false;
        }
        for (boolean h : hidden[r]) {
            if (h) {
                return true;
            }
        }
        return false;
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

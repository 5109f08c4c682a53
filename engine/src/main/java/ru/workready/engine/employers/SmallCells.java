package ru.workready.engine.employers;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
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
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int r = 0; r < rows; r++) {
                while (lineNeedsMore(cells, hidden, r, true)) {
                    if (!hideComplement(cells, hidden, r, true, columnTotalsPublished)) {
                        return null;
                    }
                    changed = true;
                }
            }
            if (columnTotalsPublished) {
                for (int c = 0; c < cols; c++) {
                    while (lineNeedsMore(cells, hidden, c, false)) {
                        if (!hideComplement(cells, hidden, c, false, true)) {
                            return null;
                        }
                        changed = true;
                    }
                }
                if (!changed) {
                    int[] bridge = bridge(hidden);
                    if (bridge != null) {
                        if (!closeCycle(cells, hidden, bridge[0], bridge[1])) {
                            return null;
                        }
                        changed = true;
                    }
                }
            }
        }
        return hidden;
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

    /**
     * A hidden cell whose value the row and column totals determine: an edge of the bipartite
     * row–column graph of hidden cells that lies on no cycle. Null when there is none.
     */
    static int @Nullable [] bridge(boolean[][] hidden) {
        for (int r = 0; r < hidden.length; r++) {
            for (int c = 0; c < hidden[r].length; c++) {
                if (hidden[r][c]) {
                    hidden[r][c] = false;
                    boolean[][] reach = reachable(hidden, r);
                    hidden[r][c] = true;
                    if (!reach[1][c]) {
                        return new int[] {r, c};
                    }
                }
            }
        }
        return null;
    }

    /** Rows ([0]) and columns ([1]) reachable from a row through hidden cells. */
    private static boolean[][] reachable(boolean[][] hidden, int fromRow) {
        int rows = hidden.length;
        int cols = hidden[0].length;
        boolean[] seenRows = new boolean[rows];
        boolean[] seenCols = new boolean[cols];
        Deque<int[]> queue = new ArrayDeque<>();
        seenRows[fromRow] = true;
        queue.add(new int[] {0, fromRow});
        while (!queue.isEmpty()) {
            int[] v = queue.poll();
            if (v[0] == 0) {
                for (int c = 0; c < cols; c++) {
                    if (hidden[v[1]][c] && !seenCols[c]) {
                        seenCols[c] = true;
                        queue.add(new int[] {1, c});
                    }
                }
            } else {
                for (int r = 0; r < rows; r++) {
                    if (hidden[r][v[1]] && !seenRows[r]) {
                        seenRows[r] = true;
                        queue.add(new int[] {0, r});
                    }
                }
            }
        }
        return new boolean[][] {seenRows, seenCols};
    }

    /**
     * Puts the bridge (r, c) on a cycle: hides the smallest non-zero published cell joining the side
     * of r to the side of c once the bridge is taken out.
     */
    private static boolean closeCycle(long[][] cells, boolean[][] hidden, int r, int c) {
        hidden[r][c] = false;
        boolean[][] sideOfRow = reachable(hidden, r);
        // the side of c: reachable from c's column; start from any row hiding a cell in column c, or c alone
        boolean[][] sideOfColumn = new boolean[][] {new boolean[cells.length], new boolean[cells[0].length]};
        sideOfColumn[1][c] = true;
        for (int x = 0; x < cells.length; x++) {
            if (hidden[x][c]) {
                boolean[][] s = reachable(hidden, x);
                for (int i = 0; i < s[0].length; i++) {
                    sideOfColumn[0][i] |= s[0][i];
                }
                for (int i = 0; i < s[1].length; i++) {
                    sideOfColumn[1][i] |= s[1][i];
                }
            }
        }
        hidden[r][c] = true;
        int bestR = -1;
        int bestC = -1;
        for (int x = 0; x < cells.length; x++) {
            for (int y = 0; y < cells[0].length; y++) {
                if (hidden[x][y] || cells[x][y] == 0) {
                    continue;
                }
                boolean joins = (sideOfRow[0][x] && sideOfColumn[1][y]) || (sideOfColumn[0][x] && sideOfRow[1][y]);
                if (joins && (bestR < 0 || cells[x][y] < cells[bestR][bestC])) {
                    bestR = x;
                    bestC = y;
                }
            }
        }
        if (bestR < 0) {
            return false;
        }
        hidden[bestR][bestC] = true;
        return true;
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

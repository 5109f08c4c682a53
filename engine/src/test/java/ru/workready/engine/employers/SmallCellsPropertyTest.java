package ru.workready.engine.employers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Complementary suppression on seeded random tables (groups × levels): whatever is published,
 * no hidden cell can be recovered exactly — neither by subtracting published cells from a row,
 * column or group total (repeatedly, using what was recovered before), nor by any other sum and
 * difference of the published totals (linear algebra over the hidden cells). Every failure names
 * its seed and its table; rerun one with {@code -Dtest='SmallCellsPropertyTest#*'} and that seed.
 */
class SmallCellsPropertyTest {
    private static final int K = SmallCells.K;

    static Stream<Long> seeds() {
        return LongStream.range(0, 1_000).map(i -> 91_000 + i).boxed();
    }

    record Case(long seed, long[][] cells, boolean columnTotals) {
        @Override
        public String toString() {
            StringBuilder s = new StringBuilder("seed " + seed + (columnTotals ? " (row and column totals) " : " (row totals) "));
            for (long[] row : cells) {
                s.append(Arrays.toString(row));
            }
            return s.toString();
        }
    }

    static Case table(long seed) {
        Random random = new Random(seed);
        int rows = 1 + random.nextInt(6);
        int cols = 2 + random.nextInt(4);
        long[][] cells = new long[rows][cols];
        for (long[] row : cells) {
            for (int c = 0; c < cols; c++) {
                int kind = random.nextInt(4);
                row[c] = kind == 0 ? 0 : kind == 1 ? 1 + random.nextInt(K - 1) : random.nextInt(kind == 2 ? 10 : 60);
            }
        }
        return new Case(seed, cells, random.nextBoolean());
    }

    /**
     * Two cycles of hidden cells joined by one: every line hides two or more cells, so subtraction
     * line by line learns nothing, yet the rows of one side minus its columns give the joining cell.
     * The attack sees it, {@link HiddenCells#bridge} finds it, and the suppression puts it on a cycle.
     */
    @Test
    void aCellJoiningTwoCyclesIsRecoverableAndGetsAnotherComplement() {
        boolean[][] dumbbell = {
                {true, true, false, false},
                {true, true, true, false},
                {false, false, true, true},
                {false, false, true, true}};
        long[][] values = {{6, 7, 9, 8}, {8, 9, 2, 30}, {40, 41, 7, 6}, {50, 51, 9, 8}};
        assertThat(subtractionAttack(values, dumbbell, true)).isEmpty();
        assertThat(linearAttack(values, dumbbell, true)).containsExactly("(1,2)");
        assertThat(HiddenCells.bridge(dumbbell)).containsExactly(1, 2);
        boolean[][] hidden = SmallCells.suppressTable(values, true);
        assertThat(hidden).isNotNull();
        assertThat(linearAttack(values, hidden, true)).isEmpty();
        assertThat(subtractionAttack(values, hidden, true)).isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noSuppressedCellCanBeRecovered(long seed) {
        Case t = table(seed);
        try {
            check(t);
        } catch (RuntimeException e) {
            throw new AssertionError(t + ": " + e, e);
        }
    }

    private static void check(Case t) {
        boolean[][] hidden = SmallCells.suppressTable(t.cells(), t.columnTotals());
        if (hidden == null) {
            // the whole group is withheld: only allowed when there was something small to protect
            assertThat(Arrays.stream(t.cells()).flatMapToLong(Arrays::stream).anyMatch(v -> v > 0 && v < K))
                    .as("%s: suppressed whole without a small cell", t).isTrue();
            return;
        }
        long[][] cells = t.cells();
        int rows = cells.length;
        int cols = cells[0].length;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (cells[r][c] > 0 && cells[r][c] < K) {
                    assertThat(hidden[r][c]).as("%s: small cell (%d,%d) published", t, r, c).isTrue();
                }
                if (hidden[r][c]) {
                    assertThat(cells[r][c]).as("%s: a zero cell (%d,%d) used as a complement", t, r, c).isPositive();
                }
            }
        }
        List<long[]> lines = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            lines.add(line(cells, hidden, r, true));
        }
        if (t.columnTotals()) {
            for (int c = 0; c < cols; c++) {
                lines.add(line(cells, hidden, c, false));
            }
        }
        for (long[] l : lines) {
            // {count hidden, sum hidden, largest small hidden}
            if (l[0] > 0) {
                assertThat(l[0]).as("%s: a line hides exactly one cell", t).isGreaterThanOrEqualTo(2);
                assertThat(l[1] - l[2]).as("%s: fewer than %d students hidden alongside a small cell", t, K)
                        .isGreaterThanOrEqualTo(l[2] > 0 ? K : 0);
            }
        }
        assertThat(subtractionAttack(cells, hidden, t.columnTotals())).as("%s: recovered by subtraction", t).isEmpty();
        assertThat(linearAttack(cells, hidden, t.columnTotals())).as("%s: recovered from sums of totals", t).isEmpty();
    }

    private static long[] line(long[][] cells, boolean[][] hidden, int index, boolean row) {
        int n = row ? cells[0].length : cells.length;
        long count = 0;
        long sum = 0;
        long largestSmall = 0;
        for (int i = 0; i < n; i++) {
            int r = row ? index : i;
            int c = row ? i : index;
            if (hidden[r][c]) {
                count++;
                sum += cells[r][c];
                if (cells[r][c] < K) {
                    largestSmall = Math.max(largestSmall, cells[r][c]);
                }
            }
        }
        return new long[] {count, sum, largestSmall};
    }

    /**
     * The attacker's subtraction: a row (column, group) total minus its known cells gives its only
     * unknown cell; repeated until nothing new is learnt. Returns the cells so recovered.
     */
    static List<String> subtractionAttack(long[][] cells, boolean[][] hidden, boolean columnTotals) {
        int rows = cells.length;
        int cols = cells[0].length;
        boolean[][] unknown = new boolean[rows][];
        for (int r = 0; r < rows; r++) {
            unknown[r] = hidden[r].clone();
        }
        List<String> recovered = new ArrayList<>();
        boolean learnt = true;
        while (learnt) {
            learnt = false;
            for (int r = 0; r < rows; r++) {
                int only = -1;
                int n = 0;
                for (int c = 0; c < cols; c++) {
                    if (unknown[r][c]) {
                        n++;
                        only = c;
                    }
                }
                if (n == 1) {
                    unknown[r][only] = false;
                    recovered.add("(" + r + "," + only + ") from its row");
                    learnt = true;
                }
            }
            if (columnTotals) {
                for (int c = 0; c < cols; c++) {
                    int only = -1;
                    int n = 0;
                    for (int r = 0; r < rows; r++) {
                        if (unknown[r][c]) {
                            n++;
                            only = r;
                        }
                    }
                    if (n == 1) {
                        unknown[only][c] = false;
                        recovered.add("(" + only + "," + c + ") from its column");
                        learnt = true;
                    }
                }
            }
            // the group total (sum of the row totals)
            int n = 0;
            int[] only = null;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    if (unknown[r][c]) {
                        n++;
                        only = new int[] {r, c};
                    }
                }
            }
            if (n == 1) {
                unknown[only[0]][only[1]] = false;
                recovered.add("(" + only[0] + "," + only[1] + ") from the group total");
                learnt = true;
            }
        }
        return recovered;
    }

    /**
     * Any combination of sums and differences of the published totals: a hidden cell is determined
     * when its indicator vector lies in the span of the totals' constraint rows over the hidden cells.
     */
    static List<String> linearAttack(long[][] cells, boolean[][] hidden, boolean columnTotals) {
        int rows = cells.length;
        int cols = cells[0].length;
        List<int[]> vars = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (hidden[r][c]) {
                    vars.add(new int[] {r, c});
                }
            }
        }
        List<double[]> constraints = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            double[] a = new double[vars.size()];
            for (int v = 0; v < vars.size(); v++) {
                a[v] = vars.get(v)[0] == r ? 1 : 0;
            }
            constraints.add(a);
        }
        if (columnTotals) {
            for (int c = 0; c < cols; c++) {
                double[] a = new double[vars.size()];
                for (int v = 0; v < vars.size(); v++) {
                    a[v] = vars.get(v)[1] == c ? 1 : 0;
                }
                constraints.add(a);
            }
        }
        int base = rank(constraints, vars.size());
        List<String> recovered = new ArrayList<>();
        for (int v = 0; v < vars.size(); v++) {
            List<double[]> with = new ArrayList<>(constraints);
            double[] e = new double[vars.size()];
            e[v] = 1;
            with.add(e);
            if (rank(with, vars.size()) == base) {
                recovered.add("(" + vars.get(v)[0] + "," + vars.get(v)[1] + ")");
            }
        }
        return recovered;
    }

    private static int rank(List<double[]> matrix, int width) {
        double[][] m = matrix.stream().map(double[]::clone).toArray(double[][]::new);
        int rank = 0;
        for (int col = 0; col < width && rank < m.length; col++) {
            int pivot = -1;
            for (int r = rank; r < m.length; r++) {
                if (Math.abs(m[r][col]) > 1e-9 && (pivot < 0 || Math.abs(m[r][col]) > Math.abs(m[pivot][col]))) {
                    pivot = r;
                }
            }
            if (pivot < 0) {
                continue;
            }
            double[] tmp = m[pivot];
            m[pivot] = m[rank];
            m[rank] = tmp;
            for (int r = 0; r < m.length; r++) {
                if (r != rank && Math.abs(m[r][col]) > 1e-9) {
                    double f = m[r][col] / m[rank][col];
                    for (int k = col; k < width; k++) {
                        m[r][k] -= f * m[rank][k];
                    }
                }
            }
            rank++;
        }
        return rank;
    }
}

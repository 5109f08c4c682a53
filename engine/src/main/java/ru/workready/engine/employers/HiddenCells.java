package ru.workready.engine.employers;

import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * The hidden cells of a table as a bipartite graph of rows and columns (an edge per hidden cell), for
 * {@link SmallCells}' rule against exact recovery by differences: a hidden cell on no cycle (a bridge) is pinned down
 * by the row and column totals, so another cell is hidden to put it on one.
 */
final class HiddenCells {
    private HiddenCells() {
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
    static boolean closeCycle(long[][] cells, boolean[][] hidden, int r, int c) {
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
}

package org.mdcoop.fusion.engine.association;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;

import org.junit.jupiter.api.Test;

class HungarianSolverTest {
    private final HungarianSolver solver = new HungarianSolver();

    @Test
    void solvesASquareMatrixWhereGreedyWouldBeWrong() {
        // greedy takes (0,0)=1 first and ends at 1+5+... ; the optimum is 2+2+2 = 6
        double[] cost = {
                1, 2, 9,
                2, 9, 9,
                9, 9, 2};
        int[] rowToCol = new int[3];
        double total = solver.solve(cost, 3, 3, rowToCol);
        assertThat(rowToCol).containsExactly(1, 0, 2);
        assertThat(total).isCloseTo(6.0, offset(1e-12));
    }

    @Test
    void moreColumnsThanRowsLeavesColumnsUnassigned() {
        double[] cost = {
                5, 1, 7, 3,
                4, 2, 8, 9};
        int[] rowToCol = new int[2];
        double total = solver.solve(cost, 2, 4, rowToCol);
        assertThat(rowToCol).containsExactly(1, 0);
        assertThat(total).isCloseTo(5.0, offset(1e-12));
    }

    @Test
    void moreRowsThanColumnsLeavesRowsUnassigned() {
        double[] cost = {
                5, 4,
                1, 3,
                7, 8,
                3, 9};
        int[] rowToCol = new int[4];
        double total = solver.solve(cost, 4, 2, rowToCol);
        assertThat(rowToCol).containsExactly(1, 0, -1, -1);
        assertThat(total).isCloseTo(5.0, offset(1e-12));
    }

    @Test
    void matchesBruteForceOnRandomRectangularMatrices() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 300; trial++) {
            int rows = 1 + rnd.nextInt(5), cols = 1 + rnd.nextInt(5);
            double[] cost = new double[rows * cols];
            for (int i = 0; i < cost.length; i++) {
                cost[i] = rnd.nextInt(20);
            }
            int[] rowToCol = new int[rows];
            double total = solver.solve(cost, rows, cols, rowToCol);
            assertThat(total).isCloseTo(bruteForce(cost, rows, cols), offset(1e-9));
            boolean[] used = new boolean[cols];
            int assigned = 0;
            double check = 0;
            for (int i = 0; i < rows; i++) {
                if (rowToCol[i] >= 0) {
                    assertThat(used[rowToCol[i]]).isFalse();
                    used[rowToCol[i]] = true;
                    assigned++;
                    check += cost[i * cols + rowToCol[i]];
                }
            }
            assertThat(assigned).isEqualTo(Math.min(rows, cols));
            assertThat(check).isCloseTo(total, offset(1e-9));
        }
    }

    private static double bruteForce(double[] cost, int rows, int cols) {
        return best(cost, rows, cols, 0, new boolean[cols], Math.max(0, rows - cols));
    }

    /** Minimum over assignments where up to {@code skips} rows may stay unassigned. */
    private static double best(double[] cost, int rows, int cols, int row, boolean[] used, int skips) {
        if (row == rows) {
            return 0;
        }
        double b = Double.POSITIVE_INFINITY;
        if (skips > 0) {
            b = best(cost, rows, cols, row + 1, used, skips - 1);
        }
        for (int j = 0; j < cols; j++) {
            if (!used[j]) {
                used[j] = true;
                b = Math.min(b, cost[row * cols + j] + best(cost, rows, cols, row + 1, used, skips));
                used[j] = false;
            }
        }
        return b;
    }
}

package org.mdcoop.fusion.engine.association;

import java.util.Arrays;

/**
 * Hungarian algorithm in the shortest-augmenting-path form (Jonker–Volgenant style dual potentials),
 * O(n^2 m) for n = min(rows, cols). Rectangular matrices are supported (the smaller side is fully
 * assigned). Reuses its buffers; not thread-safe.
 */
public final class HungarianSolver implements AssignmentSolver {
    private double[] u = new double[16];
    private double[] v = new double[16];
    private double[] minv = new double[16];
    private int[] p = new int[16];
    private int[] way = new int[16];
    private boolean[] used = new boolean[16];
    private double[] transposed = new double[64];
    private int[] colToRow = new int[16];

    @Override
    public double solve(double[] cost, int rows, int cols, int[] rowToCol) {
        if (rows == 0 || cols == 0) {
            Arrays.fill(rowToCol, 0, rows, -1);
            return 0.0;
        }
        if (rows <= cols) {
            return solveTall(cost, rows, cols, rowToCol);
        }
        if (transposed.length < rows * cols) {
            transposed = new double[rows * cols];
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                transposed[j * rows + i] = cost[i * cols + j];
            }
        }
        if (colToRow.length < cols) {
            colToRow = new int[cols];
        }
        double total = solveTall(transposed, cols, rows, colToRow);
        Arrays.fill(rowToCol, 0, rows, -1);
        for (int j = 0; j < cols; j++) {
            rowToCol[colToRow[j]] = j;
        }
        return total;
    }

    /** n <= m; 1-based potentials as in the classic formulation. */
    private double solveTall(double[] a, int n, int m, int[] rowToCol) {
        if (u.length < n + 1) {
            u = new double[n + 1];
        }
        if (v.length < m + 1) {
            v = new double[m + 1];
            minv = new double[m + 1];
            p = new int[m + 1];
            way = new int[m + 1];
            used = new boolean[m + 1];
        }
        Arrays.fill(u, 0, n + 1, 0.0);
        Arrays.fill(v, 0, m + 1, 0.0);
        Arrays.fill(p, 0, m + 1, 0);
        Arrays.fill(way, 0, m + 1, 0);
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            Arrays.fill(minv, 0, m + 1, Double.POSITIVE_INFINITY);
            Arrays.fill(used, 0, m + 1, false);
            do {
                used[j0] = true;
                int i0 = p[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                int rowOff = (i0 - 1) * m;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double cur = a[rowOff + j - 1] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        Arrays.fill(rowToCol, 0, n, -1);
        double total = 0;
        for (int j = 1; j <= m; j++) {
            if (p[j] != 0) {
                rowToCol[p[j] - 1] = j - 1;
                total += a[(p[j] - 1) * m + j - 1];
            }
        }
        return total;
    }
}

package org.mdcoop.fusion.engine.association;

import java.util.Arrays;

import org.mdcoop.fusion.engine.ReportBatch;
import org.mdcoop.fusion.engine.TrackTable;
import org.mdcoop.fusion.engine.gating.Gater;
import org.mdcoop.fusion.engine.gating.SpatialGrid;

/**
 * Global nearest neighbour over gated candidates only. Predicted track positions go into a
 * {@link SpatialGrid}; each report looks at the 27 cells around it (tracks whose gate may be larger
 * than a cell are checked against every report), so the work grows with the number of gated pairs,
 * not with tracks x reports. The bipartite gated graph is split into connected clusters
 * (union-find) and each cluster with a conflict is solved exactly by the {@link AssignmentSolver}.
 * Deterministic: everything iterates in slot / report order. Not thread-safe (owns buffers).
 */
public final class GnnAssociator implements Associator {
    private static final double FORBIDDEN = 1.0e12;

    private final Gater gater;
    private final AssignmentSolver solver;
    private final SpatialGrid grid;

    private int[] candidates = new int[64];
    private int[] oversized = new int[16];
    private int[] pairTrack = new int[64];
    private int[] pairReport = new int[64];
    private double[] pairCost = new double[64];
    private int[] pairComp = new int[64];
    private int[] pairOrder = new int[64];
    private int[] parent = new int[64];
    private int[] compOfRoot = new int[64];
    private int[] compStart = new int[64];
    private int[] localRow = new int[64];
    private int[] localCol = new int[64];
    private int[] rowSlot = new int[16];
    private int[] colReport = new int[16];
    private double[] matrix = new double[256];
    private int[] rowToCol = new int[16];

    public GnnAssociator(Gater gater, AssignmentSolver solver, double gridCellM) {
        this.gater = gater;
        this.solver = solver;
        this.grid = new SpatialGrid(gridCellM);
    }

    public Gater gater() {
        return gater;
    }

    @Override
    public int associate(TrackTable tracks, int trackStatus, ReportBatch reports, boolean[] reportTaken,
                         int[] trackToReport, double[] minD2) {
        int nTracks = tracks.size();
        int nReports = reports.size();
        double[] x = tracks.stateArray();
        double[] p = tracks.covArray();
        double[] r = reports.covArray();
        double gamma = gater.thresholdSquared();
        double cell = grid.cellM();

        double maxTraceR = 0;
        for (int j = 0; j < nReports; j++) {
            maxTraceR = Math.max(maxTraceR, r[j * 9] + r[j * 9 + 4] + r[j * 9 + 8]);
        }
        // 1. index predicted positions
        grid.clear(nTracks);
        if (oversized.length < nTracks) {
            oversized = new int[Math.max(nTracks, oversized.length * 2)];
        }
        int nOversized = 0;
        int nIndexed = 0;
        for (int s = 0; s < nTracks; s++) {
            if (tracks.status(s) != trackStatus) {
                continue;
            }
            trackToReport[s] = -1;
            double tracePos = p[s * 36] + p[s * 36 + 7] + p[s * 36 + 14];
            // |v|^2 <= gamma * lambda_max(S) <= gamma * trace(S): a sure bound on the gate radius
            double gateRadiusM = Math.sqrt(gamma * (tracePos + maxTraceR));
            if (gateRadiusM <= cell) {
                grid.insert(s, x[s * 6], x[s * 6 + 1], x[s * 6 + 2]);
                nIndexed++;
            } else {
                oversized[nOversized++] = s;
            }
        }
        if (nIndexed + nOversized == 0) {
            return 0;
        }
        // 2. gated pairs
        if (candidates.length < nIndexed + nOversized) {
            candidates = new int[(nIndexed + nOversized) * 2];
        }
        int nPairs = 0;
        for (int j = 0; j < nReports; j++) {
            if (reportTaken[j]) {
                continue;
            }
            double zx = reports.xM(j), zy = reports.yM(j), zz = reports.zM(j);
            int nc = grid.query(zx, zy, zz, candidates, 0);
            System.arraycopy(oversized, 0, candidates, nc, nOversized);
            nc += nOversized;
            for (int c = 0; c < nc; c++) {
                int s = candidates[c];
                double cost = gater.cost(x, s * 6, p, s * 36, zx, zy, zz, r, j * 9);
                if (minD2 != null) {
                    double d2 = gater.lastDistanceSquared();
                    if (d2 < minD2[j]) {
                        minD2[j] = d2;
                    }
                }
                if (cost != Double.POSITIVE_INFINITY) {
                    if (nPairs == pairTrack.length) {
                        growPairs();
                    }
                    pairTrack[nPairs] = s;
                    pairReport[nPairs] = j;
                    pairCost[nPairs] = cost;
                    nPairs++;
                }
            }
        }
        if (nPairs == 0) {
            return 0;
        }
        // 3. clusters by union-find over track nodes [0, nTracks) and report nodes [nTracks, +nReports)
        int nNodes = nTracks + nReports;
        if (parent.length < nNodes) {
            int cap = nNodes * 2;
            parent = new int[cap];
            compOfRoot = new int[cap];
            localRow = new int[cap];
            localCol = new int[cap];
        }
        for (int k = 0; k < nPairs; k++) {
            int a = pairTrack[k], b = nTracks + pairReport[k];
            parent[a] = a;
            parent[b] = b;
            compOfRoot[a] = -1;
            compOfRoot[b] = -1;
            localRow[a] = -1;
            localCol[pairReport[k]] = -1;
        }
        for (int k = 0; k < nPairs; k++) {
            int ra = find(pairTrack[k]);
            int rb = find(nTracks + pairReport[k]);
            if (ra != rb) {
                if (ra < rb) {
                    parent[rb] = ra;
                } else {
                    parent[ra] = rb;
                }
            }
        }
        int nComp = 0;
        for (int k = 0; k < nPairs; k++) {
            int root = find(pairTrack[k]);
            if (compOfRoot[root] < 0) {
                compOfRoot[root] = nComp++;
            }
            pairComp[k] = compOfRoot[root];
        }
        // counting sort of pairs by component (stable)
        if (compStart.length < nComp + 1) {
            compStart = new int[(nComp + 1) * 2];
        }
        Arrays.fill(compStart, 0, nComp + 1, 0);
        for (int k = 0; k < nPairs; k++) {
            compStart[pairComp[k] + 1]++;
        }
        for (int c = 0; c < nComp; c++) {
            compStart[c + 1] += compStart[c];
        }
        for (int k = 0; k < nPairs; k++) {
            pairOrder[compStart[pairComp[k]]++] = k;
        }
        for (int c = nComp; c > 0; c--) {
            compStart[c] = compStart[c - 1];
        }
        compStart[0] = 0;

        // 4. solve each cluster
        int assigned = 0;
        for (int c = 0; c < nComp; c++) {
            int from = compStart[c], to = compStart[c + 1];
            if (to - from == 1) {
                int k = pairOrder[from];
                trackToReport[pairTrack[k]] = pairReport[k];
                reportTaken[pairReport[k]] = true;
                assigned++;
                continue;
            }
            int rows = 0, cols = 0;
            for (int q = from; q < to; q++) {
                int k = pairOrder[q];
                int s = pairTrack[k], j = pairReport[k];
                if (localRow[s] < 0) {
                    if (rows == rowSlot.length) {
                        rowSlot = Arrays.copyOf(rowSlot, rows * 2);
                    }
                    localRow[s] = rows;
                    rowSlot[rows++] = s;
                }
                if (localCol[j] < 0) {
                    if (cols == colReport.length) {
                        colReport = Arrays.copyOf(colReport, cols * 2);
                    }
                    localCol[j] = cols;
                    colReport[cols++] = j;
                }
            }
            if (matrix.length < rows * cols) {
                matrix = new double[rows * cols * 2];
            }
            if (rowToCol.length < rows) {
                rowToCol = new int[rows * 2];
            }
            Arrays.fill(matrix, 0, rows * cols, FORBIDDEN);
            for (int q = from; q < to; q++) {
                int k = pairOrder[q];
                matrix[localRow[pairTrack[k]] * cols + localCol[pairReport[k]]] = pairCost[k];
            }
            solver.solve(matrix, rows, cols, rowToCol);
            for (int i = 0; i < rows; i++) {
                int col = rowToCol[i];
                if (col >= 0 && matrix[i * cols + col] < FORBIDDEN) {
                    int j = colReport[col];
                    trackToReport[rowSlot[i]] = j;
                    reportTaken[j] = true;
                    assigned++;
                }
            }
        }
        return assigned;
    }

    private int find(int a) {
        while (parent[a] != a) {
            parent[a] = parent[parent[a]];
            a = parent[a];
        }
        return a;
    }

    private void growPairs() {
        int cap = pairTrack.length * 2;
        pairTrack = Arrays.copyOf(pairTrack, cap);
        pairReport = Arrays.copyOf(pairReport, cap);
        pairCost = Arrays.copyOf(pairCost, cap);
        pairComp = Arrays.copyOf(pairComp, cap);
        pairOrder = Arrays.copyOf(pairOrder, cap);
    }
}

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
 * (union-find) and each cluster with a conflict is solved exactly by the {@link AssignmentSolver}, as long as its
 * smaller side has at most {@link #DEFAULT_MAX_EXACT_CLUSTER} members: the exact solve is O(n^2 m), so one batch of
 * 1,000 reports at one place against 1,000 tracks there took the single fusion worker 2.7 s (issue 19). A larger
 * cluster is assigned greedily, cheapest gated pair first (O(P log P) in its P gated pairs), and counted in
 * {@link #greedyClusters()}. Before that, a report is gated against at most {@link #DEFAULT_MAX_CANDIDATES_PER_REPORT}
 * tracks, the nearest to it by straight-line distance (counted in {@link #prunedReports()}): gating every report of
 * the flood against every one of its 1,000 tracks was a million gate computations per scan, half a second by itself.
 * Both bounds only act in a crowd far denser than any raid of the benchmarks.
 * Deterministic: everything iterates in slot / report order. Not thread-safe (owns buffers).
 */
public final class GnnAssociator implements Associator {
    private static final double FORBIDDEN = 1.0e12;
    /** An exact solve of 64 x 64 takes well under a millisecond; clusters that large are already a swarm. */
    public static final int DEFAULT_MAX_EXACT_CLUSTER = 64;

    /** A report's gate holds one track; 64 candidates around it is a crowd already. */
    public static final int DEFAULT_MAX_CANDIDATES_PER_REPORT = 64;

    private final int maxExactCluster;
    private final int maxCandidatesPerReport;
    private long greedyClusters;
    private long prunedReports;
    private long[] nearestKeys = new long[64];
    private long[] greedyKeys = new long[64];
    private boolean[] rowTaken = new boolean[16];

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
        this(gater, solver, gridCellM, DEFAULT_MAX_EXACT_CLUSTER, DEFAULT_MAX_CANDIDATES_PER_REPORT);
    }

    /**
     * @param maxExactCluster the largest smaller side (tracks or reports) of a cluster solved exactly; larger
     *        clusters are assigned greedily
     * @param maxCandidatesPerReport the most tracks a report is gated against (the nearest ones)
     */
    public GnnAssociator(Gater gater, AssignmentSolver solver, double gridCellM, int maxExactCluster,
            int maxCandidatesPerReport) {
        if (maxExactCluster < 1 || maxCandidatesPerReport < 1) {
            throw new IllegalArgumentException("maxExactCluster and maxCandidatesPerReport must be at least 1");
        }
        this.maxCandidatesPerReport = maxCandidatesPerReport;
        this.gater = gater;
        this.solver = solver;
        this.grid = new SpatialGrid(gridCellM);
        this.maxExactCluster = maxExactCluster;
    }

    /** Reports gated against only their nearest candidate tracks because there were more, since construction. */
    public long prunedReports() {
        return prunedReports;
    }

    /** Clusters assigned greedily because they were over the exact solver's bound, since construction. */
    public long greedyClusters() {
        return greedyClusters;
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
            if (nc > maxCandidatesPerReport) {
                nc = keepNearest(candidates, nc, x, zx, zy, zz);
                prunedReports++;
            }
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
            if (Math.min(rows, cols) > maxExactCluster) {
                assigned += assignGreedily(from, to, rows, trackToReport, reportTaken);
                greedyClusters++;
                continue;
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

    /**
     * The cluster's gated pairs cheapest first (ties by pair order), each taken when neither its track nor its report
     * is taken yet. Costs are ordered by their float value, which is plenty for a fallback.
     */
    private int assignGreedily(int from, int to, int rows, int[] trackToReport, boolean[] reportTaken) {
        int n = to - from;
        if (greedyKeys.length < n) {
            greedyKeys = new long[Math.max(n, greedyKeys.length * 2)];
        }
        for (int q = from; q < to; q++) {
            int bits = Float.floatToIntBits((float) pairCost[pairOrder[q]]);
            bits ^= (bits >> 31) & 0x7fffffff; // negative floats: reversed, so the ints order as the floats do
            greedyKeys[q - from] = ((long) bits << 32) | (q & 0xffffffffL);
        }
        Arrays.sort(greedyKeys, 0, n);
        if (rowTaken.length < rows) {
            rowTaken = new boolean[Math.max(rows, rowTaken.length * 2)];
        }
        Arrays.fill(rowTaken, 0, rows, false);
        int assigned = 0;
        for (int i = 0; i < n; i++) {
            int k = pairOrder[(int) greedyKeys[i]];
            int row = localRow[pairTrack[k]];
            int j = pairReport[k];
            if (!rowTaken[row] && !reportTaken[j]) {
                rowTaken[row] = true;
                reportTaken[j] = true;
                trackToReport[pairTrack[k]] = j;
                assigned++;
            }
        }
        return assigned;
    }

    /**
     * Keeps the {@code maxCandidatesPerReport} candidates whose predicted positions are nearest the report (ties by
     * slot), in slot order; returns their number.
     */
    private int keepNearest(int[] cand, int nc, double[] x, double zx, double zy, double zz) {
        if (nearestKeys.length < nc) {
            nearestKeys = new long[Math.max(nc, nearestKeys.length * 2)];
        }
        for (int c = 0; c < nc; c++) {
            int s = cand[c];
            double dx = x[s * 6] - zx, dy = x[s * 6 + 1] - zy, dz = x[s * 6 + 2] - zz;
            // a non-negative float's bits order as the float does
            nearestKeys[c] = ((long) Float.floatToIntBits((float) (dx * dx + dy * dy + dz * dz)) << 32) | s;
        }
        Arrays.sort(nearestKeys, 0, nc);
        int keep = maxCandidatesPerReport;
        for (int c = 0; c < keep; c++) {
            cand[c] = (int) nearestKeys[c];
        }
        Arrays.sort(cand, 0, keep);
        return keep;
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

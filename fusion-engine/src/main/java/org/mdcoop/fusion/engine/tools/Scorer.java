package org.mdcoop.fusion.engine.tools;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.mdcoop.fusion.engine.association.HungarianSolver;

/**
 * Scores tracks against truth at every evaluation time: optimal assignment on min(distance, c),
 * OSPA (p = 1, cut-off c), position / velocity RMSE over matched pairs closer than c (pooled over all
 * times), |#tracks - #objects|, fragmentation (distinct track ids matched per object) and id switches.
 */
public final class Scorer {
    public static final double DEFAULT_CUTOFF_M = 5_000.0;

    /** Means over all evaluation times (RMSEs pooled over all matched pairs). */
    public record Score(int times, double ospaM, double positionRmseM, double velocityRmseMps,
                        double meanCardinalityError, double meanTrackIdsPerObject, int idSwitches,
                        int objects, int distinctTrackIds, int matchedPairs) {
        @Override
        public String toString() {
            return String.format("times=%d OSPA=%.1f m posRMSE=%.1f m velRMSE=%.2f m/s |#tracks-#objects|=%.3f "
                            + "trackIdsPerObject=%.3f idSwitches=%d objects=%d distinctTrackIds=%d matchedPairs=%d",
                    times, ospaM, positionRmseM, velocityRmseMps, meanCardinalityError, meanTrackIdsPerObject,
                    idSwitches, objects, distinctTrackIds, matchedPairs);
        }
    }

    private Scorer() {
    }

    /**
     * @param times evaluation times (e.g. every distinct detection time); null = union of the times in
     *              truth and tracks
     */
    public static Score score(StateRows truth, StateRows tracks, double[] times, double cutoffM) {
        if (times == null) {
            TreeSet<Double> all = new TreeSet<>();
            for (int i = 0; i < truth.size(); i++) {
                all.add(truth.t[i]);
            }
            for (int i = 0; i < tracks.size(); i++) {
                all.add(tracks.t[i]);
            }
            times = all.stream().mapToDouble(Double::doubleValue).toArray();
        }
        HungarianSolver solver = new HungarianSolver();
        Map<String, Set<String>> idsPerObject = new HashMap<>();
        Map<String, String> lastId = new HashMap<>();
        Set<String> objects = new LinkedHashSet<>();
        Set<String> trackIds = new LinkedHashSet<>();
        int switches = 0;
        double ospaSum = 0, cardSum = 0, posSq = 0, velSq = 0;
        int matched = 0;
        int ti = 0, ki = 0;
        double[] cost = new double[64];
        int[] rowToCol = new int[64];
        for (double t : times) {
            while (ti < truth.size() && truth.t[ti] < t) {
                ti++;
            }
            while (ki < tracks.size() && tracks.t[ki] < t) {
                ki++;
            }
            int tFrom = ti, kFrom = ki;
            while (ti < truth.size() && truth.t[ti] == t) {
                objects.add(truth.id.get(ti));
                ti++;
            }
            while (ki < tracks.size() && tracks.t[ki] == t) {
                trackIds.add(tracks.id.get(ki));
                ki++;
            }
            int n = ti - tFrom, m = ki - kFrom;
            cardSum += Math.abs(m - n);
            if (n == 0 && m == 0) {
                continue;
            }
            if (n == 0 || m == 0) {
                ospaSum += cutoffM;
                continue;
            }
            if (cost.length < n * m) {
                cost = new double[n * m * 2];
            }
            if (rowToCol.length < n) {
                rowToCol = new int[n * 2];
            }
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < m; b++) {
                    cost[a * m + b] = Math.min(dist(truth.state, tFrom + a, tracks.state, kFrom + b, 0), cutoffM);
                }
            }
            double total = solver.solve(cost, n, m, rowToCol);
            ospaSum += (total + cutoffM * Math.abs(m - n)) / Math.max(m, n);
            for (int a = 0; a < n; a++) {
                int b = rowToCol[a];
                if (b < 0) {
                    continue;
                }
                double d = cost[a * m + b];
                if (d >= cutoffM) {
                    continue;
                }
                matched++;
                posSq += d * d;
                double dv = dist(truth.state, tFrom + a, tracks.state, kFrom + b, 3);
                velSq += dv * dv;
                String obj = truth.id.get(tFrom + a);
                String trk = tracks.id.get(kFrom + b);
                idsPerObject.computeIfAbsent(obj, k -> new LinkedHashSet<>()).add(trk);
                String prev = lastId.put(obj, trk);
                if (prev != null && !prev.equals(trk)) {
                    switches++;
                }
            }
        }
        double meanIds = objects.isEmpty() ? 0
                : objects.stream().mapToInt(o -> idsPerObject.getOrDefault(o, Set.of()).size()).average().orElse(0);
        int nt = Math.max(1, times.length);
        return new Score(times.length, ospaSum / nt, matched == 0 ? Double.NaN : Math.sqrt(posSq / matched),
                matched == 0 ? Double.NaN : Math.sqrt(velSq / matched), cardSum / nt, meanIds, switches,
                objects.size(), trackIds.size(), matched);
    }

    private static double dist(double[] a, int i, double[] b, int j, int off) {
        double dx = a[i * 6 + off] - b[j * 6 + off];
        double dy = a[i * 6 + off + 1] - b[j * 6 + off + 1];
        double dz = a[i * 6 + off + 2] - b[j * 6 + off + 2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /** Distinct times of a detections file, ascending. */
    public static double[] distinctTimes(Detections d) {
        double[] out = new double[d.size];
        int n = 0;
        for (int i = 0; i < d.size; i++) {
            if (n == 0 || out[n - 1] != d.tSeconds[i]) {
                out[n++] = d.tSeconds[i];
            }
        }
        return Arrays.copyOf(out, n);
    }
}

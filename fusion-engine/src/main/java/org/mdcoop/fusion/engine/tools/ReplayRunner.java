package org.mdcoop.fusion.engine.tools;

import org.mdcoop.fusion.engine.ReportBatch;
import org.mdcoop.fusion.engine.TrackTable;
import org.mdcoop.fusion.engine.Tracker;

/** Feeds loaded detections to a tracker scan by scan and hands the confirmed tracks of each scan to a sink. */
public final class ReplayRunner {
    /** Receives the tracker after each scan (read the confirmed tracks from {@code tracker.tracks()}). */
    public interface ScanSink {
        void afterScan(double tSeconds, Tracker tracker);
    }

    /** What of a report the tracker is given. */
    public enum Measurement {
        /** A radar's polar measurement where there is one, else the covariance, else the sigma. */
        POLAR,
        /** The converted position with its covariance where there is one, else the sigma. */
        COVARIANCE,
        /** The position with one sigma per axis (a radar's: the covariance's largest axis). */
        ISOTROPIC
    }

    private ReplayRunner() {
    }

    public static void run(Tracker tracker, Detections d, ScanSink sink) {
        run(tracker, d, sink, false);
    }

    public static void run(Tracker tracker, Detections d, ScanSink sink, boolean reportByReport) {
        run(tracker, d, sink, reportByReport, Measurement.POLAR);
    }

    /** Adds detection i to the batch as {@code m} says. */
    public static void add(ReportBatch batch, Detections d, int i, int sensorIdx, int partyIdx, Measurement m,
                           double[] cov9) {
        if (m == Measurement.POLAR && d.hasPolar(i)) {
            double[] q = d.polar6;
            int o = i * 6;
            batch.addPolar(q[o], q[o + 1], q[o + 2], q[o + 3], q[o + 4], q[o + 5], d.site3[i * 3], d.site3[i * 3 + 1],
                    d.site3[i * 3 + 2], sensorIdx, partyIdx, d.exercise[i], d.reportId[i]);
        } else if (m != Measurement.ISOTROPIC && d.hasCov(i)) {
            double[] c = d.cov6;
            int o = i * 6;
            cov9[0] = c[o];
            cov9[1] = c[o + 1];
            cov9[2] = c[o + 2];
            cov9[3] = c[o + 1];
            cov9[4] = c[o + 3];
            cov9[5] = c[o + 4];
            cov9[6] = c[o + 2];
            cov9[7] = c[o + 4];
            cov9[8] = c[o + 5];
            batch.add(d.xM[i], d.yM[i], d.zM[i], cov9, 0, sensorIdx, partyIdx, d.exercise[i], d.reportId[i]);
        } else {
            batch.add(d.xM[i], d.yM[i], d.zM[i], d.sigmaM[i], sensorIdx, partyIdx, d.exercise[i], d.reportId[i]);
        }
    }

    /**
     * @param reportByReport feed one report per call ({@link Tracker#processReport}) instead of whole
     *                       scans; the sink is still called once per distinct time
     */
    public static void run(Tracker tracker, Detections d, ScanSink sink, boolean reportByReport, Measurement m) {
        double[] cov9 = new double[9];
        int[] sensorIdx = new int[d.size];
        int[] partyIdx = new int[d.size];
        for (int i = 0; i < d.size; i++) {
            sensorIdx[i] = tracker.sensorIndex(d.sensorId[i]);
            partyIdx[i] = tracker.partyIndex(d.party[i]);
        }
        ReportBatch batch = new ReportBatch();
        int i = 0;
        while (i < d.size) {
            double t = d.tSeconds[i];
            batch.clear();
            while (i < d.size && d.tSeconds[i] == t) {
                add(batch, d, i, sensorIdx[i], partyIdx[i], m, cov9);
                i++;
                if (reportByReport) {
                    tracker.processReport(t, batch);
                    batch.clear();
                }
            }
            if (!reportByReport) {
                tracker.processScan(t, batch);
            }
            if (sink != null) {
                sink.afterScan(t, tracker);
            }
        }
    }

    /** Appends one tracks.jsonl line per confirmed track. */
    public static void appendConfirmed(double tSeconds, TrackTable tracks, StringBuilder out) {
        for (int s = 0; s < tracks.size(); s++) {
            if (!tracks.isConfirmed(s)) {
                continue;
            }
            out.append("{\"t\":").append(tSeconds)
                    .append(",\"trackId\":\"T").append(tracks.id(s)).append('"')
                    .append(",\"x\":").append(round(tracks.state(s, 0), 10))
                    .append(",\"y\":").append(round(tracks.state(s, 1), 10))
                    .append(",\"z\":").append(round(tracks.state(s, 2), 10))
                    .append(",\"vx\":").append(round(tracks.state(s, 3), 100))
                    .append(",\"vy\":").append(round(tracks.state(s, 4), 100))
                    .append(",\"vz\":").append(round(tracks.state(s, 5), 100))
                    .append("}\n");
        }
    }

    private static double round(double v, double scale) {
        return Math.round(v * scale) / scale;
    }
}

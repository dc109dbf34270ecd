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

    private ReplayRunner() {
    }

    public static void run(Tracker tracker, Detections d, ScanSink sink) {
        run(tracker, d, sink, false);
    }

    /**
     * @param reportByReport feed one report per call ({@link Tracker#processReport}) instead of whole
     *                       scans; the sink is still called once per distinct time
     */
    public static void run(Tracker tracker, Detections d, ScanSink sink, boolean reportByReport) {
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
                batch.add(d.xM[i], d.yM[i], d.zM[i], d.sigmaM[i], sensorIdx[i], partyIdx[i], d.exercise[i], d.reportId[i]);
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

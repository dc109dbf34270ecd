package org.mdcoop.fusion.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** How the tracker handles time and coverage as real radars deliver: same instants, partial coverage, late scans. */
class TrackerTimeAndCoverageTest {
    private static final double SIGMA_M = 100.0;
    private final Random rnd = new Random(11);

    /** Objects far enough apart (1 degree) that association is never ambiguous. */
    private static List<double[]> raid(int n) {
        List<double[]> objects = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            objects.add(Trajectories.burnout(30 + (i / 10), 40 + (i % 10), 3000 + 20 * i, 35, 300));
        }
        return objects;
    }

    private void fill(ReportBatch batch, Tracker tracker, String sensor, String party, double t, List<double[]> seen) {
        batch.clear();
        for (double[] s0 : seen) {
            double[] s = Trajectories.at(s0, t);
            batch.add(s[0] + SIGMA_M * rnd.nextGaussian(), s[1] + SIGMA_M * rnd.nextGaussian(),
                    s[2] + SIGMA_M * rnd.nextGaussian(), SIGMA_M, tracker.sensorIndex(sensor), tracker.partyIndex(party),
                    false, "r");
        }
    }

    @Test
    void twoSensorsReportingAtTheSameInstantAsTheirOwnScansMakeOneTrackPerObject() {
        Tracker tracker = Tracker.ballistic();
        ReportBatch batch = new ReportBatch();
        List<double[]> objects = raid(50);
        for (int k = 0; k < 8; k++) {
            double t = k;
            fill(batch, tracker, "NATO-1", "NATO", t, objects);
            tracker.processScan(t, batch);
            fill(batch, tracker, "RU-1", "RUSSIA", t, objects);
            tracker.processScan(t, batch);
        }
        assertThat(tracker.tracks().size()).isEqualTo(50);
        assertThat(tracker.confirmedCount()).isEqualTo(50);
        for (int s = 0; s < tracker.tracks().size(); s++) {
            assertThat(tracker.partyNames(tracker.tracks().partyMask(s))).containsExactlyInAnyOrder("NATO", "RUSSIA");
        }
    }

    @Test
    void aSensorThatSeesOnlyHalfTheRaidChargesNoMissesOnTheOtherHalf() {
        Tracker tracker = Tracker.ballistic();
        ReportBatch batch = new ReportBatch();
        List<double[]> objects = raid(20);
        List<double[]> west = objects.subList(0, 10);
        List<double[]> east = objects.subList(10, 20);
        // the two radars take turns; each object is seen on every other scan only
        for (int k = 0; k < 12; k++) {
            double t = 0.5 * k;
            boolean nato = k % 2 == 0;
            fill(batch, tracker, nato ? "NATO-1" : "RU-1", nato ? "NATO" : "RUSSIA", t, nato ? west : east);
            tracker.processScan(t, batch);
        }
        assertThat(tracker.confirmedCount()).isEqualTo(20);
        assertThat(tracker.tracks().size()).isEqualTo(20);
    }

    @Test
    void aScanDeliveredLateIsFusedByRetrodictionAsWellAsInTimeOrder() {
        List<double[]> objects = raid(10);
        double[] errorInOrder = fly(objects, false);
        double[] errorLate = fly(objects, true);
        // same reports, same number of confirmed tracks; the late-delivered run is as accurate (within 20 %)
        assertThat(errorLate[1]).isEqualTo(errorInOrder[1]).isEqualTo(10.0);
        assertThat(errorLate[2]).isEqualTo(errorInOrder[2]);
        assertThat(errorLate[0]).isLessThan(1.2 * errorInOrder[0] + 5.0);
        assertThat(errorInOrder[0]).isLessThan(SIGMA_M);
    }

    /**
     * Radar A scans at whole seconds, radar B half a second later; with {@code bLate} each B scan is delivered only
     * after the next A scan. Returns {mean position error (m) at the end, confirmed tracks, reports fused}.
     */
    private double[] fly(List<double[]> objects, boolean bLate) {
        Random saved = new Random(5);
        Tracker tracker = Tracker.ballistic();
        ReportBatch a = new ReportBatch();
        ReportBatch b = new ReportBatch();
        double end = 20;
        for (int k = 0; k < end; k++) {
            double ta = k;
            double tb = k + 0.5;
            rnd.setSeed(saved.nextLong());
            fill(a, tracker, "NATO-1", "NATO", ta, objects);
            rnd.setSeed(saved.nextLong());
            fill(b, tracker, "RU-1", "RUSSIA", tb, objects);
            if (!bLate) {
                tracker.processScan(ta, a);
                tracker.processScan(tb, b);
            } else {
                if (k > 0) {
                    // B's previous scan arrives after A's scan at ta
                    tracker.processScan(ta, a);
                    tracker.processLateScan(tb - 1, lateB);
                } else {
                    tracker.processScan(ta, a);
                }
                copy(b, lateB);
            }
        }
        if (bLate) {
            tracker.processLateScan(end - 0.5, lateB);
        }
        double last = end - 0.5;
        double sum = 0;
        TrackTable tr = tracker.tracks();
        int confirmed = 0;
        for (int s = 0; s < tr.size(); s++) {
            if (!tr.isConfirmed(s)) {
                continue;
            }
            confirmed++;
            double best = Double.MAX_VALUE;
            for (double[] o : objects) {
                double[] truth = Trajectories.at(o, tr.stateTimeSeconds(s));
                double dx = tr.state(s, 0) - truth[0], dy = tr.state(s, 1) - truth[1], dz = tr.state(s, 2) - truth[2];
                best = Math.min(best, Math.sqrt(dx * dx + dy * dy + dz * dz));
            }
            sum += best;
        }
        assertThat(last).isPositive();
        return new double[] { sum / Math.max(1, confirmed), confirmed, tracker.reportsProcessed() };
    }

    private final ReportBatch lateB = new ReportBatch();

    private static void copy(ReportBatch from, ReportBatch to) {
        to.clear();
        for (int i = 0; i < from.size(); i++) {
            to.add(from.xM[i], from.yM[i], from.zM[i], from.covM2, i * 9, from.sensorIndex[i], from.partyIndex[i],
                    from.exercise[i], from.reportId[i]);
        }
    }

    @Test
    void aLateReportOfAnUntrackedObjectStartsATentativeTrackAtItsOwnTime() {
        Tracker tracker = Tracker.ballistic();
        ReportBatch batch = new ReportBatch();
        List<double[]> objects = raid(2);
        fill(batch, tracker, "NATO-1", "NATO", 1.0, objects.subList(0, 1));
        tracker.processScan(1.0, batch);
        fill(batch, tracker, "RU-1", "RUSSIA", 0.5, objects.subList(1, 2));
        tracker.processLateScan(0.5, batch);
        assertThat(tracker.tracks().size()).isEqualTo(2);
        assertThat(tracker.tracks().stateTimeSeconds(1)).isEqualTo(0.5);
        assertThat(tracker.lateReportsProcessed()).isEqualTo(1);
        assertThat(tracker.lastScanSeconds()).isEqualTo(1.0);
    }
}

package org.mdcoop.fusion.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.mdcoop.fusion.engine.deletion.CoastingDeleter;
import org.mdcoop.fusion.engine.initiation.Confirmer;
import org.mdcoop.fusion.engine.initiation.MOfNConfirmer;

class TrackerLifecycleTest {
    private static final double SIGMA_M = 100.0;
    private final Random rnd = new Random(3);

    private void scan(Tracker tracker, ReportBatch batch, double t, double[]... truths) {
        batch.clear();
        for (double[] s : truths) {
            batch.add(s[0] + SIGMA_M * rnd.nextGaussian(), s[1] + SIGMA_M * rnd.nextGaussian(),
                    s[2] + SIGMA_M * rnd.nextGaussian(), SIGMA_M, tracker.sensorIndex("NATO-1"),
                    tracker.partyIndex("NATO"), false, "r");
        }
        tracker.processScan(t, batch);
    }

    private static double[] farClutter(double t) {
        return Trajectories.burnout(-40, -100 + t, 0, 0, 0); // on the other side of the Earth
    }

    @Test
    void mOfNConfirmerConfirmsAfterThreeHitsOfFourAndDropsWhenImpossible() {
        MOfNConfirmer c = new MOfNConfirmer(3, 4);
        assertThat(c.decide(0b1, 1)).isEqualTo(Confirmer.KEEP);
        assertThat(c.decide(0b11, 2)).isEqualTo(Confirmer.KEEP);
        assertThat(c.decide(0b111, 3)).isEqualTo(Confirmer.CONFIRM);
        assertThat(c.decide(0b1011, 4)).isEqualTo(Confirmer.CONFIRM);
        assertThat(c.decide(0b10, 2)).isEqualTo(Confirmer.KEEP);
        assertThat(c.decide(0b100, 3)).isEqualTo(Confirmer.DROP);
    }

    @Test
    void aMissileIsTentativeFirstAndConfirmedOnItsThirdReport() {
        Tracker tracker = Tracker.ballistic();
        ReportBatch batch = new ReportBatch();
        double[] s0 = Trajectories.burnout(33, 52, 3500, 35, 300);
        scan(tracker, batch, 0.0, s0);
        assertThat(tracker.tracks().size()).isEqualTo(1);
        assertThat(tracker.tracks().status(0)).isEqualTo(TrackTable.TENTATIVE);
        scan(tracker, batch, 0.5, Trajectories.at(s0, 0.5));
        assertThat(tracker.tracks().status(0)).isEqualTo(TrackTable.TENTATIVE);
        scan(tracker, batch, 1.0, Trajectories.at(s0, 1.0));
        assertThat(tracker.tracks().size()).isEqualTo(1);
        assertThat(tracker.tracks().status(0)).isEqualTo(TrackTable.CONFIRMED);
        assertThat(tracker.tracks().id(0)).isEqualTo(1L);
        assertThat(tracker.sensorNames(tracker.tracks().sensorMask(0))).containsExactly("NATO-1");
        assertThat(tracker.partyNames(tracker.tracks().partyMask(0))).containsExactly("NATO");
    }

    @Test
    void anIsolatedFalseReportStartsATentativeTrackThatIsDropped() {
        Tracker tracker = Tracker.ballistic();
        ReportBatch batch = new ReportBatch();
        double[] clutter = Trajectories.burnout(40, 30, 0, 0, 0);
        scan(tracker, batch, 0.0, clutter);
        assertThat(tracker.tracks().size()).isEqualTo(1);
        for (int k = 1; k <= 2; k++) {
            scan(tracker, batch, 0.5 * k, farClutter(k));
        }
        // the first false report's track missed two of its first three scans: 3 of 4 is impossible
        for (int s = 0; s < tracker.tracks().size(); s++) {
            assertThat(tracker.tracks().id(s)).isNotEqualTo(1L);
        }
        assertThat(tracker.confirmedCount()).isZero();
    }

    @Test
    void twoCloseMissilesGetTwoTracksAndKeepTheirIdentities() {
        Tracker tracker = Tracker.ballistic();
        ReportBatch batch = new ReportBatch();
        double[] a = Trajectories.burnout(33, 52, 3500, 35, 300);
        double[] b = Trajectories.burnout(33.05, 52.0, 3500, 35, 300); // ~5.5 km apart
        for (int k = 0; k < 200; k++) {
            double t = 0.5 * k;
            scan(tracker, batch, t, Trajectories.at(b, t), Trajectories.at(a, t));
        }
        assertThat(tracker.confirmedCount()).isEqualTo(2);
        TrackTable tr = tracker.tracks();
        double[] a100 = Trajectories.at(a, 99.5);
        int slotOfA = dist(tr, 0, a100) < dist(tr, 1, a100) ? 0 : 1;
        assertThat(tr.id(slotOfA)).isEqualTo(2L); // the second report of the first scan was missile a
        assertThat(dist(tr, slotOfA, a100)).isLessThan(300.0);
    }

    @Test
    void aConfirmedTrackCoastsThroughAFewMissesAndIsDeletedAfterTooMany() {
        Tracker tracker = new Tracker(
                new org.mdcoop.fusion.engine.filter.ExtendedKalmanPredictor(
                        new org.mdcoop.fusion.engine.model.BallisticMotionModel(1e-4, 2.0)),
                new org.mdcoop.fusion.engine.filter.KalmanPositionUpdater(),
                new org.mdcoop.fusion.engine.association.GnnAssociator(
                        new org.mdcoop.fusion.engine.gating.MahalanobisGater(), new org.mdcoop.fusion.engine.association.HungarianSolver(), 30_000),
                new org.mdcoop.fusion.engine.initiation.SinglePointInitiator(4000),
                new MOfNConfirmer(3, 4),
                new CoastingDeleter(5, 100.0, 10_000.0, 20_000.0),
                60.0);
        ReportBatch batch = new ReportBatch();
        double[] s0 = Trajectories.burnout(33, 52, 3500, 35, 300);
        for (int k = 0; k < 10; k++) {
            scan(tracker, batch, 0.5 * k, Trajectories.at(s0, 0.5 * k));
        }
        assertThat(tracker.confirmedCount()).isEqualTo(1);
        for (int k = 10; k < 15; k++) { // five misses: still coasting
            scan(tracker, batch, 0.5 * k, farClutter(k));
        }
        assertThat(tracker.tracks().id(0)).isEqualTo(1L);
        assertThat(tracker.tracks().consecutiveMisses(0)).isEqualTo(5);
        scan(tracker, batch, 7.5, Trajectories.at(s0, 7.5)); // re-acquired
        assertThat(tracker.tracks().consecutiveMisses(0)).isZero();
        for (int k = 16; k < 22; k++) { // six misses: deleted
            scan(tracker, batch, 0.5 * k, farClutter(k));
        }
        assertThat(tracker.confirmedCount()).isZero();
    }

    @Test
    void aTrackDescendingThroughTwentyKilometresIsDeleted() {
        Tracker tracker = Tracker.ballistic();
        ReportBatch batch = new ReportBatch();
        double[] s0 = Trajectories.burnout(33, 52, 3000, 30, 300);
        // fly to the descending leg: find the time when altitude drops to 40 km
        double t = 0;
        double[] s = s0;
        while (!(org.mdcoop.fusion.engine.model.Earth.altitudeM(s[0], s[1], s[2]) < 40_000 && t > 100)) {
            t += 1;
            s = Trajectories.at(s0, t);
        }
        double start = t;
        boolean sawConfirmed = false;
        for (double u = start; u < start + 30; u += 0.5) {
            scan(tracker, batch, u, Trajectories.at(s0, u));
            double[] now = Trajectories.at(s0, u);
            double alt = org.mdcoop.fusion.engine.model.Earth.altitudeM(now[0], now[1], now[2]);
            if (alt > 21_000) {
                sawConfirmed |= tracker.confirmedCount() == 1;
            } else if (alt < 19_000) {
                assertThat(tracker.confirmedCount()).as("below 20 km at t=%s", u).isZero();
            }
        }
        assertThat(sawConfirmed).isTrue();
    }

    private static double dist(TrackTable tr, int slot, double[] s) {
        double dx = tr.state(slot, 0) - s[0], dy = tr.state(slot, 1) - s[1], dz = tr.state(slot, 2) - s[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}

package org.mdcoop.fusion.engine.association;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.mdcoop.fusion.engine.ReportBatch;
import org.mdcoop.fusion.engine.Tracker;
import org.mdcoop.fusion.engine.deletion.CoastingDeleter;
import org.mdcoop.fusion.engine.filter.ExtendedKalmanPredictor;
import org.mdcoop.fusion.engine.filter.KalmanPositionUpdater;
import org.mdcoop.fusion.engine.gating.MahalanobisGater;
import org.mdcoop.fusion.engine.initiation.MOfNConfirmer;
import org.mdcoop.fusion.engine.initiation.SinglePointInitiator;
import org.mdcoop.fusion.engine.model.BallisticMotionModel;

/**
 * Issue 19: one batch of 1,000 reports at one place (a sensor gateway's flood, or a real swarm) made one association
 * cluster of 1,000 tentative tracks x 1,000 reports that the exact O(n^3) solver took 2.7 s over, stalling the
 * single fusion worker for every stream. Above {@link GnnAssociator#DEFAULT_MAX_EXACT_CLUSTER} the cluster is
 * assigned greedily, and a scan of the flood takes a small fraction of a second.
 */
class SwarmAtOnePlaceTest {

    private static final int REPORTS = 1_000;
    private static final double SIGMA_M = 100.0;

    @Test
    void aThousandReportsAtOnePlaceDoNotStallTheWorker() {
        // -Dmdcoop.swarm.unbounded=true measures the association without either bound (docs/benchmarks.md)
        boolean unbounded = Boolean.getBoolean("mdcoop.swarm.unbounded");
        GnnAssociator associator = unbounded ? associator(Integer.MAX_VALUE, Integer.MAX_VALUE)
                : associator(GnnAssociator.DEFAULT_MAX_EXACT_CLUSTER, GnnAssociator.DEFAULT_MAX_CANDIDATES_PER_REPORT);
        Tracker tracker = tracker(associator);
        long worstNanos = flood(tracker, 4);
        System.out.printf("1,000 reports at one place: worst scan %.1f ms, greedy clusters %d, pruned reports %d%n",
                worstNanos / 1e6, associator.greedyClusters(), associator.prunedReports());
        assertThat(associator.greedyClusters()).as("clusters over the bound are assigned greedily").isPositive();
        assertThat(associator.prunedReports()).as("reports gated against their nearest tracks only").isPositive();
        // measured 2.7 s per scan with the exact solver alone (on a shared 2-core machine, see docs/benchmarks.md)
        assertThat(worstNanos).as("worst scan").isLessThan(1_000_000_000L);
    }

    @Test
    void boundedAndExactAgreeOnASmallClusterWithAnObviousAnswer() {
        // two tracks 20 km apart, each report next to one of them: with bounds of 1 (greedy, nearest track only) as with 64
        for (int bound : new int[] { 1, 64 }) {
            GnnAssociator associator = associator(bound, bound);
            Tracker tracker = tracker(associator);
            ReportBatch batch = new ReportBatch();
            double[][] at = { { 6_400_000, 0, 100_000 }, { 6_400_000, 20_000, 100_000 } };
            for (int scan = 0; scan < 3; scan++) {
                batch.clear();
                for (double[] p : at) {
                    batch.add(p[0], p[1], p[2], SIGMA_M, tracker.sensorIndex("NATO-1"), tracker.partyIndex("NATO"),
                            false, "r");
                }
                tracker.processScan(scan * 1.0, batch);
            }
            assertThat(tracker.tracks().size()).as("bound " + bound).isEqualTo(2);
        }
    }

    /** Scans of {@code REPORTS} reports within a few hundred metres of one point; the slowest scan's time. */
    private static long flood(Tracker tracker, int scans) {
        Random rnd = new Random(19);
        ReportBatch batch = new ReportBatch();
        long worst = 0;
        for (int scan = 0; scan < scans; scan++) {
            batch.clear();
            for (int i = 0; i < REPORTS; i++) {
                batch.add(6_400_000 + SIGMA_M * rnd.nextGaussian(), SIGMA_M * rnd.nextGaussian(),
                        100_000 + SIGMA_M * rnd.nextGaussian(), SIGMA_M, tracker.sensorIndex("GW-1"),
                        tracker.partyIndex("NATO"), false, "flood-" + scan + "-" + i);
            }
            long start = System.nanoTime();
            tracker.processScan(scan * 1.0, batch);
            worst = Math.max(worst, System.nanoTime() - start);
        }
        return worst;
    }

    private static GnnAssociator associator(int maxExactCluster, int maxCandidatesPerReport) {
        return new GnnAssociator(new MahalanobisGater(MahalanobisGater.CHI2_3DOF_P9999), new HungarianSolver(),
                30_000.0, maxExactCluster, maxCandidatesPerReport);
    }

    private static Tracker tracker(GnnAssociator associator) {
        return new Tracker(new ExtendedKalmanPredictor(new BallisticMotionModel(Tracker.BALLISTIC_PROCESS_NOISE_M2PS3, 2.0)),
                new KalmanPositionUpdater(), associator, new SinglePointInitiator(4_000.0), new MOfNConfirmer(3, 4),
                new CoastingDeleter(), 4 * MahalanobisGater.CHI2_3DOF_P9999);
    }
}

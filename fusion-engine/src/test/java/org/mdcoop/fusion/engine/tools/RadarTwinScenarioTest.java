package org.mdcoop.fusion.engine.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mdcoop.fusion.engine.TrackTable;
import org.mdcoop.fusion.engine.Tracker;
import org.mdcoop.fusion.engine.filter.Mat;
import org.mdcoop.fusion.engine.registration.SensorBias;
import org.mdcoop.fusion.engine.registration.SensorRegistration;
import org.mdcoop.fusion.engine.scenario.Params;
import org.mdcoop.fusion.engine.scenario.Scenario;
import org.mdcoop.fusion.engine.scenario.Sensor;

/**
 * The radar preset (30 missiles, four radars with polar errors) and its unbiased twin from the same seed: the
 * measurement model, the registration and the published covariance, measured with the scorer.
 */
class RadarTwinScenarioTest {
    private static Scenario biased;
    private static Scenario unbiased;

    @BeforeAll
    static void generate() {
        biased = Scenario.generate(Params.radar());
        unbiased = Scenario.generate(Params.radar().withBiasScale(0));
    }

    private static Tracker registering() {
        return Tracker.ballistic();
    }

    private static Tracker unregistered() {
        return Tracker.ballistic(Tracker.BALLISTIC_PROCESS_NOISE_M2PS3, null);
    }

    private static Scorer.Score score(Scenario sc, Tracker tracker, ReplayRunner.Measurement m) {
        StateRows out = new StateRows();
        ReplayRunner.run(tracker, sc.detections(), (t, tr) -> {
            TrackTable tracks = tr.tracks();
            for (int s = 0; s < tracks.size(); s++) {
                if (tracks.isConfirmed(s)) {
                    out.add(t, "T" + tracks.id(s), tracks.state(s, 0), tracks.state(s, 1), tracks.state(s, 2),
                            tracks.state(s, 3), tracks.state(s, 4), tracks.state(s, 5));
                }
            }
        }, false, m);
        return Scorer.score(sc.truth(), out, Scorer.distinctTimes(sc.detections()), Scorer.DEFAULT_CUTOFF_M);
    }

    @Test
    void theTwinsDifferOnlyInTheBiases() {
        Detections a = biased.detections(), b = unbiased.detections();
        assertThat(a.size).isEqualTo(b.size);
        assertThat(biased.truth().state).isEqualTo(unbiased.truth().state);
        assertThat(biased.origins()).isEqualTo(unbiased.origins());
        int targets = 0;
        for (int i = 0; i < a.size; i++) {
            assertThat(a.reportId[i]).isEqualTo(b.reportId[i]);
            assertThat(a.tSeconds[i]).isEqualTo(b.tSeconds[i]);
            if (biased.origins().get(i) == null) {
                assertThat(a.polar6[i * 6]).as("clutter carries no bias").isEqualTo(b.polar6[i * 6]);
                continue;
            }
            Sensor.Bias bias = biased.bias(a.sensorId[i]);
            assertThat(a.polar6[i * 6] - b.polar6[i * 6]).isCloseTo(bias.rangeM(), org.assertj.core.data.Offset.offset(0.11));
            assertThat(a.polar6[i * 6 + 2] - b.polar6[i * 6 + 2]).isCloseTo(bias.elRad(),
                    org.assertj.core.data.Offset.offset(2e-8));
            targets++;
        }
        assertThat(targets).isGreaterThan(30_000);
        assertThat(unbiased.biases()).containsOnly(Sensor.Bias.NONE);
        assertThat(biased.biases()).doesNotContain(Sensor.Bias.NONE);
    }

    @Test
    void polarMeasurementsBeatOneSigmaPerReportAndRegistrationTakesTheBiasAway() {
        Scorer.Score isotropic = score(unbiased, unregistered(), ReplayRunner.Measurement.ISOTROPIC);
        Scorer.Score polarUnbiased = score(unbiased, unregistered(), ReplayRunner.Measurement.POLAR);
        Scorer.Score registeredUnbiased = score(unbiased, registering(), ReplayRunner.Measurement.POLAR);
        Scorer.Score registeredBiased = score(biased, registering(), ReplayRunner.Measurement.POLAR);
        Scorer.Score unregisteredBiased = score(biased, unregistered(), ReplayRunner.Measurement.POLAR);
        /*
         * Measured (docs/benchmarks.md): isotropic 214.6 m; polar, registered radars 84.6 m; with registration
         * running 144.2 m unbiased and 139.2 m biased; biased without registration 157.2 m.
         */
        for (Scorer.Score s : List.of(polarUnbiased, registeredUnbiased, registeredBiased)) {
            assertThat(s.objects()).isEqualTo(30);
            assertThat(s.meanTrackIdsPerObject()).isLessThanOrEqualTo(1.05);
        }
        assertThat(polarUnbiased.ospaM()).isLessThanOrEqualTo(0.6 * isotropic.ospaM());
        assertThat(registeredUnbiased.ospaM()).isLessThan(isotropic.ospaM());
        assertThat(registeredBiased.ospaM()).isLessThanOrEqualTo(1.25 * registeredUnbiased.ospaM());
        assertThat(registeredBiased.ospaM()).isLessThan(unregisteredBiased.ospaM());
    }

    @Test
    void everyRadarsBiasIsEstimatedWithinItsStatedUncertainty() {
        Tracker tracker = registering();
        ReplayRunner.run(tracker, biased.detections(), null);
        List<SensorBias> estimates = tracker.sensorBiases();
        assertThat(estimates).hasSize(4);
        for (SensorBias e : estimates) {
            Sensor.Bias truth = biased.bias(e.sensorId());
            assertThat(e.status()).as(e.sensorId()).isEqualTo(SensorBias.Status.RELIABLE);
            // 3.5 sigma: four radars x three components, each within it with probability > 0.999
            assertThat(Math.abs(e.rangeM() - truth.rangeM())).as(e.sensorId() + " range").isLessThan(3.5 * e.sigmaRangeM());
            assertThat(Math.abs(e.azRad() - truth.azRad())).as(e.sensorId() + " az").isLessThan(3.5 * e.sigmaAzRad());
            assertThat(Math.abs(e.elRad() - truth.elRad())).as(e.sensorId() + " el").isLessThan(3.5 * e.sigmaElRad());
        }
    }

    /**
     * NEES of the published position covariance on the biased raid, after the first five minutes (registration
     * converged) and for tracks at least 30 s old. A track's errors are correlated over its whole life, so the samples
     * are far from independent: the bound counts one independent sample per object, i.e. the mean of 30 chi-square(3)
     * values, whose two-sided 99 % interval is [59.2, 128.3] / 30 = [1.97, 4.28].
     */
    @Test
    void thePublishedCovarianceIsConsistentOnTheBiasedRaid() {
        // measured 4.26 (3.83 on the unbiased twin; 2.85 there without registration, 23-30 with the filter's own
        // covariance only, see docs/benchmarks.md)
        double mean = meanNees(biased, registering());
        assertThat(mean).as("mean position NEES").isBetween(1.97, 4.28);
    }

    private static double meanNees(Scenario sc, Tracker tracker) {
        StateRows truth = sc.truth();
        double[] sum = {0};
        int[] count = {0};
        int[] row = {0};
        double[] p3 = new double[9], inv = new double[9], p6 = new double[36];
        ReplayRunner.run(tracker, sc.detections(), (t, tr) -> {
            while (row[0] < truth.size() && truth.t[row[0]] < t) {
                row[0]++;
            }
            if (t < 300) {
                return;
            }
            TrackTable tracks = tr.tracks();
            for (int i = row[0]; i < truth.size() && truth.t[i] == t; i++) {
                int best = -1;
                double bestD2 = 5_000.0 * 5_000.0;
                for (int s = 0; s < tracks.size(); s++) {
                    if (!tracks.isConfirmed(s) || t - tracks.firstUpdateSeconds(s) < 30) {
                        continue;
                    }
                    double dx = tracks.state(s, 0) - truth.state[i * 6], dy = tracks.state(s, 1) - truth.state[i * 6 + 1];
                    double dz = tracks.state(s, 2) - truth.state[i * 6 + 2];
                    double d2 = dx * dx + dy * dy + dz * dz;
                    if (d2 < bestD2) {
                        bestD2 = d2;
                        best = s;
                    }
                }
                if (best < 0) {
                    continue;
                }
                tr.publishedCovariance(best, p6, 0);
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) {
                        p3[a * 3 + b] = p6[a * 6 + b];
                    }
                }
                Mat.invertSym3(p3, 0, inv, 0);
                sum[0] += Mat.quad3(tracks.state(best, 0) - truth.state[i * 6],
                        tracks.state(best, 1) - truth.state[i * 6 + 1], tracks.state(best, 2) - truth.state[i * 6 + 2], inv, 0);
                count[0]++;
            }
        });
        assertThat(count[0]).isGreaterThan(10_000);
        return sum[0] / count[0];
    }

    @Test
    void aSnapshotCarriesTheBiasEstimates() throws Exception {
        Tracker tracker = registering();
        ReplayRunner.run(tracker, biased.detections(), null);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        tracker.writeState(new java.io.DataOutputStream(bytes));
        Tracker copy = Tracker.ballistic();
        copy.readState(new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())));
        assertThat(copy.sensorBiases()).isEqualTo(tracker.sensorBiases());
        assertThat(new ArrayList<>(copy.sensorBiases())).hasSize(4);
    }
}

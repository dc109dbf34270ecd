package org.mdcoop.fusion.engine.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mdcoop.fusion.engine.Tracker;
import org.mdcoop.fusion.engine.scenario.Params;
import org.mdcoop.fusion.engine.scenario.Scenario;
import org.mdcoop.fusion.engine.scenario.Sensor;
import org.mdcoop.fusion.engine.tools.ReplayRunner;

class SensorRegistrationTest {
    /** Two radars (one per party), 12 missiles, biases twice the preset's: registration from common objects alone. */
    private static Scenario twoRadars(double biasScale) {
        List<Sensor> two = List.of(Sensor.RADARS.get(0), Sensor.RADARS.get(3));
        return Scenario.generate(Params.radar().withSensors(two).withMissiles(12).withLaunchWindowS(60)
                .withDurationS(600).withBiasScale(biasScale));
    }

    private static SensorBias at(Tracker tracker, String sensor) {
        return tracker.sensorBias(sensor).orElseThrow();
    }

    @Test
    void aTwoRadarBiasFilterConvergesWithinTheFirstMinutes() {
        Scenario sc = twoRadars(2.0);
        Tracker tracker = Tracker.ballistic();
        double[] checked = {0};
        ReplayRunner.run(tracker, sc.detections(), (t, tr) -> {
            if (checked[0] == 0 && t >= 240) {
                checked[0] = t;
                for (Sensor s : sc.sensors()) {
                    SensorBias e = at(tr, s.sensorId());
                    Sensor.Bias truth = sc.bias(s.sensorId());
                    // four minutes in: every angle within a third of a sigma of the radar's noise of the truth
                    assertThat(Math.abs(e.azRad() - truth.azRad())).as(s.sensorId() + " az")
                            .isLessThan(s.radar().sigmaAzRad() / 3);
                    assertThat(Math.abs(e.elRad() - truth.elRad())).as(s.sensorId() + " el")
                            .isLessThan(s.radar().sigmaElRad() / 3);
                }
            }
        });
        assertThat(checked[0]).isPositive();
        for (Sensor s : sc.sensors()) {
            SensorBias e = at(tracker, s.sensorId());
            Sensor.Bias truth = sc.bias(s.sensorId());
            assertThat(Math.abs(truth.azRad())).as("a bias worth finding").isGreaterThan(0.0);
            assertThat(e.residuals()).isGreaterThan(1_000);
            assertThat(Math.abs(e.rangeM() - truth.rangeM())).as(s.sensorId() + " range").isLessThan(3.5 * e.sigmaRangeM());
            assertThat(Math.abs(e.azRad() - truth.azRad())).as(s.sensorId() + " az").isLessThan(3.5 * e.sigmaAzRad());
            assertThat(Math.abs(e.elRad() - truth.elRad())).as(s.sensorId() + " el").isLessThan(3.5 * e.sigmaElRad());
            // two lines of sight pin the angles less than four do: learned (a third of the prior), not yet "reliable"
            assertThat(e.sigmaAzRad()).isLessThan(0.5 * s.radar().sigmaAzRad());
            assertThat(e.sigmaElRad()).isLessThan(0.5 * s.radar().sigmaElRad());
            assertThat(e.status()).isNotEqualTo(SensorBias.Status.DRIFTING);
        }
    }

    @Test
    void aRadarSeenAloneLearnsNothingAndSaysSo() {
        Scenario sc = Scenario.generate(Params.radar().withSensors(List.of(Sensor.RADARS.get(0))).withMissiles(4)
                .withDurationS(300));
        Tracker tracker = Tracker.ballistic();
        ReplayRunner.run(tracker, sc.detections(), null);
        SensorBias e = at(tracker, "NATO-1");
        assertThat(e.residuals()).isZero();
        assertThat(e.status()).isEqualTo(SensorBias.Status.LEARNING);
        assertThat(e.reliable()).isFalse();
        assertThat(e.rangeM()).isZero();
    }

    @Test
    void withoutRegistrationThereAreNoEstimates() {
        Tracker tracker = Tracker.ballistic(Tracker.BALLISTIC_PROCESS_NOISE_M2PS3, null);
        ReplayRunner.run(tracker, twoRadars(1.0).detections(), null);
        assertThat(tracker.sensorBiases()).isEmpty();
        assertThat(tracker.sensorBias("NATO-1")).isEmpty();
    }

    @Test
    void aBiasThatJumpsIsReportedAsDriftingAndThenFollowed() {
        Scenario sc = Scenario.generate(Params.radar().withMissiles(16).withDurationS(900));
        org.mdcoop.fusion.engine.tools.Detections d = sc.detections();
        double jumpAt = 450, step = 0.004; // NATO-1's azimuth bias grows by 4 sigma at once
        for (int i = 0; i < d.size; i++) {
            if (d.sensorId[i].equals("NATO-1") && d.tSeconds[i] >= jumpAt) {
                d.polar6[i * 6 + 1] += step;
            }
        }
        Tracker tracker = Tracker.ballistic();
        java.util.Set<SensorBias.Status> before = java.util.EnumSet.noneOf(SensorBias.Status.class);
        java.util.Set<SensorBias.Status> after = java.util.EnumSet.noneOf(SensorBias.Status.class);
        ReplayRunner.run(tracker, d, (t, tr) -> {
            if (t > 300) {
                (t < jumpAt ? before : after).add(at(tr, "NATO-1").status());
            }
        });
        assertThat(before).isNotEmpty().doesNotContain(SensorBias.Status.DRIFTING);
        assertThat(after).contains(SensorBias.Status.DRIFTING);
        SensorBias end = at(tracker, "NATO-1");
        assertThat(end.azRad()).isCloseTo(sc.bias("NATO-1").azRad() + step,
                org.assertj.core.data.Offset.offset(4 * end.sigmaAzRad()));
    }
}

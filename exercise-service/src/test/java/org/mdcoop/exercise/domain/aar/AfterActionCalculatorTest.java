package org.mdcoop.exercise.domain.aar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mdcoop.exercise.domain.physics.Earth;
import org.mdcoop.exercise.domain.physics.GeoPoint;
import org.mdcoop.exercise.domain.report.ScenarioRun;
import org.mdcoop.exercise.domain.scenario.Inject;
import org.mdcoop.exercise.domain.scenario.MissileClass;
import org.mdcoop.exercise.domain.scenario.Scenario;

class AfterActionCalculatorTest {

    static final Instant T0 = Instant.parse("2027-03-01T08:00:00Z");
    static final double R = Earth.RADIUS_M + 100_000.0;
    static final double KM_PER_DEG = Math.PI / 180 * Earth.RADIUS_M / 1000.0;

    /** Object moving at 3 km/s along +y from (R, yOffset, zOffset), observable 90..190 s after T0, sampled every 1 s. */
    static TruthObject object(int id, double yOffset, double zOffset, GeoPoint launch, GeoPoint impact) {
        List<StateSample> s = new ArrayList<>();
        for (int k = 0; k <= 100; k++) {
            s.add(new StateSample(T0.plusSeconds(90 + k), R, yOffset + 3000.0 * k, zOffset, 0, 3000, 0));
        }
        return new TruthObject(id, launch, impact, T0, s);
    }

    /** Track samples every 2 s over [fromS, toS] (seconds after T0) along object-like motion shifted by dz. */
    static FusedTrack track(String id, double yOffset, double dz, int fromS, int toS, GeoPoint launchEst,
            GeoPoint impactEst, int confirmedS) {
        List<StateSample> s = new ArrayList<>();
        for (int t = fromS; t <= toS; t += 2) {
            s.add(new StateSample(T0.plusSeconds(t), R, yOffset + 3000.0 * (t - 90), dz, 0, 3000, 0));
        }
        return new FusedTrack(id, s, launchEst, impactEst, T0.plusSeconds(confirmedS));
    }

    static final GeoPoint LAUNCH0 = GeoPoint.of(0, 20);
    static final GeoPoint IMPACT0 = GeoPoint.of(0, 30);

    @Test
    void trackOffsetByAKnownAmountGivesThatError() {
        TruthObject o = object(0, 0, 0, LAUNCH0, IMPACT0);
        FusedTrack a = track("A", 0, 1000.0, 96, 190, GeoPoint.of(0, 20.1), GeoPoint.of(0.2, 30), 100);
        AfterActionMetrics m = AfterActionCalculator.compute(List.of(o), List.of(a));
        LaunchMetrics l = m.launches().get(0);
        assertThat(l.detected()).isTrue();
        assertThat(l.primaryTrackId()).isEqualTo("A");
        assertThat(l.meanPositionErrorM()).isCloseTo(1000.0, within(1e-6));
        assertThat(l.launchPointErrorKm()).isCloseTo(0.1 * KM_PER_DEG, within(1e-6)); // 11.12 km
        assertThat(l.impactPointErrorKm()).isCloseTo(0.2 * KM_PER_DEG, within(1e-6)); // 22.24 km
        assertThat(l.firstObservableAt()).isEqualTo(T0.plusSeconds(90));
        assertThat(l.firstConfirmedAt()).isEqualTo(T0.plusSeconds(100));
        assertThat(l.detectionLatencyS()).isEqualTo(10.0);
        assertThat(l.latencyFromLaunchS()).isEqualTo(100.0);
        assertThat(l.trackIds()).containsExactly("A");
        assertThat(l.trackBreaks()).isZero();
        assertThat(m.falseTracks()).isZero();
    }

    @Test
    void aBrokenTrackCountsOneBreakAndLatencyComesFromTheFirstPiece() {
        TruthObject o = object(0, 0, 0, LAUNCH0, IMPACT0);
        FusedTrack first = track("T-1", 0, 200, 92, 130, LAUNCH0, IMPACT0, 94);
        FusedTrack second = track("T-2", 0, -200, 140, 190, GeoPoint.of(0.05, 20), GeoPoint.of(0, 30.05), 142);
        AfterActionMetrics m = AfterActionCalculator.compute(List.of(o), List.of(second, first));
        LaunchMetrics l = m.launches().get(0);
        assertThat(l.trackIds()).containsExactly("T-1", "T-2");
        assertThat(l.trackBreaks()).isEqualTo(1);
        assertThat(l.detectionLatencyS()).isEqualTo(4.0);
        assertThat(l.primaryTrackId()).isEqualTo("T-2"); // 26 samples vs 20
        assertThat(l.launchPointErrorKm()).isCloseTo(0.05 * KM_PER_DEG, within(1e-6));
        assertThat(l.meanPositionErrorM()).isCloseTo(200.0, within(1e-6));
        assertThat(m.totalTrackBreaks()).isEqualTo(1);
    }

    @Test
    void aFarAwayTrackIsFalseAndAnUnseenLaunchIsUndetected() {
        TruthObject seen = object(0, 0, 0, LAUNCH0, IMPACT0);
        TruthObject unseen = object(1, 0, 2_000_000, GeoPoint.of(10, 20), GeoPoint.of(10, 30));
        FusedTrack good = track("G", 0, 0, 90, 190, LAUNCH0, IMPACT0, 95);
        FusedTrack far = track("F", 0, 100_000, 90, 190, null, null, 95);
        FusedTrack outOfTime = new FusedTrack("L", List.of(new StateSample(T0.plusSeconds(500), R, 0, 0, 0, 0, 0)),
                null, null, T0.plusSeconds(500));
        AfterActionMetrics m = AfterActionCalculator.compute(List.of(seen, unseen), List.of(good, far, outOfTime));
        assertThat(m.falseTrackIds()).containsExactly("F", "L");
        assertThat(m.falseTracks()).isEqualTo(2);
        assertThat(m.detectedLaunches()).isEqualTo(1);
        LaunchMetrics u = m.launches().get(1);
        assertThat(u.objectId()).isEqualTo(1);
        assertThat(u.detected()).isFalse();
        assertThat(u.detectionLatencyS()).isNull();
        assertThat(u.launchPointErrorKm()).isNull();
        assertThat(u.trackIds()).isEmpty();
        assertThat(u.trackBreaks()).isZero();
        assertThat(m.launches().get(0).launchPointErrorKm()).isEqualTo(0.0);
    }

    @Test
    void theGateDecidesBetweenAssociatedAndFalse() {
        TruthObject o = object(0, 0, 0, LAUNCH0, IMPACT0);
        FusedTrack sixKm = track("S", 0, 6_000, 90, 190, null, null, 95);
        assertThat(AfterActionCalculator.compute(List.of(o), List.of(sixKm)).falseTrackIds()).containsExactly("S");
        AfterActionMetrics wide = AfterActionCalculator.compute(List.of(o), List.of(sixKm), 10_000);
        assertThat(wide.falseTrackIds()).isEmpty();
        assertThat(wide.launches().get(0).trackIds()).containsExactly("S");
        assertThat(wide.launches().get(0).launchPointErrorKm()).isNull();
        assertThat(wide.gateM()).isEqualTo(10_000);
    }

    @Test
    void aTrackIsAssociatedWithTheNearestObjectOnAverage() {
        TruthObject a = object(0, 0, 0, LAUNCH0, IMPACT0);
        TruthObject b = object(1, 0, 3_000, LAUNCH0, IMPACT0);
        FusedTrack nearB = track("X", 0, 2_000, 90, 190, null, null, 95);
        AfterActionMetrics m = AfterActionCalculator.compute(List.of(a, b), List.of(nearB));
        assertThat(m.launches().get(0).trackIds()).isEmpty();
        assertThat(m.launches().get(1).trackIds()).containsExactly("X");
        assertThat(m.launches().get(1).meanPositionErrorM()).isCloseTo(1_000.0, within(1e-6));
    }

    @Test
    void truthBetweenSamplesIsInterpolatedWithVelocities() {
        // constant acceleration a = -10 m/s^2 in z, truth every 10 s: cubic Hermite is exact for a parabola
        List<StateSample> truth = new ArrayList<>();
        for (int k = 0; k <= 10; k++) {
            double t = 10.0 * k;
            truth.add(new StateSample(T0.plusSeconds((long) t), R, 0, 1000 * t - 5 * t * t, 0, 0, 1000 - 10 * t));
        }
        TruthObject o = new TruthObject(0, LAUNCH0, IMPACT0, T0, truth);
        double[] p = AfterActionCalculator.truthPositionAt(o, T0.plusMillis(33_300));
        double t = 33.3;
        assertThat(p[2]).isCloseTo(1000 * t - 5 * t * t, within(1e-6));
        assertThat(AfterActionCalculator.truthPositionAt(o, T0.minusMillis(1))).isNull();
        assertThat(AfterActionCalculator.truthPositionAt(o, T0.plusSeconds(101))).isNull();
    }

    @Test
    void perfectTracksOfAGeneratedScenarioScoreNearZero() {
        Scenario scenario = Scenario.initial(List.of(new Inject(0, 0.0, 30.0, 0.0, 43.5, MissileClass.MRBM, 4.5),
                new Inject(60, 40.0, 30.0, 45.0, 10.0, MissileClass.MRBM, 4.0)));
        ScenarioRun run = ScenarioRun.plan(UUID.randomUUID(), T0, scenario);
        List<TruthObject> truth = run.truthObjects(Duration.ofSeconds(1));
        List<FusedTrack> tracks = new ArrayList<>();
        for (var l : run.launches()) {
            List<StateSample> s = new ArrayList<>();
            for (Instant t = l.burnoutTime().plusMillis(2_500); t.isBefore(l.endTime()); t = t.plusMillis(3_700)) {
                var st = l.stateAt(t);
                s.add(new StateSample(t, st.x(), st.y(), st.z(), st.vx(), st.vy(), st.vz()));
            }
            tracks.add(new FusedTrack("trk-" + l.objectId(), s, l.inject().launchPoint(),
                    l.inject().impactPoint(), s.get(0).t()));
        }
        AfterActionMetrics m = AfterActionCalculator.compute(truth, tracks);
        assertThat(m.falseTracks()).isZero();
        assertThat(m.launches()).hasSize(2).allSatisfy(l -> {
            assertThat(l.trackIds()).containsExactly("trk-" + l.objectId());
            assertThat(l.meanPositionErrorM()).isLessThan(1.0);
            assertThat(l.launchPointErrorKm()).isCloseTo(0.0, within(1e-9));
            assertThat(l.impactPointErrorKm()).isLessThan(1.0); // true impact is where the arc lands
            assertThat(l.detectionLatencyS()).isEqualTo(2.5);
        });
        assertThat(truth.get(1).launchTime()).isEqualTo(T0.plusSeconds(60));
    }
}

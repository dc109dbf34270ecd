package org.mdcoop.exercise.domain.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrajectoryGeneratorTest {

    private static final TrajectoryGenerator GEN = TrajectoryGenerator.DEFAULT;

    /** Launch at (lat0, lon0), aim due east along the equator-ish great circle at the given ground range. */
    private static GeoPoint east(GeoPoint from, double rangeKm) {
        double[] u = Earth.unit(from);
        double[] eastDir = Vec.normalize(new double[] {-u[1], u[0], 0.0});
        double[] q = Vec.rotateToward(u, eastDir, rangeKm * 1000.0 / Earth.RADIUS_M);
        return Earth.toGeo(q[0], q[1], q[2]);
    }

    private static List<StateVector> sample(Trajectory t, double stepS) {
        List<StateVector> out = new ArrayList<>();
        for (double s = t.burnoutTimeS(); s <= t.endTimeS(); s += stepS) {
            out.add(t.stateAt(s));
        }
        out.add(t.stateAt(t.endTimeS()));
        return out;
    }

    @ParameterizedTest(name = "{0} km at 1.05 x minimum speed")
    @CsvSource({"300", "900", "2000", "4000", "8000", "10000", "12000"})
    void trajectoryIsPhysicallyPlausibleAndHitsTheAimPoint(double rangeKm) {
        GeoPoint launch = GeoPoint.of(55.0, 37.0);
        GeoPoint aim = east(launch, rangeKm);
        double vMin = GEN.minimumBurnoutSpeedMps(launch, aim);
        double v = Math.min(1.05 * vMin, 8000.0);
        Trajectory t = GEN.generate(launch, aim, v, 90.0);

        assertThat(Earth.greatCircleDistanceM(t.impactPoint(), aim)).as("impact miss distance (m)").isLessThan(1000.0);
        List<StateVector> states = sample(t, 1.0);
        StateVector first = states.get(0);
        assertThat(first.altitudeM()).isCloseTo(100_000.0, within(1.0));
        assertThat(first.speedMps()).isCloseTo(v, within(1e-6));
        // altitude rises to a single apogee then falls
        int apex = 0;
        for (int i = 1; i < states.size(); i++) {
            if (states.get(i).altitudeM() > states.get(apex).altitudeM()) {
                apex = i;
            }
        }
        for (int i = 1; i <= apex; i++) {
            assertThat(states.get(i).altitudeM()).isGreaterThanOrEqualTo(states.get(i - 1).altitudeM());
        }
        for (int i = apex + 1; i < states.size(); i++) {
            assertThat(states.get(i).altitudeM()).isLessThanOrEqualTo(states.get(i - 1).altitudeM());
        }
        assertThat(apex).isBetween(1, states.size() - 2);
        double apogee = states.get(apex).altitudeM();
        assertThat(apogee).isCloseTo(t.apogeeAltitudeM(), within(2_000.0));
        // near-minimum-energy arcs peak at roughly a quarter of the range (less for long ranges on a sphere),
        // plus up to the 100 km burnout altitude for short ranges
        assertThat(apogee).isGreaterThan(100_000.0)
                .isBetween(0.12 * rangeKm * 1000.0, 0.45 * rangeKm * 1000.0 + 100_000.0);
        assertThat(states.get(states.size() - 1).altitudeM()).isCloseTo(20_000.0, within(1.0));
        double energy0 = first.specificEnergyJPerKg();
        for (StateVector s : states) {
            assertThat(s.speedMps()).isLessThanOrEqualTo(8000.0 + 1e-6);
            assertThat(s.specificEnergyJPerKg()).isCloseTo(energy0, within(Math.abs(energy0) * 1e-9));
        }
    }

    @Test
    void icbmOverTenThousandKilometresNeedsAboutSevenKilometresPerSecondAndFliesAboutHalfAnHour() {
        GeoPoint launch = GeoPoint.of(62.0, 40.0);
        GeoPoint aim = east(launch, 10_000);
        double vMin = GEN.minimumBurnoutSpeedMps(launch, aim);
        assertThat(vMin).isBetween(6_800.0, 7_400.0);
        Trajectory t = GEN.generate(launch, aim, vMin * 1.001, 180.0);
        double flightMin = (t.impactTimeS()) / 60.0;
        assertThat(flightMin).isBetween(25.0, 40.0);
    }

    @Test
    void minimumSpeedMatchesTheClosedFormForEqualRadii() {
        // burnout and impact on the same radius: v_min^2 = (mu/r) * 2 sin(psi/2) / (1 + sin(psi/2))
        double r = Earth.RADIUS_M;
        for (double psi : new double[] {0.05, 0.3, 1.0, 1.5}) {
            double s = Math.sin(psi / 2);
            double expected = Math.sqrt(Earth.MU_M3_S2 / r * 2 * s / (1 + s));
            assertThat(Kepler.minimumSpeedMps(r, psi, r)).isCloseTo(expected, within(expected * 1e-6));
        }
    }

    @Test
    void rangeAngleMatchesTheClosedFormForEqualRadii() {
        // r0 = r1: psi = 2 atan( nu sin g cos g / (1 - nu cos^2 g) ), nu = v^2 r / mu
        double r = Earth.RADIUS_M;
        double v = 5000;
        double g = Math.toRadians(35);
        double nu = v * v * r / Earth.MU_M3_S2;
        double expected = 2 * Math.atan(nu * Math.sin(g) * Math.cos(g) / (1 - nu * Math.cos(g) * Math.cos(g)));
        assertThat(Kepler.rangeAngleRad(r, v, g, r)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void depressedArcIsFlatterFasterAndHitsTheSameAimPoint() {
        GeoPoint launch = GeoPoint.of(50.0, 20.0);
        GeoPoint aim = east(launch, 2500);
        double v = 1.1 * GEN.minimumBurnoutSpeedMps(launch, aim);
        Trajectory lofted = GEN.generate(launch, aim, v, 90);
        Trajectory depressed = new TrajectoryGenerator(BoostModel.DEFAULT, ArcBranch.DEPRESSED, 0.5)
                .generate(launch, aim, v, 90);
        assertThat(Earth.greatCircleDistanceM(lofted.impactPoint(), aim)).isLessThan(1000);
        assertThat(Earth.greatCircleDistanceM(depressed.impactPoint(), aim)).isLessThan(1000);
        assertThat(depressed.flightPathAngleDeg()).isLessThan(lofted.flightPathAngleDeg());
        assertThat(depressed.apogeeAltitudeM()).isLessThan(lofted.apogeeAltitudeM());
        assertThat(depressed.endTimeS()).isLessThan(lofted.endTimeS());
    }

    @Test
    void burnoutIsDownrangeOfTheLaunchPointAtOneHundredKilometres() {
        GeoPoint launch = GeoPoint.of(40.0, 45.0);
        GeoPoint aim = east(launch, 1500);
        Trajectory t = GEN.generate(launch, aim, 1.05 * GEN.minimumBurnoutSpeedMps(launch, aim), 90);
        GeoPoint burnoutGround = t.burnoutState().subPoint();
        assertThat(Earth.greatCircleDistanceM(launch, burnoutGround)).isCloseTo(50_000.0, within(1.0));
        assertThat(Earth.greatCircleDistanceM(burnoutGround, aim)).isCloseTo(1_450_000.0, within(1.0));
        assertThat(t.burnoutTimeS()).isEqualTo(90.0);
        assertThat(t.inFlight(89.9)).isFalse();
        assertThat(t.inFlight(90.0)).isTrue();
        assertThat(t.inFlight(t.endTimeS() + 0.01)).isFalse();
    }

    @Test
    void speedBelowTheMinimumCannotReachTheAimPoint() {
        GeoPoint launch = GeoPoint.of(40.0, 45.0);
        GeoPoint aim = east(launch, 3000);
        double vMin = GEN.minimumBurnoutSpeedMps(launch, aim);
        assertThatThrownBy(() -> GEN.generate(launch, aim, vMin * 0.97, 90))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minimum");
        assertThat(Earth.greatCircleDistanceM(GEN.generate(launch, aim, vMin, 90).impactPoint(), aim)).isLessThan(1000);
    }

    @Test
    void stateOutsideTheFlightIsRefused() {
        GeoPoint launch = GeoPoint.of(40.0, 45.0);
        Trajectory t = GEN.generate(launch, east(launch, 500), 3000, 60);
        assertThatThrownBy(() -> t.stateAt(59.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> t.stateAt(t.impactTimeS() + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void greatCircleDistanceOfOneDegreeOfLatitude() {
        assertThat(Earth.greatCircleDistanceM(GeoPoint.of(10, 20), GeoPoint.of(11, 20)))
                .isCloseTo(Math.PI / 180 * Earth.RADIUS_M, within(1e-6));
    }
}

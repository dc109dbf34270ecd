package org.mdcoop.transparency.domain.reachability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mdcoop.common.domain.ValidationFailed;
import org.mdcoop.transparency.domain.reachability.BallisticArc.Branch;

class BallisticArcTest {

    private static final double MU = Earth.MU_M3_S2;

    /** Longitude (deg) of a point {@code km} east of 0°N 0°E along the equator. */
    static double eastKm(double km) {
        return Math.toDegrees(km * 1000 / Earth.RADIUS_M);
    }

    private static BallisticArc equatorial(double rangeKm, Double speedKmS, Branch branch) {
        return BallisticArc.solve(0, 0, 0, eastKm(rangeKm), speedKmS, 0, branch);
    }

    @Test
    void icbmOverTenThousandKilometresNeedsAbout7Point2KmPerSecondAndFliesAbout32Minutes() {
        BallisticArc arc = equatorial(10_000, null, Branch.DEPRESSED);
        // hand: ψ = 1.5696 rad, Q_min = 2 sin(ψ/2)/(1+sin(ψ/2)) = 0.8282, V = sqrt(Q μ/R) = 7.198 km/s
        assertThat(arc.burnoutSpeedKmS()).isCloseTo(7.198, within(0.005));
        // minimum-energy flight-path angle (π − ψ)/4 = 22.52°
        assertThat(arc.flightPathAngleDeg()).isCloseTo(22.52, within(0.01));
        assertThat(arc.flightTimeS() / 60).isBetween(30.0, 35.0);
        assertThat(arc.flightTimeS()).isCloseTo(1931, within(2.0));
        // a = R/(2−Q) = 5,437 km, e = 0.4142 → apogee a(1+e) − R ≈ 1,319 km
        assertThat(arc.apogeeAltitudeKm()).isCloseTo(1319, within(3.0));
        assertThat(arc.groundRangeKm()).isCloseTo(10_000, within(0.001));
    }

    @Test
    void shortRangeMissileSanity() {
        BallisticArc arc = equatorial(1_000, null, Branch.DEPRESSED);
        // flat-Earth estimate sqrt(g·range) = 3.13 km/s; the sphere needs slightly less
        assertThat(arc.burnoutSpeedKmS()).isBetween(2.95, 3.10);
        assertThat(arc.flightTimeS() / 60).isBetween(7.0, 9.0);
        assertThat(arc.apogeeAltitudeKm()).isBetween(220.0, 260.0);
    }

    @Test
    void arcStartsAboveTheLaunchPointAndEndsAboveTheTarget() {
        BallisticArc arc = BallisticArc.solve(62, 40, 42, -72, null, 0, Branch.DEPRESSED);
        GeoPosition start = Earth.toGeo(arc.positionAt(0));
        GeoPosition end = Earth.toGeo(arc.positionAt(arc.flightTimeS()));
        assertThat(start.latDeg()).isCloseTo(62, within(1e-6));
        assertThat(start.lonDeg()).isCloseTo(40, within(1e-6));
        assertThat(start.altitudeKm()).isCloseTo(0, within(1e-3));
        assertThat(end.latDeg()).isCloseTo(42, within(1e-6));
        assertThat(end.lonDeg()).isCloseTo(-72, within(1e-6));
        assertThat(end.altitudeKm()).isCloseTo(0, within(1e-3));
        GeoPosition mid = Earth.toGeo(arc.positionAt(arc.flightTimeS() / 2));
        assertThat(mid.altitudeKm()).isCloseTo(arc.apogeeAltitudeKm(), within(0.01));
    }

    @Test
    void burnoutAltitudeRaisesTheStartOfTheArc() {
        BallisticArc arc = BallisticArc.solve(0, 0, 0, eastKm(5000), null, 200, Branch.DEPRESSED);
        assertThat(Earth.toGeo(arc.positionAt(0)).altitudeKm()).isCloseTo(200, within(1e-6));
        assertThat(Earth.toGeo(arc.positionAt(arc.flightTimeS())).altitudeKm()).isCloseTo(200, within(1e-6));
    }

    @Test
    void energyAndAngularMomentumAreConservedAlongTheSampledArc() {
        BallisticArc arc = BallisticArc.solve(55, 60, 42, -72, 7.0, 0, Branch.DEPRESSED);
        double e0 = arc.specificEnergy();
        Vec3 h0 = arc.positionAt(0).cross(arc.velocityAt(0));
        double dt = 0.01;
        for (double t = 1; t < arc.flightTimeS() - 1; t += 37) {
            Vec3 r = arc.positionAt(t);
            // velocity from the positions alone (central difference), so the time parameterisation is tested too
            Vec3 v = arc.positionAt(t + dt).minus(arc.positionAt(t - dt)).times(1 / (2 * dt));
            double energy = v.dot(v) / 2 - MU / r.norm();
            assertThat(energy).as("specific energy at t=%s", t).isCloseTo(e0, within(Math.abs(e0) * 1e-6));
            assertThat(r.cross(v).minus(h0).norm()).isLessThan(h0.norm() * 1e-6);
            // the analytic velocity agrees with the numerical derivative
            assertThat(arc.velocityAt(t).minus(v).norm()).isLessThan(0.01);
        }
    }

    @Test
    void integratingNewtonsLawFromTheBurnoutStateLandsOnTheTarget() {
        BallisticArc arc = BallisticArc.solve(34, 52, 48, 16, 5.3, 0, Branch.DEPRESSED);
        Vec3 r = arc.positionAt(0);
        Vec3 v = arc.velocityAt(0);
        double total = arc.flightTimeS();
        int n = (int) Math.ceil(total / 0.5);
        double h = total / n;
        for (int i = 0; i < n; i++) {
            // classic RK4 on r'' = −μ r/|r|³
            Vec3 k1r = v;
            Vec3 k1v = gravity(r);
            Vec3 k2r = v.plus(k1v.times(h / 2));
            Vec3 k2v = gravity(r.plus(k1r.times(h / 2)));
            Vec3 k3r = v.plus(k2v.times(h / 2));
            Vec3 k3v = gravity(r.plus(k2r.times(h / 2)));
            Vec3 k4r = v.plus(k3v.times(h));
            Vec3 k4v = gravity(r.plus(k3r.times(h)));
            r = r.plus(k1r.plus(k2r.times(2)).plus(k3r.times(2)).plus(k4r).times(h / 6));
            v = v.plus(k1v.plus(k2v.times(2)).plus(k3v.times(2)).plus(k4v).times(h / 6));
        }
        assertThat(r.distanceTo(Earth.position(48, 16, 0))).as("miss distance, m").isLessThan(100.0);
    }

    private static Vec3 gravity(Vec3 r) {
        double n = r.norm();
        return r.times(-MU / (n * n * n));
    }

    @Test
    void fasterThanMinimumEnergyGivesADepressedAndALoftedArcBothHittingTheTarget() {
        BallisticArc minimum = equatorial(8_000, null, Branch.DEPRESSED);
        BallisticArc depressed = equatorial(8_000, 7.2, Branch.DEPRESSED);
        BallisticArc lofted = equatorial(8_000, 7.2, Branch.LOFTED);
        assertThat(depressed.flightTimeS()).isLessThan(minimum.flightTimeS());
        assertThat(lofted.flightTimeS()).isGreaterThan(minimum.flightTimeS());
        assertThat(depressed.apogeeAltitudeKm()).isLessThan(minimum.apogeeAltitudeKm());
        assertThat(lofted.apogeeAltitudeKm()).isGreaterThan(minimum.apogeeAltitudeKm());
        assertThat(depressed.flightPathAngleDeg() + lofted.flightPathAngleDeg())
                .as("the two roots are symmetric about the minimum-energy angle")
                .isCloseTo(2 * minimum.flightPathAngleDeg(), within(1e-9));
        for (BallisticArc arc : new BallisticArc[] {depressed, lofted}) {
            GeoPosition end = Earth.toGeo(arc.positionAt(arc.flightTimeS()));
            assertThat(end.lonDeg()).isCloseTo(eastKm(8_000), within(1e-6));
            assertThat(end.altitudeKm()).isCloseTo(0, within(1e-3));
        }
    }

    @Test
    void speedBelowMinimumEnergyCannotReachTheTarget() {
        assertThatThrownBy(() -> equatorial(10_000, 7.0, Branch.DEPRESSED))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> {
                    assertThat(e.errors().get(0).field()).isEqualTo("burnoutSpeedKmS");
                    assertThat(e.errors().get(0).message()).contains("7.198");
                });
        assertThat(BallisticArc.minimumEnergySpeedKmS(10_000_000 / Earth.RADIUS_M, 0)).isCloseTo(7.198,
                within(0.001));
    }

    @Test
    void escapeSpeedAndDegenerateGeometriesAreRefused() {
        assertThatThrownBy(() -> equatorial(10_000, 11.2, Branch.DEPRESSED)).isInstanceOf(ValidationFailed.class)
                .hasMessageContaining("escape");
        assertThatThrownBy(() -> equatorial(50, null, Branch.DEPRESSED)).isInstanceOf(ValidationFailed.class)
                .hasMessageContaining("100 km");
        assertThatThrownBy(() -> BallisticArc.solve(0, 0, 0, 179, null, 0, Branch.DEPRESSED))
                .isInstanceOf(ValidationFailed.class).hasMessageContaining("170");
        // so fast that the lower root would start below the horizon
        assertThatThrownBy(() -> equatorial(1_000, 9.0, Branch.DEPRESSED)).isInstanceOf(ValidationFailed.class)
                .hasMessageContaining("lofted");
    }
}

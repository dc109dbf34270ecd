package org.mdcoop.fusion.engine.products;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mdcoop.fusion.engine.TrajectoriesAccess;
import org.mdcoop.fusion.engine.model.Earth;

class TrackProductsTest {
    private final TrackProductCalculator calc = new TrackProductCalculator();

    private static double[] cov(double posSigmaM, double velSigmaMps) {
        double[] p = new double[36];
        for (int i = 0; i < 6; i++) {
            double s = i < 3 ? posSigmaM : velSigmaMps;
            p[i * 6 + i] = s * s;
        }
        return p;
    }

    @Test
    void impactAndLaunchPointsFollowTheKeplerArc() {
        double[] burnout = TrajectoriesAccess.burnout(33, 52, 3500, 35, 300);
        double[] mid = TrajectoriesAccess.at(burnout, 200);
        TrackProducts p = calc.compute(7, 200, mid, cov(30, 3), 10, List.of("NATO"), List.of("NATO-1"), false);

        // truth impact: fine-step propagation of the same arc
        double t = 200;
        double[] s = mid;
        while (Earth.altitudeM(s[0], s[1], s[2]) > 0) {
            t += 0.05;
            s = TrajectoriesAccess.at(s, 0.05);
        }
        double missM = Earth.groundRangeM(s[0], s[1], s[2],
                Math.cos(Math.toRadians(p.impact().latDeg())) * Math.cos(Math.toRadians(p.impact().lonDeg())),
                Math.cos(Math.toRadians(p.impact().latDeg())) * Math.sin(Math.toRadians(p.impact().lonDeg())),
                Math.sin(Math.toRadians(p.impact().latDeg())));
        assertThat(missM).isLessThan(2_000.0);
        assertThat(p.impact().tSeconds()).isBetween(t - 2, t + 2);
        assertThat(p.impact().semiMajorM()).isGreaterThanOrEqualTo(p.impact().semiMinorM()).isGreaterThan(100.0);
        assertThat(p.impact().orientationDeg()).isBetween(0.0, 180.0);
        // the ballistic back-propagation reaches the surface before burnout, near (33 N, 52 E)
        assertThat(p.launchPoint().tSeconds()).isLessThan(0.0);
        assertThat(p.launchPoint().latDeg()).isBetween(31.0, 34.0);
        assertThat(p.launchPoint().lonDeg()).isBetween(51.0, 54.0);
        // its uncertainty grows with the track's: a ten times less certain state, a much wider launch estimate
        TrackProducts vague = calc.compute(7, 200, mid, cov(300, 30), 10, List.of("NATO"), List.of("NATO-1"), false);
        assertThat(p.launchPoint().sigmaM()).isPositive();
        assertThat(vague.launchPoint().sigmaM()).isGreaterThan(5 * p.launchPoint().sigmaM());
        assertThat(p.altitudeM()).isPositive();
        assertThat(p.speedMps()).isBetween(2_000.0, 4_000.0);
        assertThat(p.parties()).containsExactly("NATO");
        assertThat(p.positionSigmaM()).isCloseTo(Math.sqrt(3) * 30, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(p.updates()).isEqualTo(10);
    }

    @Test
    void classFollowsTheGroundRangeWithConfidence() {
        double[] shortShot = TrajectoriesAccess.burnout(33, 52, 2200, 40, 300);
        TrackProducts sr = calc.compute(1, 0, TrajectoriesAccess.at(shortShot, 30), cov(30, 3), 10, List.of(), List.of(), true);
        assertThat(sr.groundRangeM()).isLessThan(1_000_000.0);
        assertThat(sr.missileClass()).isEqualTo(MissileClass.SRBM);
        assertThat(sr.classConfidence()).isGreaterThan(0.9);
        assertThat(sr.exercise()).isTrue();

        double[] longShot = TrajectoriesAccess.burnout(33, 52, 4800, 35, 300);
        TrackProducts ir = calc.compute(2, 0, TrajectoriesAccess.at(longShot, 30), cov(30, 3), 10, List.of(), List.of(), false);
        assertThat(ir.missileClass()).isIn(MissileClass.IRBM, MissileClass.MRBM);
        assertThat(MissileClass.ofRange(ir.groundRangeM())).isEqualTo(ir.missileClass());
        assertThat(MissileClass.ofRange(6_000_000)).isEqualTo(MissileClass.ICBM);
        assertThat(MissileClass.ofRange(2_000_000)).isEqualTo(MissileClass.MRBM);
    }
}

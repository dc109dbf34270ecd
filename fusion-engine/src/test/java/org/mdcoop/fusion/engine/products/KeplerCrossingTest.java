package org.mdcoop.fusion.engine.products;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.mdcoop.fusion.engine.TrajectoriesAccess;
import org.mdcoop.fusion.engine.model.Earth;

class KeplerCrossingTest {
    private static final double MAX_SECONDS = 5_000.0;
    private final TrackProductCalculator calculator = new TrackProductCalculator();

    @Test
    void theClosedFormMeetsTheSurfaceWhereIntegrationDoes() {
        Random rnd = new Random(3);
        double worstPositionM = 0;
        double worstSeconds = 0;
        for (int k = 0; k < 200; k++) {
            // short and long range, depressed and lofted, anywhere in their flight
            double[] burnout = TrajectoriesAccess.burnout(-60 + 120 * rnd.nextDouble(), -180 + 360 * rnd.nextDouble(),
                    1_500 + 5_000 * rnd.nextDouble(), 10 + 70 * rnd.nextDouble(), 360 * rnd.nextDouble());
            double[] state = TrajectoriesAccess.at(burnout, 20 + 100 * rnd.nextDouble());
            if (Earth.altitudeM(state[0], state[1], state[2]) <= 0) {
                continue;
            }
            for (int direction : new int[] {1, -1}) {
                double[] exact = new double[4];
                double[] integrated = new double[4];
                assertThat(KeplerCrossing.solve(state.clone(), direction, Earth.RADIUS_M, MAX_SECONDS, exact, 0))
                        .as("a ballistic arc crosses the surface").isTrue();
                calculator.surfaceCrossingByIntegration(state.clone(), direction, integrated, 0);

                assertThat(Math.signum(exact[3])).isEqualTo((double) direction);
                assertThat(Math.sqrt(exact[0] * exact[0] + exact[1] * exact[1] + exact[2] * exact[2]))
                        .isCloseTo(Earth.RADIUS_M, org.assertj.core.data.Offset.offset(1e-3));
                worstPositionM = Math.max(worstPositionM, distance(exact, integrated));
                worstSeconds = Math.max(worstSeconds, Math.abs(exact[3] - integrated[3]));
            }
        }
        // RK4 with 2 s steps and a secant search: the same arc to millimetres (a wrong branch would be 100s of km off)
        assertThat(worstPositionM).isLessThan(0.5);
        assertThat(worstSeconds).isLessThan(0.001);
    }

    @Test
    void anArcNotDownInTimeEndsWhereItIsAfterTheLimit() {
        double r = Earth.RADIUS_M + 300_000;
        double circular = Math.sqrt(Earth.MU_M3PS2 / r);
        for (double[] state : new double[][] {
                {r, 0, 0, 0, 1.02 * circular, 0},                   // an orbit: its perigee is above the surface
                {r, 0, 0, 200, 0.97 * circular, 300}}) {            // comes down, but only after the limit below
            for (int direction : new int[] {1, -1}) {
                double limit = 600;
                double[] out = new double[4];
                assertThat(KeplerCrossing.solve(state.clone(), direction, Earth.RADIUS_M, limit, out, 0)).isTrue();
                assertThat(out[3]).isEqualTo(direction * limit);
                double[] truth = TrajectoriesAccess.at(state, direction * limit);
                assertThat(distance(out, truth)).as("position after the limit").isLessThan(1.0);
            }
        }
        // the limit the calculator uses: the same answer integration gives
        double[] orbit = {r, 0, 0, 0, 1.02 * circular, 0};
        double[] exact = new double[4];
        double[] integrated = new double[4];
        assertThat(KeplerCrossing.solve(orbit.clone(), 1, Earth.RADIUS_M, MAX_SECONDS, exact, 0)).isTrue();
        calculator.surfaceCrossingByIntegration(orbit.clone(), 1, integrated, 0);
        assertThat(exact[3]).isEqualTo(integrated[3]);
        assertThat(distance(exact, integrated)).isLessThan(1.0);
    }

    @Test
    void escapingArcsAreSolvedLikeEllipses() {
        // the sigma points of a just-confirmed track (velocity known to kilometres per second) fly hyperbolas
        Random rnd = new Random(5);
        int crossings = 0;
        int receding = 0;
        double worstPositionM = 0;
        double worstSeconds = 0;
        for (int k = 0; k < 200; k++) {
            double r = Earth.RADIUS_M + 100_000 + 900_000 * rnd.nextDouble();
            double speed = (1.02 + 0.6 * rnd.nextDouble()) * Math.sqrt(2 * Earth.MU_M3PS2 / r);
            double[] u = unit(rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian());
            double[] d = unit(rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian());
            double[] state = {r * u[0], r * u[1], r * u[2], speed * d[0], speed * d[1], speed * d[2]};
            for (int direction : new int[] {1, -1}) {
                double[] exact = new double[4];
                double[] integrated = new double[4];
                assertThat(KeplerCrossing.solve(state.clone(), direction, Earth.RADIUS_M, MAX_SECONDS, exact, 0))
                        .as("an escaping arc has a closed form").isTrue();
                calculator.surfaceCrossingByIntegration(state.clone(), direction, integrated, 0);
                boolean down = Math.abs(integrated[3]) < MAX_SECONDS;
                if (down) {
                    crossings++;
                    assertThat(Math.sqrt(exact[0] * exact[0] + exact[1] * exact[1] + exact[2] * exact[2]))
                            .isCloseTo(Earth.RADIUS_M, org.assertj.core.data.Offset.offset(1e-3));
                    worstSeconds = Math.max(worstSeconds, Math.abs(exact[3] - integrated[3]));
                    worstPositionM = Math.max(worstPositionM, distance(exact, integrated));
                } else {
                    receding++;
                    assertThat(exact[3]).isEqualTo(direction * MAX_SECONDS);
                    double[] truth = TrajectoriesAccess.at(state, direction * MAX_SECONDS);
                    assertThat(distance(exact, truth) / norm(truth)).as("position after the limit, relative")
                            .isLessThan(1e-6);
                }
            }
        }
        assertThat(crossings).as("some arcs come down").isGreaterThan(20);
        assertThat(receding).as("some recede for ever").isGreaterThan(20);
        assertThat(worstPositionM).isLessThan(0.5);
        assertThat(worstSeconds).isLessThan(0.001);
    }

    @Test
    void degenerateArcsAreLeftToIntegration() {
        double r = Earth.RADIUS_M + 300_000;
        double circular = Math.sqrt(Earth.MU_M3PS2 / r);
        double[] out = new double[4];
        assertThat(KeplerCrossing.solve(new double[] {r, 0, 0, 0, Math.sqrt(2) * circular, 0}, 1, Earth.RADIUS_M,
                MAX_SECONDS, out, 0)).as("a parabola").isFalse();
        assertThat(KeplerCrossing.solve(new double[] {r, 0, 0, 20_000, 0, 0}, 1, Earth.RADIUS_M, MAX_SECONDS, out, 0))
                .as("straight up and away: no angular momentum").isFalse();
        assertThat(KeplerCrossing.solve(new double[] {Earth.RADIUS_M - 10, 0, 0, 100, 3_000, 0}, 1, Earth.RADIUS_M,
                MAX_SECONDS, out, 0)).as("under the surface").isFalse();
        assertThat(KeplerCrossing.solve(new double[] {r, 0, 0, 0, circular, 0}, 1, Earth.RADIUS_M, MAX_SECONDS, out, 0))
                .as("a circle has no periapsis to measure the anomaly from").isFalse();
        assertThat(out).containsOnly(0.0);
    }

    private static double[] unit(double x, double y, double z) {
        double n = Math.sqrt(x * x + y * y + z * z);
        return new double[] {x / n, y / n, z / n};
    }

    private static double norm(double[] a) {
        return Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
    }

    private static double distance(double[] a, double[] b) {
        double dx = a[0] - b[0], dy = a[1] - b[1], dz = a[2] - b[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    @Test
    void anOrbitStillGetsTheIntegratedAnswer() {
        double r = Earth.RADIUS_M + 300_000;
        double[] orbit = {r, 0, 0, 0, Math.sqrt(Earth.MU_M3PS2 / r), 0};
        double[] viaCalculator = new double[4];
        double[] integrated = new double[4];
        calculator.surfaceCrossing(orbit.clone(), 1, viaCalculator, 0);
        calculator.surfaceCrossingByIntegration(orbit.clone(), 1, integrated, 0);
        assertThat(viaCalculator).containsExactly(integrated);
        assertThat(viaCalculator[3]).isGreaterThanOrEqualTo(MAX_SECONDS);
    }
}

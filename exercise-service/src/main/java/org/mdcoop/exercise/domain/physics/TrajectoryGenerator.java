package org.mdcoop.exercise.domain.physics;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a launch point, an aim point and a burnout speed into a ballistic trajectory that hits the aim point.
 *
 * <p>Physics (same as the fusion data): spherical Earth R = 6,371 km, central gravity μ = 3.986004418e14, no
 * rotation/drag/J2, non-rotating Earth-centred frame with ECEF axes; metres, seconds. The boost is not simulated (see
 * {@link BoostModel}): the object appears at burnout. The flight-path angle at burnout is solved from the Kepler range
 * equation so the free-flight arc reaches the ground (radius R) exactly at the aim point; the {@link ArcBranch}
 * (default {@link ArcBranch#LOFTED}, which always exists when the speed is sufficient) picks which of the two
 * solutions.
 * The arc is then integrated with RK4 (default step 0.5 s) until it descends through 20 km altitude (end of the
 * observable flight), and on to the ground for the impact point.
 */
public final class TrajectoryGenerator {

    /** Objects disappear when they descend through this altitude, as in the fusion data. */
    public static final double END_ALTITUDE_M = 20_000.0;

    public static final TrajectoryGenerator DEFAULT =
            new TrajectoryGenerator(BoostModel.DEFAULT, ArcBranch.LOFTED, 0.5);

    private static final int MAX_STEPS = 2_000_000;

    private final BoostModel boost;
    private final ArcBranch branch;
    private final double stepS;

    public TrajectoryGenerator(BoostModel boost, ArcBranch branch, double stepS) {
        if (!(stepS > 0 && stepS <= 5)) {
            throw new IllegalArgumentException("integration step must be in (0, 5] s");
        }
        this.boost = boost;
        this.branch = branch;
        this.stepS = stepS;
    }

    public BoostModel boostModel() {
        return boost;
    }

    public ArcBranch branch() {
        return branch;
    }

    /** Burnout geometry: [burnout unit position, in-plane unit tangent toward the aim, remaining range angle]. */
    private double[][] burnoutGeometry(GeoPoint launch, GeoPoint aim) {
        double[] uL = Earth.unit(launch);
        double[] uA = Earth.unit(aim);
        double[] n = Vec.cross(uL, uA);
        double nn = Vec.norm(n);
        if (nn < 1e-12) {
            throw new IllegalArgumentException("launch and aim points coincide or are antipodal");
        }
        n = Vec.scale(n, 1.0 / nn);
        double total = Math.atan2(nn, Vec.dot(uL, uA));
        double boostAngle = boost.boostRangeM(total * Earth.RADIUS_M) / Earth.RADIUS_M;
        double[] tL = Vec.cross(n, uL);
        double[] uB = Vec.normalize(Vec.rotateToward(uL, tL, boostAngle));
        double[] tB = Vec.normalize(Vec.cross(n, uB));
        return new double[][] {uB, tB, {total - boostAngle}};
    }

    /**
     * Minimum burnout speed (m/s) that reaches the aim point from this launch point with this boost model; a lower
     * speed cannot hit it on any arc.
     */
    public double minimumBurnoutSpeedMps(GeoPoint launch, GeoPoint aim) {
        double psi = burnoutGeometry(launch, aim)[2][0];
        return Kepler.minimumSpeedMps(Earth.RADIUS_M + boost.burnoutAltitudeM(), psi, Earth.RADIUS_M);
    }

    /** Whether {@code burnoutSpeedMps} reaches the aim point on some arc (cheaper than the minimum speed). */
    public boolean canReach(GeoPoint launch, GeoPoint aim, double burnoutSpeedMps) {
        double psi = burnoutGeometry(launch, aim)[2][0];
        return Kepler.maxRange(Earth.RADIUS_M + boost.burnoutAltitudeM(), burnoutSpeedMps, Earth.RADIUS_M)[1] >= psi;
    }

    /**
     * The trajectory from {@code launch} to {@code aim} at the given burnout speed.
     *
     * @param boostDurationS seconds from launch to burnout (the object's first observable time)
     * @throws IllegalArgumentException if the speed cannot reach the aim point on the configured branch
     */
    public Trajectory generate(GeoPoint launch, GeoPoint aim, double burnoutSpeedMps, double boostDurationS) {
        double[][] geo = burnoutGeometry(launch, aim);
        double[] uB = geo[0];
        double[] tB = geo[1];
        double psi = geo[2][0];
        double r0 = Earth.RADIUS_M + boost.burnoutAltitudeM();
        double gamma = Kepler.solveFlightPathAngle(r0, burnoutSpeedMps, psi, Earth.RADIUS_M, branch);
        if (Double.isNaN(gamma)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "burnout speed %.1f m/s has no %s arc to the aim point (minimum %.1f m/s)", burnoutSpeedMps,
                    branch, minimumBurnoutSpeedMps(launch, aim)));
        }
        double[] pos = Vec.scale(uB, r0);
        double[] vel = Vec.add(Vec.scale(uB, burnoutSpeedMps * Math.sin(gamma)),
                Vec.scale(tB, burnoutSpeedMps * Math.cos(gamma)));
        double[] s0 = {pos[0], pos[1], pos[2], vel[0], vel[1], vel[2]};

        double rEnd = Earth.RADIUS_M + END_ALTITUDE_M;
        List<double[]> grid = new ArrayList<>();
        grid.add(s0);
        double[] s = s0;
        double endRel = Double.NaN;
        double impactRel = Double.NaN;
        for (int i = 0; i < MAX_STEPS; i++) {
            double[] next = Rk4.step(s, stepS);
            boolean descending = next[0] * next[3] + next[1] * next[4] + next[2] * next[5] < 0;
            if (Double.isNaN(endRel) && descending && Rk4.radius(next) <= rEnd) {
                endRel = (grid.size() - 1) * stepS + crossing(s, rEnd);
            }
            if (descending && Rk4.radius(next) <= Earth.RADIUS_M) {
                impactRel = (grid.size() - 1) * stepS + crossing(s, Earth.RADIUS_M);
                break;
            }
            grid.add(next);
            s = next;
        }
        if (Double.isNaN(impactRel)) {
            throw new IllegalArgumentException("trajectory did not come down");
        }
        double[] impact = Rk4.step(grid.get(grid.size() - 1), impactRel - (grid.size() - 1) * stepS);
        StateVector b = StateVector.of(s0);
        double energy = b.specificEnergyJPerKg();
        double a = -Earth.MU_M3_S2 / (2 * energy);
        double[] h = Vec.cross(pos, vel);
        double hh = Vec.dot(h, h);
        double e = Math.sqrt(Math.max(0.0, 1 + 2 * energy * hh / (Earth.MU_M3_S2 * Earth.MU_M3_S2)));
        double apogee = a * (1 + e) - Earth.RADIUS_M;
        return new Trajectory(launch, aim, boostDurationS, burnoutSpeedMps, gamma, stepS,
                grid.toArray(new double[0][]), boostDurationS + endRel, boostDurationS + impactRel,
                Earth.toGeo(impact[0], impact[1], impact[2]), apogee);
    }

    /** Partial step length in [0, step] at which the state crosses radius r going down (bisection). */
    private double crossing(double[] s, double r) {
        double lo = 0.0;
        double hi = stepS;
        for (int i = 0; i < 60; i++) {
            double mid = 0.5 * (lo + hi);
            if (Rk4.radius(Rk4.step(s, mid)) > r) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}

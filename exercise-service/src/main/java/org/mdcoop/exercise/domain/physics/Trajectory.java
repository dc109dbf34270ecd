package org.mdcoop.exercise.domain.physics;

/**
 * One ballistic flight, times in seconds since launch. The object exists (is observable) from burnout until it
 * descends through {@link TrajectoryGenerator#END_ALTITUDE_M} ({@link #endTimeS()}); the arc is also propagated on to
 * the ground ({@link #impactTimeS()}, {@link #impactPoint()}) so the impact point is known exactly.
 *
 * <p>States come from an RK4 grid (fixed step) with a partial RK4 step to the requested time, so any time is exact to
 * integration accuracy (well under a metre for the default 0.5 s step). Immutable and thread-safe.
 */
public final class Trajectory {

    private final GeoPoint launchPoint;
    private final GeoPoint aimPoint;
    private final double burnoutTimeS;
    private final double burnoutSpeedMps;
    private final double flightPathAngleRad;
    private final double stepS;
    private final double[][] grid;
    private final double endTimeS;
    private final double impactTimeS;
    private final GeoPoint impactPoint;
    private final double apogeeAltitudeM;

    Trajectory(GeoPoint launchPoint, GeoPoint aimPoint, double burnoutTimeS, double burnoutSpeedMps,
            double flightPathAngleRad, double stepS, double[][] grid, double endTimeS, double impactTimeS,
            GeoPoint impactPoint, double apogeeAltitudeM) {
        this.launchPoint = launchPoint;
        this.aimPoint = aimPoint;
        this.burnoutTimeS = burnoutTimeS;
        this.burnoutSpeedMps = burnoutSpeedMps;
        this.flightPathAngleRad = flightPathAngleRad;
        this.stepS = stepS;
        this.grid = grid;
        this.endTimeS = endTimeS;
        this.impactTimeS = impactTimeS;
        this.impactPoint = impactPoint;
        this.apogeeAltitudeM = apogeeAltitudeM;
    }

    public GeoPoint launchPoint() {
        return launchPoint;
    }

    public GeoPoint aimPoint() {
        return aimPoint;
    }

    /** Seconds after launch at which the object appears (end of the unsimulated boost). */
    public double burnoutTimeS() {
        return burnoutTimeS;
    }

    public double burnoutSpeedMps() {
        return burnoutSpeedMps;
    }

    public double flightPathAngleDeg() {
        return Math.toDegrees(flightPathAngleRad);
    }

    /** Seconds after launch at which the object descends through the end altitude (20 km) and disappears. */
    public double endTimeS() {
        return endTimeS;
    }

    /** Seconds after launch at which the (continued) arc reaches the ground. */
    public double impactTimeS() {
        return impactTimeS;
    }

    /** Where the arc reaches the ground; within metres of {@link #aimPoint()}. */
    public GeoPoint impactPoint() {
        return impactPoint;
    }

    public double apogeeAltitudeM() {
        return apogeeAltitudeM;
    }

    /** Ground range launch point → aim point (m). */
    public double groundRangeM() {
        return Earth.greatCircleDistanceM(launchPoint, aimPoint);
    }

    public StateVector burnoutState() {
        return StateVector.of(grid[0]);
    }

    /** True while the object exists for sensors: burnout ≤ t ≤ end time. */
    public boolean inFlight(double tSinceLaunchS) {
        return tSinceLaunchS >= burnoutTimeS && tSinceLaunchS <= endTimeS;
    }

    /** State at {@code tSinceLaunchS}, for burnout ≤ t ≤ impact time. */
    public StateVector stateAt(double tSinceLaunchS) {
        double rel = tSinceLaunchS - burnoutTimeS;
        if (rel < -1e-9 || tSinceLaunchS > impactTimeS + 1e-9) {
            throw new IllegalArgumentException("t=" + tSinceLaunchS + " s is outside the flight [" + burnoutTimeS + ", "
                    + impactTimeS + "]");
        }
        rel = Math.max(0.0, rel);
        int k = Math.min((int) Math.floor(rel / stepS), grid.length - 1);
        return StateVector.of(Rk4.step(grid[k], rel - k * stepS));
    }
}

package org.mdcoop.exercise.domain.physics;

/**
 * Position (m) and velocity (m/s) in the non-rotating Earth-centred frame with ECEF axes (x toward lat 0/lon 0,
 * z toward the north pole), as in the fusion data.
 */
public record StateVector(double x, double y, double z, double vx, double vy, double vz) {

    static StateVector of(double[] s) {
        return new StateVector(s[0], s[1], s[2], s[3], s[4], s[5]);
    }

    double[] toArray() {
        return new double[] {x, y, z, vx, vy, vz};
    }

    public double radiusM() {
        return Math.sqrt(x * x + y * y + z * z);
    }

    public double altitudeM() {
        return radiusM() - Earth.RADIUS_M;
    }

    public double speedMps() {
        return Math.sqrt(vx * vx + vy * vy + vz * vz);
    }

    /** Radial velocity component (m/s): positive while climbing. */
    public double radialSpeedMps() {
        return (x * vx + y * vy + z * vz) / radiusM();
    }

    /** Specific orbital energy v²/2 − μ/r (J/kg); constant along a ballistic arc under central gravity. */
    public double specificEnergyJPerKg() {
        double v = speedMps();
        return 0.5 * v * v - Earth.MU_M3_S2 / radiusM();
    }

    public GeoPoint subPoint() {
        return Earth.toGeo(x, y, z);
    }

    public double distanceM(double px, double py, double pz) {
        double dx = x - px;
        double dy = y - py;
        double dz = z - pz;
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}

package org.mdcoop.fusion.engine.model;

/** Spherical Earth and central gravity, as in the scenario data (non-rotating frame with ECEF axes). */
public final class Earth {
    /** Gravitational parameter, m^3/s^2. */
    public static final double MU_M3PS2 = 3.986004418e14;
    /** Sphere radius, m. */
    public static final double RADIUS_M = 6_371_000.0;

    private Earth() {
    }

    public static double altitudeM(double xM, double yM, double zM) {
        return Math.sqrt(xM * xM + yM * yM + zM * zM) - RADIUS_M;
    }

    /** Geocentric latitude on the sphere, degrees. */
    public static double latitudeDeg(double xM, double yM, double zM) {
        return Math.toDegrees(Math.atan2(zM, Math.hypot(xM, yM)));
    }

    public static double longitudeDeg(double xM, double yM, double zM) {
        return Math.toDegrees(Math.atan2(yM, xM));
    }

    /** Great-circle distance on the sphere surface between the directions of two position vectors, m. */
    public static double groundRangeM(double x1, double y1, double z1, double x2, double y2, double z2) {
        double cx = y1 * z2 - z1 * y2;
        double cy = z1 * x2 - x1 * z2;
        double cz = x1 * y2 - y1 * x2;
        double cross = Math.sqrt(cx * cx + cy * cy + cz * cz);
        double dot = x1 * x2 + y1 * y2 + z1 * z2;
        return RADIUS_M * Math.atan2(cross, dot);
    }
}

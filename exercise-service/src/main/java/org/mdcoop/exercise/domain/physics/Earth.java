package org.mdcoop.exercise.domain.physics;

/**
 * The Earth model shared with the fusion data: a sphere of radius 6,371 km, central gravity only
 * (μ = 3.986004418e14 m³/s²), no rotation, geocentric latitudes. Frame: Earth-centred with ECEF axes.
 */
public final class Earth {

    public static final double RADIUS_M = 6_371_000.0;
    public static final double MU_M3_S2 = 3.986004418e14;

    private Earth() {
    }

    /** Unit vector toward a geocentric latitude/longitude. */
    public static double[] unit(double latDeg, double lonDeg) {
        double la = Math.toRadians(latDeg);
        double lo = Math.toRadians(lonDeg);
        return new double[] {Math.cos(la) * Math.cos(lo), Math.cos(la) * Math.sin(lo), Math.sin(la)};
    }

    public static double[] unit(GeoPoint p) {
        return unit(p.latDeg(), p.lonDeg());
    }

    /** Cartesian position (m) of a point at the given altitude above the sphere. */
    public static double[] toCartesian(double latDeg, double lonDeg, double altitudeM) {
        double[] u = unit(latDeg, lonDeg);
        double r = RADIUS_M + altitudeM;
        return new double[] {r * u[0], r * u[1], r * u[2]};
    }

    /** Sub-point (geocentric lat/lon) of a Cartesian position. */
    public static GeoPoint toGeo(double x, double y, double z) {
        double r = Math.sqrt(x * x + y * y + z * z);
        return new GeoPoint(Math.toDegrees(Math.asin(z / r)), Math.toDegrees(Math.atan2(y, x)));
    }

    public static double altitudeM(double x, double y, double z) {
        return Math.sqrt(x * x + y * y + z * z) - RADIUS_M;
    }

    /** Central angle (rad) between two points, numerically stable for small and near-antipodal angles. */
    public static double centralAngleRad(GeoPoint a, GeoPoint b) {
        double[] p = unit(a);
        double[] q = unit(b);
        double[] c = Vec.cross(p, q);
        return Math.atan2(Vec.norm(c), Vec.dot(p, q));
    }

    /** Great-circle distance (m) on the sphere. */
    public static double greatCircleDistanceM(GeoPoint a, GeoPoint b) {
        return centralAngleRad(a, b) * RADIUS_M;
    }

    /** Central gravity acceleration at position (x,y,z), written into {@code out[0..2]}. */
    static void gravity(double x, double y, double z, double[] out) {
        double r2 = x * x + y * y + z * z;
        double k = -MU_M3_S2 / (r2 * Math.sqrt(r2));
        out[0] = k * x;
        out[1] = k * y;
        out[2] = k * z;
    }
}

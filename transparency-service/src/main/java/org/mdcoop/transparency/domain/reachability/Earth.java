package org.mdcoop.transparency.domain.reachability;

/**
 * The Earth model of the assessment: a non-rotating sphere with central (point-mass) gravity. Latitude/longitude
 * map directly to the inertial frame (x towards 0°N 0°E, z towards the north pole).
 */
public final class Earth {

    /** Gravitational parameter μ = GM, m³/s². */
    public static final double MU_M3_S2 = 3.986004418e14;
    /** Mean radius, m. */
    public static final double RADIUS_M = 6_371_000.0;

    private Earth() {
    }

    /** Unit vector of a surface point. */
    public static Vec3 unitVector(double latDeg, double lonDeg) {
        double lat = Math.toRadians(latDeg);
        double lon = Math.toRadians(lonDeg);
        return new Vec3(Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat));
    }

    /** Position (m) of a point at {@code altitudeM} above the sphere. */
    public static Vec3 position(double latDeg, double lonDeg, double altitudeM) {
        return unitVector(latDeg, lonDeg).times(RADIUS_M + altitudeM);
    }

    public static GeoPosition toGeo(Vec3 positionM) {
        double r = positionM.norm();
        double lat = Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, positionM.z() / r))));
        double lon = Math.toDegrees(Math.atan2(positionM.y(), positionM.x()));
        return new GeoPosition(lat, lon, (r - RADIUS_M) / 1000.0);
    }

    /** Central angle between two directions, radians (robust for small and large angles). */
    public static double centralAngle(Vec3 a, Vec3 b) {
        return Math.atan2(a.cross(b).norm(), a.dot(b));
    }

    /** Great-circle surface distance, km. */
    public static double surfaceDistanceKm(double lat1, double lon1, double lat2, double lon2) {
        return centralAngle(unitVector(lat1, lon1), unitVector(lat2, lon2)) * RADIUS_M / 1000.0;
    }
}

package org.mdcoop.fusion.engine.scenario;

import org.mdcoop.fusion.engine.model.Earth;

/**
 * Sphere geometry for the generator. StrictMath throughout: the same seed must give the same bytes on
 * every JVM, and Math's trigonometry may differ by an ulp between platforms.
 */
final class Geo {
    private Geo() {
    }

    static double[] unit(double latDeg, double lonDeg) {
        double lat = StrictMath.toRadians(latDeg), lon = StrictMath.toRadians(lonDeg);
        return new double[]{StrictMath.cos(lat) * StrictMath.cos(lon), StrictMath.cos(lat) * StrictMath.sin(lon),
                StrictMath.sin(lat)};
    }

    static double latDeg(double x, double y, double z) {
        return StrictMath.toDegrees(StrictMath.atan2(z, StrictMath.hypot(x, y)));
    }

    static double lonDeg(double x, double y, double z) {
        return StrictMath.toDegrees(StrictMath.atan2(y, x));
    }

    /** Local east and north unit vectors at unit vector u (east undefined at the poles; not used there). */
    static double[] east(double[] u) {
        double h = StrictMath.hypot(u[0], u[1]);
        return new double[]{-u[1] / h, u[0] / h, 0};
    }

    static double[] north(double[] u) {
        double[] e = east(u);
        // north = up x east
        return new double[]{u[1] * e[2] - u[2] * e[1], u[2] * e[0] - u[0] * e[2], u[0] * e[1] - u[1] * e[0]};
    }

    /** The unit vector reached from u by a great-circle arc of {@code angleRad} at azimuth {@code azRad} (from north). */
    static double[] destination(double[] u, double azRad, double angleRad) {
        double[] e = east(u), n = north(u);
        double c = StrictMath.cos(angleRad), s = StrictMath.sin(angleRad);
        double ca = StrictMath.cos(azRad), sa = StrictMath.sin(azRad);
        double[] d = new double[3];
        for (int i = 0; i < 3; i++) {
            d[i] = c * u[i] + s * (ca * n[i] + sa * e[i]);
        }
        return normalise(d);
    }

    /** Central angle between two unit vectors, rad. */
    static double angle(double[] a, double[] b) {
        double cx = a[1] * b[2] - a[2] * b[1], cy = a[2] * b[0] - a[0] * b[2], cz = a[0] * b[1] - a[1] * b[0];
        return StrictMath.atan2(StrictMath.sqrt(cx * cx + cy * cy + cz * cz), a[0] * b[0] + a[1] * b[1] + a[2] * b[2]);
    }

    /** Initial azimuth (rad from north, clockwise) of the great circle from a to b. */
    static double azimuth(double[] a, double[] b) {
        double[] e = east(a), n = north(a);
        double de = b[0] * e[0] + b[1] * e[1] + b[2] * e[2];
        double dn = b[0] * n[0] + b[1] * n[1] + b[2] * n[2];
        return StrictMath.atan2(de, dn);
    }

    static double[] normalise(double[] v) {
        double r = StrictMath.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        return new double[]{v[0] / r, v[1] / r, v[2] / r};
    }

    static double altitudeM(double[] s, int off) {
        return Earth.altitudeM(s[off], s[off + 1], s[off + 2]);
    }
}

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

    /**
     * Range, azimuth (from north, clockwise, [0, 2 pi)) and elevation of (x, y, z) seen from the site, in the site's
     * East-North-Up frame (up = site / |site|, east = (-y, x, 0) / |(-y, x, 0)|, north = up x east).
     */
    static void toPolar(double sx, double sy, double sz, double x, double y, double z, double[] out) {
        double[] u = normalise(new double[]{sx, sy, sz});
        double[] e = east(u), n = north(u);
        double dx = x - sx, dy = y - sy, dz = z - sz;
        double de = dx * e[0] + dy * e[1] + dz * e[2];
        double dn = dx * n[0] + dy * n[1] + dz * n[2];
        double du = dx * u[0] + dy * u[1] + dz * u[2];
        double r = StrictMath.sqrt(de * de + dn * dn + du * du);
        out[0] = r;
        out[1] = wrapAzimuth(StrictMath.atan2(de, dn));
        out[2] = StrictMath.asin(du / r);
    }

    /**
     * The position measured as (r, az, el) from the site into {@code xyz}, and into {@code cov6} (xx, xy, xz, yy, yz,
     * zz) its linearised covariance J diag(sr^2, saz^2, sel^2) J^T at that point.
     */
    static void toCartesian(double sx, double sy, double sz, double r, double az, double el, double sr,
                            double saz, double sel, double[] xyz, double[] cov6) {
        double[] u = normalise(new double[]{sx, sy, sz});
        double[] e = east(u), n = north(u);
        double ce = StrictMath.cos(el), se = StrictMath.sin(el), ca = StrictMath.cos(az), sa = StrictMath.sin(az);
        double[] los = new double[3], across = new double[3], up = new double[3];
        for (int i = 0; i < 3; i++) {
            los[i] = ce * sa * e[i] + ce * ca * n[i] + se * u[i];
            across[i] = ca * e[i] - sa * n[i];
            up[i] = -se * sa * e[i] - se * ca * n[i] + ce * u[i];
        }
        xyz[0] = sx + r * los[0];
        xyz[1] = sy + r * los[1];
        xyz[2] = sz + r * los[2];
        double vr = sr * sr, va = (r * ce * saz) * (r * ce * saz), ve = (r * sel) * (r * sel);
        int k = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = i; j < 3; j++) {
                cov6[k++] = vr * los[i] * los[j] + va * across[i] * across[j] + ve * up[i] * up[j];
            }
        }
    }

    static double wrapAzimuth(double az) {
        double twoPi = 2 * StrictMath.PI;
        double a = az % twoPi;
        return a < 0 ? a + twoPi : a;
    }
}

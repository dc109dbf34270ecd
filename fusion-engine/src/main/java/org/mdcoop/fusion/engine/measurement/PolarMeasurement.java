package org.mdcoop.fusion.engine.measurement;

/**
 * A radar's measurement geometry: range r, azimuth az (from north, clockwise, [0, 2 pi)) and elevation el (above
 * the local horizontal) of a position seen from the radar's site, in the site's East-North-Up frame
 * (up = site / |site|, east = (-y, x, 0) / |(-y, x, 0)|, north = up x east; ENU = r (cos el sin az, cos el cos az,
 * sin el)). The three partial derivatives of the position are orthogonal: along the line of sight {@code l}, across
 * it horizontally ({@code a}, length r cos el per rad of azimuth) and across it vertically ({@code e}, length r per
 * rad of elevation), so the Jacobian J = [l, r cos(el) a, r e] and its inverse come without a general inversion.
 * No allocation; the buffers passed in are written.
 */
public final class PolarMeasurement {
    private PolarMeasurement() {
    }

    /** East, north and up unit vectors of the site's frame into {@code enu[o..o+9)} (three rows). */
    public static void enuBasis(double sx, double sy, double sz, double[] enu, int o) {
        double rs = Math.sqrt(sx * sx + sy * sy + sz * sz);
        double ux = sx / rs, uy = sy / rs, uz = sz / rs;
        double h = Math.hypot(sx, sy);
        double ex = -sy / h, ey = sx / h;
        // north = up x east (east has no z component)
        double nx = -uz * ey, ny = uz * ex, nz = ux * ey - uy * ex;
        enu[o] = ex;
        enu[o + 1] = ey;
        enu[o + 2] = 0;
        enu[o + 3] = nx;
        enu[o + 4] = ny;
        enu[o + 5] = nz;
        enu[o + 6] = ux;
        enu[o + 7] = uy;
        enu[o + 8] = uz;
    }

    /**
     * The orthonormal directions of the Jacobian's columns at (az, el) into {@code dirs[o..o+9)}: line of sight,
     * horizontal across (increasing azimuth), vertical across (increasing elevation), each as an Earth-centred row.
     */
    public static void directions(double[] enu, int eo, double az, double el, double[] dirs, int o) {
        double ce = Math.cos(el), se = Math.sin(el), ca = Math.cos(az), sa = Math.sin(az);
        for (int i = 0; i < 3; i++) {
            double e = enu[eo + i], n = enu[eo + 3 + i], u = enu[eo + 6 + i];
            dirs[o + i] = ce * sa * e + ce * ca * n + se * u;
            dirs[o + 3 + i] = ca * e - sa * n;
            dirs[o + 6 + i] = -se * sa * e - se * ca * n + ce * u;
        }
    }

    /**
     * Converts a measurement to an Earth-centred position {@code xyz[xo..xo+3)} and its covariance
     * {@code cov[co..co+9)} (row-major m^2) = J Rp J^T, with Rp the 3x3 polar covariance {@code polarCov[po..po+9)}
     * (r, az, el; m^2, m rad, rad^2), J evaluated at the measurement. {@code work} needs 18 doubles.
     */
    public static void toCartesian(double sx, double sy, double sz, double r, double az, double el,
                                   double[] polarCov, int po, double[] xyz, int xo, double[] cov, int co,
                                   double[] work) {
        enuBasis(sx, sy, sz, work, 0);
        directions(work, 0, az, el, work, 9);
        xyz[xo] = sx + r * work[9];
        xyz[xo + 1] = sy + r * work[10];
        xyz[xo + 2] = sz + r * work[11];
        double ja = r * Math.cos(el), je = r;
        // J columns scaled: c0 = l, c1 = ja * a, c2 = je * e;  cov = sum_kl Rp[k][l] c_k c_l^T
        for (int i = 0; i < 3; i++) {
            double ci0 = work[9 + i], ci1 = ja * work[12 + i], ci2 = je * work[15 + i];
            for (int j = i; j < 3; j++) {
                double cj0 = work[9 + j], cj1 = ja * work[12 + j], cj2 = je * work[15 + j];
                double v = ci0 * (polarCov[po] * cj0 + polarCov[po + 1] * cj1 + polarCov[po + 2] * cj2)
                        + ci1 * (polarCov[po + 3] * cj0 + polarCov[po + 4] * cj1 + polarCov[po + 5] * cj2)
                        + ci2 * (polarCov[po + 6] * cj0 + polarCov[po + 7] * cj1 + polarCov[po + 8] * cj2);
                cov[co + i * 3 + j] = v;
                cov[co + j * 3 + i] = v;
            }
        }
    }

    /** Range, azimuth ([0, 2 pi)) and elevation of (x, y, z) from the site into {@code rae[o..o+3)}. */
    public static void toPolar(double sx, double sy, double sz, double x, double y, double z, double[] enu, int eo,
                               double[] rae, int o) {
        double dx = x - sx, dy = y - sy, dz = z - sz;
        double de = dx * enu[eo] + dy * enu[eo + 1] + dz * enu[eo + 2];
        double dn = dx * enu[eo + 3] + dy * enu[eo + 4] + dz * enu[eo + 5];
        double du = dx * enu[eo + 6] + dy * enu[eo + 7] + dz * enu[eo + 8];
        double r = Math.sqrt(de * de + dn * dn + du * du);
        rae[o] = r;
        double az = Math.atan2(de, dn);
        rae[o + 1] = az < 0 ? az + 2 * Math.PI : az;
        rae[o + 2] = Math.asin(du / r);
    }

    /**
     * The Jacobian H = d(r, az, el) / d(x, y, z) at (r, el) with the directions of {@link #directions} into
     * {@code h[o..o+9)} (row-major): rows l, a / (r cos el), e / r (the inverse of J, since l, a, e are orthonormal).
     */
    public static void polarJacobian(double r, double el, double[] dirs, int d, double[] h, int o) {
        double ia = 1.0 / (r * Math.cos(el)), ie = 1.0 / r;
        for (int i = 0; i < 3; i++) {
            h[o + i] = dirs[d + i];
            h[o + 3 + i] = ia * dirs[d + 3 + i];
            h[o + 6 + i] = ie * dirs[d + 6 + i];
        }
    }

    /** The angle difference a - b wrapped into (-pi, pi]. */
    public static double angleDifference(double a, double b) {
        double d = a - b;
        if (d > Math.PI) {
            d -= 2 * Math.PI * Math.ceil((d - Math.PI) / (2 * Math.PI));
        } else if (d <= -Math.PI) {
            d += 2 * Math.PI * Math.ceil((-Math.PI - d) / (2 * Math.PI));
        }
        return d;
    }
}

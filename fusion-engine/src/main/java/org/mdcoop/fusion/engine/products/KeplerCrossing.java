package org.mdcoop.fusion.engine.products;

import org.mdcoop.fusion.engine.model.Earth;

/**
 * Where and when a ballistic (two-body, central gravity) arc meets the sphere |r| = R, solved in
 * closed form from the orbit's elements: the true anomaly of the crossing from the conic equation,
 * the time from Kepler's equation. This is the same motion {@code BallisticMotionModel} integrates,
 * without the thousands of integration steps a crossing costs that way.
 */
final class KeplerCrossing {
    private static final double TWO_PI = 2 * Math.PI;
    /** Below this eccentricity the arc is too close to a circle for the crossing's anomaly to be well posed. */
    private static final double MIN_ECCENTRICITY = 1e-9;
    /** Closer to a parabola than this, neither the elliptic nor the hyperbolic anomaly is well conditioned. */
    private static final double MIN_HYPERBOLIC_EXCESS = 1e-6;

    private KeplerCrossing() {
    }

    /**
     * Writes the crossing position and the signed time to it into {@code out[off..off+4)} for the next
     * crossing forwards ({@code direction} +1, the impact) or backwards (-1, the launch side) of the
     * state {@code s} (position m, velocity m/s, above the surface). An arc that does not reach the
     * surface within {@code maxSeconds} (an orbit, or a very long one) gets its position after
     * {@code maxSeconds} instead, with that time. Escaping arcs (hyperbolas: the sigma points of a track
     * whose velocity is still vague) are solved the same way from the hyperbolic anomaly. Returns false —
     * and writes nothing — where the arc is degenerate (near a circle or a parabola, or radial): left to
     * numerical integration.
     */
    static boolean solve(double[] s, int direction, double radiusM, double maxSeconds, double[] out, int off) {
        double mu = Earth.MU_M3PS2;
        double x = s[0], y = s[1], z = s[2], vx = s[3], vy = s[4], vz = s[5];
        double r = Math.sqrt(x * x + y * y + z * z);
        double v2 = vx * vx + vy * vy + vz * vz;
        double rv = x * vx + y * vy + z * vz;
        double energy = 0.5 * v2 - mu / r;
        if (!(r > radiusM) || !Double.isFinite(energy)) {
            return false;
        }
        double hx = y * vz - z * vy, hy = z * vx - x * vz, hz = x * vy - y * vx;
        double h2 = hx * hx + hy * hy + hz * hz;
        double c = v2 - mu / r;
        double ex = (c * x - rv * vx) / mu, ey = (c * y - rv * vy) / mu, ez = (c * z - rv * vz) / mu;
        double e = Math.sqrt(ex * ex + ey * ey + ez * ez);
        if (energy > 0 && e > 1 + MIN_HYPERBOLIC_EXCESS && h2 > 0) {
            return solveHyperbolic(x, y, z, rv, r, energy, hx, hy, hz, h2, ex, ey, ez, e, direction, radiusM,
                    maxSeconds, out, off);
        }
        if (!(energy < 0) || !(e > MIN_ECCENTRICITY) || !(e < 1) || !(h2 > 0)) {
            return false;
        }
        double nowAnomaly = Math.acos(Math.max(-1, Math.min(1, (ex * x + ey * y + ez * z) / (e * r))));
        if (rv < 0) {
            nowAnomaly = TWO_PI - nowAnomaly;
        }
        double a = -mu / (2 * energy);
        double meanMotion = Math.sqrt(mu / (a * a * a));
        double nowMean = meanAnomaly(nowAnomaly, e);
        // perifocal frame: P towards periapsis, Q = h x P / |h|
        double px = ex / e, py = ey / e, pz = ez / e;
        double h = Math.sqrt(h2);
        double qx = (hy * pz - hz * py) / h, qy = (hz * px - hx * pz) / h, qz = (hx * py - hy * px) / h;

        double cosCrossing = (h2 / mu / radiusM - 1) / e;
        if (!(cosCrossing > -1)) {
            return false; // the whole ellipse under the surface: only rounding puts the state above it
        }
        if (cosCrossing < 1) {
            double crossing = Math.acos(cosCrossing); // ascending; the descending crossing is 2 pi minus it
            if (!(nowAnomaly > crossing && nowAnomaly < TWO_PI - crossing)) {
                return false; // rounding put the state at the surface
            }
            double target = direction > 0 ? TWO_PI - crossing : crossing;
            double dt = (meanAnomaly(target, e) - nowMean) / meanMotion;
            if (Math.abs(dt) <= maxSeconds) {
                write(radiusM, target, px, py, pz, qx, qy, qz, out, off);
                out[off + 3] = dt;
                return true;
            }
        }
        // not down within maxSeconds (or never): where the arc is then
        double eccentric = eccentricAnomaly(nowMean + direction * maxSeconds * meanMotion, e);
        double half = 0.5 * eccentric;
        double anomaly = 2 * Math.atan2(Math.sqrt(1 + e) * Math.sin(half), Math.sqrt(1 - e) * Math.cos(half));
        write(a * (1 - e * Math.cos(eccentric)), anomaly, px, py, pz, qx, qy, qz, out, off);
        out[off + 3] = direction * maxSeconds;
        return true;
    }

    /**
     * {@link #solve} for a hyperbola: r = p / (1 + e cos nu) with nu inside the asymptotes; the arc is
     * outside the sphere where |nu| exceeds the crossing's anomaly, so it meets the surface forwards only
     * while still approaching periapsis, backwards only once past it. Time from e sinh F - F = n t.
     */
    private static boolean solveHyperbolic(double x, double y, double z, double rv, double r, double energy,
                                           double hx, double hy, double hz, double h2, double ex, double ey,
                                           double ez, double e, int direction, double radiusM, double maxSeconds,
                                           double[] out, int off) {
        double mu = Earth.MU_M3PS2;
        double semiAxis = mu / (2 * energy); // |a|
        double meanMotion = Math.sqrt(mu / (semiAxis * semiAxis * semiAxis));
        double nowAnomaly = Math.acos(Math.max(-1, Math.min(1, (ex * x + ey * y + ez * z) / (e * r))));
        if (rv < 0) {
            nowAnomaly = -nowAnomaly; // approaching periapsis
        }
        double nowMean = hyperbolicMean(nowAnomaly, e);
        double px = ex / e, py = ey / e, pz = ez / e;
        double h = Math.sqrt(h2);
        double qx = (hy * pz - hz * py) / h, qy = (hz * px - hx * pz) / h, qz = (hx * py - hy * px) / h;

        double cosCrossing = (h2 / mu / radiusM - 1) / e;
        if (cosCrossing < 1) { // periapsis under the surface
            double crossing = Math.acos(cosCrossing);
            if (!(Math.abs(nowAnomaly) > crossing)) {
                return false; // rounding put the state at the surface
            }
            boolean meets = direction > 0 ? nowAnomaly < 0 : nowAnomaly > 0;
            if (meets) {
                double target = direction > 0 ? -crossing : crossing;
                double dt = (hyperbolicMean(target, e) - nowMean) / meanMotion;
                if (Math.abs(dt) <= maxSeconds) {
                    write(radiusM, target, px, py, pz, qx, qy, qz, out, off);
                    out[off + 3] = dt;
                    return true;
                }
            }
        }
        // not down within maxSeconds (or never): where the arc is then
        double anomalyF = hyperbolicAnomaly(nowMean + direction * maxSeconds * meanMotion, e);
        double anomaly = 2 * Math.atan(Math.sqrt((e + 1) / (e - 1)) * Math.tanh(0.5 * anomalyF));
        write(semiAxis * (e * Math.cosh(anomalyF) - 1), anomaly, px, py, pz, qx, qy, qz, out, off);
        out[off + 3] = direction * maxSeconds;
        return true;
    }

    /** Hyperbolic mean anomaly e sinh F - F of the true anomaly {@code nu} (inside the asymptotes). */
    private static double hyperbolicMean(double nu, double e) {
        double f = 2 * atanh(Math.sqrt((e - 1) / (e + 1)) * Math.tan(0.5 * nu));
        return e * Math.sinh(f) - f;
    }

    /** Solves e sinh F - F = M by Newton's method (monotonic in F, so it converges from the log start). */
    private static double hyperbolicAnomaly(double mean, double e) {
        double f = Math.signum(mean) * Math.log(2 * Math.abs(mean) / e + 1.8);
        for (int i = 0; i < 100; i++) {
            double step = (e * Math.sinh(f) - f - mean) / (e * Math.cosh(f) - 1);
            f -= step;
            if (Math.abs(step) < 1e-13 * Math.max(1, Math.abs(f))) {
                break;
            }
        }
        return f;
    }

    private static double atanh(double v) {
        return 0.5 * Math.log((1 + v) / (1 - v));
    }

    private static void write(double radius, double anomaly, double px, double py, double pz,
                              double qx, double qy, double qz, double[] out, int off) {
        double cos = Math.cos(anomaly), sin = Math.sin(anomaly);
        out[off] = radius * (cos * px + sin * qx);
        out[off + 1] = radius * (cos * py + sin * qy);
        out[off + 2] = radius * (cos * pz + sin * qz);
    }

    /** Solves Kepler's equation E - e sin E = M by Newton's method. */
    private static double eccentricAnomaly(double mean, double e) {
        double m = mean - TWO_PI * Math.floor(mean / TWO_PI);
        double eccentric = e < 0.8 ? m : Math.PI;
        for (int i = 0; i < 50; i++) {
            double step = (eccentric - e * Math.sin(eccentric) - m) / (1 - e * Math.cos(eccentric));
            eccentric -= step;
            if (Math.abs(step) < 1e-13) {
                break;
            }
        }
        return eccentric;
    }

    /** Mean anomaly of the true anomaly {@code nu} in [0, 2 pi), in [0, 2 pi]: monotonic along one revolution. */
    private static double meanAnomaly(double nu, double e) {
        double half = 0.5 * nu;
        double eccentric = 2 * Math.atan2(Math.sqrt(1 - e) * Math.sin(half), Math.sqrt(1 + e) * Math.cos(half));
        return eccentric - e * Math.sin(eccentric);
    }
}

package org.mdcoop.fusion.engine.products;

import org.mdcoop.fusion.engine.TrackTable;
import org.mdcoop.fusion.engine.Tracker;
import org.mdcoop.fusion.engine.model.BallisticMotionModel;
import org.mdcoop.fusion.engine.model.Earth;

/**
 * Derives the published products of a track: geodetic position and speed, launch point (the Kepler
 * arc propagated back to the surface — after burnout this is the ballistic extrapolation, which lies
 * down-range of the true launch site by the powered-flight distance), impact point and time with an
 * uncertainty ellipse, and the class with a confidence. Uncertainty comes from the 13 unscented sigma
 * points of the 6-D state, each carried to the surface (in closed form: {@link KeplerCrossing}). Off the
 * hot path (allocates).
 */
public final class TrackProductCalculator {
    private static final double STEP_SECONDS = 2.0;
    private static final double MAX_FLIGHT_SECONDS = 5_000.0;
    private static final double LAMBDA = 1.0;

    private final BallisticMotionModel kepler = new BallisticMotionModel(0.0, STEP_SECONDS);

    public TrackProducts compute(Tracker tracker, int slot) {
        TrackTable t = tracker.tracks();
        double[] x = new double[6];
        double[] p = new double[36];
        t.copyState(slot, x, 0);
        t.copyCov(slot, p, 0);
        double tSeconds = t.stateTimeSeconds(slot);
        return compute(t.id(slot), tSeconds, x, p, t.updates(slot), tracker.partyNames(t.partyMask(slot)),
                tracker.sensorNames(t.sensorMask(slot)), t.exercise(slot));
    }

    public TrackProducts compute(long trackId, double tSeconds, double[] x, double[] p, int updates,
                                 java.util.List<String> parties, java.util.List<String> sensors, boolean exercise) {
        int n = 6;
        int np = 2 * n + 1;
        double[] l = cholesky(p);
        double scale = Math.sqrt(n + LAMBDA);
        double w0 = LAMBDA / (n + LAMBDA);
        double wi = 1.0 / (2 * (n + LAMBDA));
        double[] impact = new double[np * 4]; // x, y, z, dtSeconds
        double[] launch = new double[np * 4];
        double[] sp = new double[6];
        for (int k = 0; k < np; k++) {
            System.arraycopy(x, 0, sp, 0, 6);
            if (k > 0) {
                int col = (k - 1) % n;
                double sign = k <= n ? 1 : -1;
                for (int i = 0; i < n; i++) {
                    sp[i] += sign * scale * l[i * n + col];
                }
            }
            double[] copy = sp.clone();
            surfaceCrossing(copy, 1, impact, k * 4);
            copy = sp.clone();
            surfaceCrossing(copy, -1, launch, k * 4);
        }
        // impact mean and ellipse in the local horizontal plane
        double mx = 0, my = 0, mz = 0, mt = 0;
        for (int k = 0; k < np; k++) {
            double w = k == 0 ? w0 : wi;
            mx += w * impact[k * 4];
            my += w * impact[k * 4 + 1];
            mz += w * impact[k * 4 + 2];
            mt += w * impact[k * 4 + 3];
        }
        double lat = Math.toRadians(Earth.latitudeDeg(mx, my, mz));
        double lon = Math.toRadians(Earth.longitudeDeg(mx, my, mz));
        double ex = -Math.sin(lon), ey = Math.cos(lon), ez = 0;
        double nx = -Math.sin(lat) * Math.cos(lon), ny = -Math.sin(lat) * Math.sin(lon), nz = Math.cos(lat);
        double cee = 0, cnn = 0, cen = 0, ctt = 0;
        for (int k = 0; k < np; k++) {
            double w = k == 0 ? w0 : wi;
            double dx = impact[k * 4] - mx, dy = impact[k * 4 + 1] - my, dz = impact[k * 4 + 2] - mz;
            double de = dx * ex + dy * ey + dz * ez;
            double dn = dx * nx + dy * ny + dz * nz;
            double dt = impact[k * 4 + 3] - mt;
            cee += w * de * de;
            cnn += w * dn * dn;
            cen += w * de * dn;
            ctt += w * dt * dt;
        }
        double tr = cee + cnn;
        double disc = Math.sqrt(Math.max(0, 0.25 * (cee - cnn) * (cee - cnn) + cen * cen));
        double major = Math.sqrt(Math.max(0, 0.5 * tr + disc));
        double minor = Math.sqrt(Math.max(0, 0.5 * tr - disc));
        // major-axis direction (e, n) and its azimuth from north, clockwise, folded into [0, 180)
        double angle = 0.5 * Math.atan2(2 * cen, cee - cnn); // from east, counter-clockwise
        double azimuthDeg = 90.0 - Math.toDegrees(angle);
        azimuthDeg = ((azimuthDeg % 180.0) + 180.0) % 180.0;
        TrackProducts.ImpactPrediction impactPrediction = new TrackProducts.ImpactPrediction(
                Earth.latitudeDeg(mx, my, mz), Earth.longitudeDeg(mx, my, mz), tSeconds + mt, Math.sqrt(ctt),
                major, minor, azimuthDeg);
        double launchVar = 0;
        for (int k = 1; k < np; k++) {
            double dx = launch[k * 4] - launch[0], dy = launch[k * 4 + 1] - launch[1], dz = launch[k * 4 + 2] - launch[2];
            launchVar += wi * (dx * dx + dy * dy + dz * dz);
        }
        TrackProducts.SurfacePoint launchPoint = new TrackProducts.SurfacePoint(
                Earth.latitudeDeg(launch[0], launch[1], launch[2]), Earth.longitudeDeg(launch[0], launch[1], launch[2]),
                tSeconds + launch[3], Math.sqrt(launchVar));
        // class from the ground range of each sigma point
        double mr = 0, vr = 0;
        double[] ranges = new double[np];
        for (int k = 0; k < np; k++) {
            ranges[k] = Earth.groundRangeM(launch[k * 4], launch[k * 4 + 1], launch[k * 4 + 2],
                    impact[k * 4], impact[k * 4 + 1], impact[k * 4 + 2]);
            mr += (k == 0 ? w0 : wi) * ranges[k];
        }
        for (int k = 0; k < np; k++) {
            vr += (k == 0 ? w0 : wi) * (ranges[k] - mr) * (ranges[k] - mr);
        }
        MissileClass cls = MissileClass.ofRange(mr);
        double sr = Math.sqrt(vr);
        double confidence = sr < 1e-6 ? 1.0
                : normalCdf((cls.maxRangeM - mr) / sr) - normalCdf((cls.minRangeM - mr) / sr);
        double speed = Math.sqrt(x[3] * x[3] + x[4] * x[4] + x[5] * x[5]);
        return new TrackProducts(trackId, tSeconds, x.clone(), p.clone(),
                Earth.latitudeDeg(x[0], x[1], x[2]), Earth.longitudeDeg(x[0], x[1], x[2]),
                Earth.altitudeM(x[0], x[1], x[2]), speed, updates, Math.sqrt(p[0] + p[7] + p[14]), parties, sensors, exercise,
                launchPoint, impactPrediction, mr, cls, confidence);
    }

    /**
     * Carries {@code s} forward (direction +1) or backward (-1) to |r| = R; writes the crossing
     * position and the signed time offset into {@code out[off..off+4)}. If no crossing within
     * {@link #MAX_FLIGHT_SECONDS}, the position then is written. Closed form for every elliptic arc
     * (every ballistic missile, and the orbits a vague sigma point describes), integration otherwise.
     */
    void surfaceCrossing(double[] s, int direction, double[] out, int off) {
        if (Earth.altitudeM(s[0], s[1], s[2]) > 0
                && KeplerCrossing.solve(s, direction, Earth.RADIUS_M, MAX_FLIGHT_SECONDS, out, off)) {
            return;
        }
        surfaceCrossingByIntegration(s, direction, out, off);
    }

    /** {@link #surfaceCrossing} by RK4 steps and a secant search inside the last one. */
    void surfaceCrossingByIntegration(double[] s, int direction, double[] out, int off) {
        double elapsed = 0;
        double[] prev = new double[6];
        double h = direction * STEP_SECONDS;
        double alt = Earth.altitudeM(s[0], s[1], s[2]);
        if (alt <= 0) {
            System.arraycopy(s, 0, out, off, 3);
            out[off + 3] = 0;
            return;
        }
        while (Math.abs(elapsed) < MAX_FLIGHT_SECONDS) {
            System.arraycopy(s, 0, prev, 0, 6);
            kepler.propagate(s, 0, h);
            elapsed += h;
            double a = Earth.altitudeM(s[0], s[1], s[2]);
            if (a <= 0) {
                // secant refinement inside the last step
                double lo = 0, hi = h, altLo = alt, altHi = a;
                double[] trial = new double[6];
                for (int it = 0; it < 30 && Math.abs(hi - lo) > 1e-4; it++) {
                    double mid = lo + (hi - lo) * altLo / (altLo - altHi);
                    if (!(Math.abs(mid - lo) > 0) || !(Math.abs(mid - hi) > 0)) {
                        mid = 0.5 * (lo + hi);
                    }
                    System.arraycopy(prev, 0, trial, 0, 6);
                    kepler.propagate(trial, 0, mid);
                    double am = Earth.altitudeM(trial[0], trial[1], trial[2]);
                    if (Math.abs(am) < 1e-3) {
                        lo = mid;
                        hi = mid;
                        break;
                    }
                    if (am > 0) {
                        lo = mid;
                        altLo = am;
                    } else {
                        hi = mid;
                        altHi = am;
                    }
                }
                double tc = 0.5 * (lo + hi);
                System.arraycopy(prev, 0, trial, 0, 6);
                kepler.propagate(trial, 0, tc);
                System.arraycopy(trial, 0, out, off, 3);
                out[off + 3] = elapsed - h + tc;
                return;
            }
            alt = a;
        }
        System.arraycopy(s, 0, out, off, 3);
        out[off + 3] = elapsed;
    }

    static double[] cholesky(double[] a) {
        int n = 6;
        double[] l = new double[36];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i * n + k] * l[j * n + k];
                }
                if (i == j) {
                    l[i * n + i] = Math.sqrt(Math.max(sum, 1e-12));
                } else {
                    l[i * n + j] = sum / l[j * n + j];
                }
            }
        }
        return l;
    }

    static double normalCdf(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    /** Complementary error function (Numerical Recipes erfcc, |error| < 1.2e-7). */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2.0 - r;
    }
}

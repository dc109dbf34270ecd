package org.mdcoop.fusion.engine.t2t;

import org.mdcoop.fusion.engine.filter.Mat;

/**
 * Covariance intersection for track-to-track fusion when a party supplies local tracks (state and
 * covariance) whose cross-correlation with the central track is unknown:
 * P^-1 = w Pa^-1 + (1 - w) Pb^-1, x = P (w Pa^-1 xa + (1 - w) Pb^-1 xb), with w in [0, 1] chosen by
 * golden-section search to minimise trace(P). The result is consistent for any actual correlation.
 * Works on n-dimensional states (n <= 6). Not thread-safe (owns buffers); no allocation per call.
 */
public final class CovarianceIntersection {
    private static final int MAX_N = 6;
    private final double[] aInv = new double[MAX_N * MAX_N];
    private final double[] bInv = new double[MAX_N * MAX_N];
    private final double[] info = new double[MAX_N * MAX_N];
    private final double[] p = new double[MAX_N * MAX_N];
    private final double[] work = new double[2 * MAX_N * MAX_N];
    private double lastOmega;

    /** The weight w of the first estimate chosen by the last {@link #fuse} call. */
    public double lastOmega() {
        return lastOmega;
    }

    /**
     * Fuses (xa, pa) and (xb, pb) into (xOut, pOut); returns false if a covariance is singular.
     */
    public boolean fuse(double[] xa, double[] pa, double[] xb, double[] pb, int n, double[] xOut, double[] pOut) {
        if (n > MAX_N) {
            throw new IllegalArgumentException("state dimension " + n + " > " + MAX_N);
        }
        if (!Mat.invert(pa, 0, aInv, 0, n, work) || !Mat.invert(pb, 0, bInv, 0, n, work)) {
            return false;
        }
        double lo = 0.0, hi = 1.0;
        double g = (Math.sqrt(5) - 1) / 2;
        double c = hi - g * (hi - lo), d = lo + g * (hi - lo);
        double fc = traceOfFused(c, n), fd = traceOfFused(d, n);
        for (int it = 0; it < 40; it++) {
            if (fc < fd) {
                hi = d;
                d = c;
                fd = fc;
                c = hi - g * (hi - lo);
                fc = traceOfFused(c, n);
            } else {
                lo = c;
                c = d;
                fc = fd;
                d = lo + g * (hi - lo);
                fd = traceOfFused(d, n);
            }
        }
        double w = 0.5 * (lo + hi);
        // the end points are the inputs themselves; prefer them if better
        double fw = traceOfFused(w, n);
        if (trace(pa, n) <= fw) {
            w = 1.0;
        } else if (trace(pb, n) <= fw) {
            w = 0.0;
        }
        lastOmega = w;
        fusedCov(w, n);
        System.arraycopy(p, 0, pOut, 0, n * n);
        // x = P (w Pa^-1 xa + (1-w) Pb^-1 xb)
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += w * aInv[i * n + j] * xa[j] + (1 - w) * bInv[i * n + j] * xb[j];
            }
            work[i] = s;
        }
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += p[i * n + j] * work[j];
            }
            xOut[i] = s;
        }
        return true;
    }

    private double traceOfFused(double w, int n) {
        return fusedCov(w, n) ? trace(p, n) : Double.POSITIVE_INFINITY;
    }

    private boolean fusedCov(double w, int n) {
        for (int i = 0; i < n * n; i++) {
            info[i] = w * aInv[i] + (1 - w) * bInv[i];
        }
        boolean ok = Mat.invert(info, 0, p, 0, n, work);
        Mat.symmetrise(p, 0, n);
        return ok;
    }

    private static double trace(double[] m, int n) {
        double t = 0;
        for (int i = 0; i < n; i++) {
            t += m[i * n + i];
        }
        return t;
    }
}

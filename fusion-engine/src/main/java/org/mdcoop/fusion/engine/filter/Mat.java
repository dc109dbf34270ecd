package org.mdcoop.fusion.engine.filter;

/** Small dense row-major matrix kernels on primitive arrays with offsets; no allocation. */
public final class Mat {
    private Mat() {
    }

    /** c = a * b for n x n matrices. */
    public static void mul(double[] a, int ao, double[] b, int bo, double[] c, int co, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += a[ao + i * n + k] * b[bo + k * n + j];
                }
                c[co + i * n + j] = s;
            }
        }
    }

    /** c = a * b^T for n x n matrices. */
    public static void mulTransB(double[] a, int ao, double[] b, int bo, double[] c, int co, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += a[ao + i * n + k] * b[bo + j * n + k];
                }
                c[co + i * n + j] = s;
            }
        }
    }

    /** Makes an n x n matrix exactly symmetric. */
    public static void symmetrise(double[] a, int ao, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double m = 0.5 * (a[ao + i * n + j] + a[ao + j * n + i]);
                a[ao + i * n + j] = m;
                a[ao + j * n + i] = m;
            }
        }
    }

    /**
     * Inverts the symmetric 3x3 matrix {@code s[so..so+9)} into {@code inv[io..io+9)}; returns the
     * determinant (<= 0 means not positive definite; the output is then undefined).
     */
    public static double invertSym3(double[] s, int so, double[] inv, int io) {
        double a = s[so], b = s[so + 1], c = s[so + 2];
        double d = s[so + 4], e = s[so + 5], f = s[so + 8];
        double c00 = d * f - e * e;
        double c01 = c * e - b * f;
        double c02 = b * e - c * d;
        double det = a * c00 + b * c01 + c * c02;
        if (!(det > 0)) {
            return det;
        }
        double id = 1.0 / det;
        inv[io] = c00 * id;
        inv[io + 1] = c01 * id;
        inv[io + 2] = c02 * id;
        inv[io + 3] = c01 * id;
        inv[io + 4] = (a * f - c * c) * id;
        inv[io + 5] = (b * c - a * e) * id;
        inv[io + 6] = c02 * id;
        inv[io + 7] = (b * c - a * e) * id;
        inv[io + 8] = (a * d - b * b) * id;
        return det;
    }

    /** v^T M v for a 3-vector and a 3x3 matrix. */
    public static double quad3(double vx, double vy, double vz, double[] m, int mo) {
        return vx * (m[mo] * vx + m[mo + 1] * vy + m[mo + 2] * vz)
                + vy * (m[mo + 3] * vx + m[mo + 4] * vy + m[mo + 5] * vz)
                + vz * (m[mo + 6] * vx + m[mo + 7] * vy + m[mo + 8] * vz);
    }

    /**
     * Inverts the n x n matrix {@code a[ao..]} into {@code inv[io..]} by Gauss-Jordan with partial
     * pivoting, using {@code work} (length >= 2 n^2) as scratch. Returns false if singular.
     */
    public static boolean invert(double[] a, int ao, double[] inv, int io, int n, double[] work) {
        int w = 2 * n;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                work[i * w + j] = a[ao + i * n + j];
                work[i * w + n + j] = i == j ? 1.0 : 0.0;
            }
        }
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int i = c + 1; i < n; i++) {
                if (Math.abs(work[i * w + c]) > Math.abs(work[piv * w + c])) {
                    piv = i;
                }
            }
            if (work[piv * w + c] == 0.0) {
                return false;
            }
            if (piv != c) {
                for (int j = 0; j < w; j++) {
                    double t = work[c * w + j];
                    work[c * w + j] = work[piv * w + j];
                    work[piv * w + j] = t;
                }
            }
            double d = 1.0 / work[c * w + c];
            for (int j = 0; j < w; j++) {
                work[c * w + j] *= d;
            }
            for (int i = 0; i < n; i++) {
                if (i != c) {
                    double f = work[i * w + c];
                    if (f != 0.0) {
                        for (int j = 0; j < w; j++) {
                            work[i * w + j] -= f * work[c * w + j];
                        }
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            System.arraycopy(work, i * w + n, inv, io + i * n, n);
        }
        return true;
    }
}

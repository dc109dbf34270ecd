package org.mdcoop.fusion.engine.filter;

/**
 * Kalman update for a linear position measurement (H = [I3 0]) — exact for Cartesian plots, so the
 * EKF and the KF coincide here. Not thread-safe (owns buffers).
 */
public final class KalmanPositionUpdater implements Updater {
    private final double[] s = new double[9];
    private final double[] sInv = new double[9];
    private final double[] k = new double[18];
    private final double[] hp = new double[18];

    @Override
    public boolean update(double[] x, int xo, double[] p, int po, double zx, double zy, double zz,
                          double[] r, int ro) {
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                s[i * 3 + j] = p[po + i * 6 + j] + r[ro + i * 3 + j];
            }
        }
        if (!(Mat.invertSym3(s, 0, sInv, 0) > 0)) {
            return false;
        }
        // K = P H^T S^-1 (6x3)
        for (int i = 0; i < 6; i++) {
            double p0 = p[po + i * 6], p1 = p[po + i * 6 + 1], p2 = p[po + i * 6 + 2];
            for (int j = 0; j < 3; j++) {
                k[i * 3 + j] = p0 * sInv[j] + p1 * sInv[3 + j] + p2 * sInv[6 + j];
            }
        }
        double vx = zx - x[xo], vy = zy - x[xo + 1], vz = zz - x[xo + 2];
        for (int i = 0; i < 6; i++) {
            x[xo + i] += k[i * 3] * vx + k[i * 3 + 1] * vy + k[i * 3 + 2] * vz;
        }
        System.arraycopy(p, po, hp, 0, 18); // H P = first three rows of P
        for (int i = 0; i < 6; i++) {
            double k0 = k[i * 3], k1 = k[i * 3 + 1], k2 = k[i * 3 + 2];
            for (int j = 0; j < 6; j++) {
                p[po + i * 6 + j] -= k0 * hp[j] + k1 * hp[6 + j] + k2 * hp[12 + j];
            }
        }
        Mat.symmetrise(p, po, 6);
        return true;
    }
}

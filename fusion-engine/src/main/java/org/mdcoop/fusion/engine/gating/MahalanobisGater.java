package org.mdcoop.fusion.engine.gating;

import org.mdcoop.fusion.engine.filter.Mat;

/**
 * Chi-square gate on the Mahalanobis distance of the position innovation (3 degrees of freedom).
 * Cost = d^2 + ln det S (negative log-likelihood up to a constant), so a sharp track beats a vague one.
 */
public final class MahalanobisGater implements Gater {
    /** chi-square(3) quantiles. */
    public static final double CHI2_3DOF_P99 = 11.345;
    public static final double CHI2_3DOF_P999 = 16.266;
    public static final double CHI2_3DOF_P9999 = 21.108;

    private final double thresholdSquared;
    private final double[] s = new double[9];
    private final double[] sInv = new double[9];
    private double lastD2;

    public MahalanobisGater(double thresholdSquared) {
        this.thresholdSquared = thresholdSquared;
    }

    public MahalanobisGater() {
        this(CHI2_3DOF_P9999);
    }

    @Override
    public double cost(double[] x, int xo, double[] p, int po, double zx, double zy, double zz, double[] r, int ro) {
        double vx = zx - x[xo], vy = zy - x[xo + 1], vz = zz - x[xo + 2];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                s[i * 3 + j] = p[po + i * 6 + j] + r[ro + i * 3 + j];
            }
        }
        double det = Mat.invertSym3(s, 0, sInv, 0);
        if (!(det > 0)) {
            lastD2 = Double.POSITIVE_INFINITY;
            return Double.POSITIVE_INFINITY;
        }
        double d2 = Mat.quad3(vx, vy, vz, sInv, 0);
        lastD2 = d2;
        if (!(d2 <= thresholdSquared)) {
            return Double.POSITIVE_INFINITY;
        }
        return d2 + Math.log(det);
    }

    @Override
    public double lastDistanceSquared() {
        return lastD2;
    }

    @Override
    public double thresholdSquared() {
        return thresholdSquared;
    }
}

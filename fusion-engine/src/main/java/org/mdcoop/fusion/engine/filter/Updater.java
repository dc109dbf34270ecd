package org.mdcoop.fusion.engine.filter;

/** Corrects a state with one position measurement. */
public interface Updater {
    /**
     * Updates {@code x[xo..]} and {@code p[po..]} with the position measurement (zx, zy, zz) m whose
     * covariance is {@code r[ro..ro+9)}; returns false (and leaves the state unchanged) if the
     * innovation covariance is not positive definite.
     */
    boolean update(double[] x, int xo, double[] p, int po, double zx, double zy, double zz, double[] r, int ro);
}

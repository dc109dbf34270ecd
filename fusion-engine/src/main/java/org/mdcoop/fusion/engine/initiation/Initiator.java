package org.mdcoop.fusion.engine.initiation;

/** Builds the initial state and covariance of a new (tentative) track from one unassociated report. */
public interface Initiator {
    /**
     * Writes the initial state into {@code x[xo..xo+6)} and covariance into {@code p[po..po+36)} from a
     * report at (zx, zy, zz) m with covariance {@code r[ro..ro+9)}.
     */
    void initiate(double zx, double zy, double zz, double[] r, int ro, double[] x, int xo, double[] p, int po);
}

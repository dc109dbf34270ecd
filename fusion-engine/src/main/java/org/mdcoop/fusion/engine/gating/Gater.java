package org.mdcoop.fusion.engine.gating;

/** Decides whether a report may belong to a track and scores the pairing. */
public interface Gater {
    /**
     * Returns the assignment cost of pairing the predicted track (state {@code x[xo..]}, covariance
     * {@code p[po..]}) with the report (z, covariance {@code r[ro..]}), or {@link Double#POSITIVE_INFINITY}
     * if the report is outside the gate. {@link #lastDistanceSquared()} then holds the Mahalanobis d^2.
     */
    double cost(double[] x, int xo, double[] p, int po, double zx, double zy, double zz, double[] r, int ro);

    double lastDistanceSquared();

    /** Gate threshold on d^2. */
    double thresholdSquared();
}

package org.mdcoop.fusion.engine.filter;

/** Predicts a state and its covariance forward (or backward) in time. */
public interface Predictor {
    /** Propagates {@code x[xo..xo+6)} and {@code p[po..po+36)} by {@code dtSeconds} in place. */
    void predict(double[] x, int xo, double[] p, int po, double dtSeconds);
}

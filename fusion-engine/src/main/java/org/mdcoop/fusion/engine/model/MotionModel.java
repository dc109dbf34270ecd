package org.mdcoop.fusion.engine.model;

/**
 * Transition model of a 6-element state [x, y, z, vx, vy, vz] (m, m/s) in the Earth-centred frame.
 * Implementations must not allocate: all arguments are caller-owned arrays addressed by offset.
 */
public interface MotionModel {

    /** Propagates {@code state[off..off+6)} by {@code dtSeconds} in place (dt may be negative). */
    void propagate(double[] state, int off, double dtSeconds);

    /**
     * Writes the 6x6 row-major state-transition Jacobian for the step {@code dtSeconds} starting at
     * {@code state[off..]} (the state before propagation) into {@code f[0..36)}.
     */
    void transitionJacobian(double[] state, int off, double dtSeconds, double[] f);

    /** Writes the 6x6 row-major process-noise covariance for the step into {@code q[0..36)}. */
    void processNoise(double dtSeconds, double[] q);
}

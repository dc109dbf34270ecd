package org.mdcoop.fusion.engine.model;

/** Nearly-constant-velocity model (no gravity): the baseline the ballistic model is measured against. */
public final class ConstantVelocityMotionModel implements MotionModel {
    private final double processNoiseM2ps3;

    public ConstantVelocityMotionModel(double processNoiseM2ps3) {
        this.processNoiseM2ps3 = processNoiseM2ps3;
    }

    @Override
    public void propagate(double[] s, int off, double dt) {
        s[off] += dt * s[off + 3];
        s[off + 1] += dt * s[off + 4];
        s[off + 2] += dt * s[off + 5];
    }

    @Override
    public void transitionJacobian(double[] s, int off, double dt, double[] f) {
        java.util.Arrays.fill(f, 0, 36, 0.0);
        for (int i = 0; i < 6; i++) {
            f[i * 6 + i] = 1.0;
        }
        for (int i = 0; i < 3; i++) {
            f[i * 6 + i + 3] = dt;
        }
    }

    @Override
    public void processNoise(double dtSeconds, double[] q) {
        WhiteAccelerationNoise.fill(processNoiseM2ps3, dtSeconds, q);
    }
}

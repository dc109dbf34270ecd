package org.mdcoop.fusion.engine.model;

/** Continuous white-noise acceleration process noise, spectral density {@code qM2ps3} per axis. */
final class WhiteAccelerationNoise {
    private WhiteAccelerationNoise() {
    }

    static void fill(double qM2ps3, double dtSeconds, double[] q) {
        double dt = Math.abs(dtSeconds);
        double a = qM2ps3 * dt * dt * dt / 3.0;
        double b = qM2ps3 * dt * dt / 2.0;
        double c = qM2ps3 * dt;
        java.util.Arrays.fill(q, 0, 36, 0.0);
        for (int i = 0; i < 3; i++) {
            q[i * 6 + i] = a;
            q[i * 6 + i + 3] = b;
            q[(i + 3) * 6 + i] = b;
            q[(i + 3) * 6 + i + 3] = c;
        }
    }
}

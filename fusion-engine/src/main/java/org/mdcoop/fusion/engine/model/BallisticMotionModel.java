package org.mdcoop.fusion.engine.model;

/**
 * Keplerian (central gravity) motion: RK4 integration of r'' = -mu r / |r|^3 with steps of at most
 * {@code maxStepSeconds}; the Jacobian is the second-order expansion with the gravity-gradient
 * matrix G = -mu/r^3 (I - 3 r r^T / r^2), ample for steps of a few seconds.
 */
public final class BallisticMotionModel implements MotionModel {
    private final double processNoiseM2ps3;
    private final double maxStepSeconds;

    public BallisticMotionModel(double processNoiseM2ps3, double maxStepSeconds) {
        this.processNoiseM2ps3 = processNoiseM2ps3;
        this.maxStepSeconds = maxStepSeconds;
    }

    public BallisticMotionModel() {
        this(1.0e-2, 2.0);
    }

    public double processNoiseM2ps3() {
        return processNoiseM2ps3;
    }

    @Override
    public void propagate(double[] s, int off, double dtSeconds) {
        if (dtSeconds == 0.0) {
            return;
        }
        int steps = (int) Math.ceil(Math.abs(dtSeconds) / maxStepSeconds);
        double h = dtSeconds / steps;
        double x = s[off], y = s[off + 1], z = s[off + 2];
        double vx = s[off + 3], vy = s[off + 4], vz = s[off + 5];
        for (int k = 0; k < steps; k++) {
            // k1
            double g1 = gravityFactor(x, y, z);
            double a1x = g1 * x, a1y = g1 * y, a1z = g1 * z;
            // k2
            double x2 = x + 0.5 * h * vx, y2 = y + 0.5 * h * vy, z2 = z + 0.5 * h * vz;
            double v2x = vx + 0.5 * h * a1x, v2y = vy + 0.5 * h * a1y, v2z = vz + 0.5 * h * a1z;
            double g2 = gravityFactor(x2, y2, z2);
            double a2x = g2 * x2, a2y = g2 * y2, a2z = g2 * z2;
            // k3
            double x3 = x + 0.5 * h * v2x, y3 = y + 0.5 * h * v2y, z3 = z + 0.5 * h * v2z;
            double v3x = vx + 0.5 * h * a2x, v3y = vy + 0.5 * h * a2y, v3z = vz + 0.5 * h * a2z;
            double g3 = gravityFactor(x3, y3, z3);
            double a3x = g3 * x3, a3y = g3 * y3, a3z = g3 * z3;
            // k4
            double x4 = x + h * v3x, y4 = y + h * v3y, z4 = z + h * v3z;
            double v4x = vx + h * a3x, v4y = vy + h * a3y, v4z = vz + h * a3z;
            double g4 = gravityFactor(x4, y4, z4);
            double a4x = g4 * x4, a4y = g4 * y4, a4z = g4 * z4;

            double h6 = h / 6.0;
            x += h6 * (vx + 2 * v2x + 2 * v3x + v4x);
            y += h6 * (vy + 2 * v2y + 2 * v3y + v4y);
            z += h6 * (vz + 2 * v2z + 2 * v3z + v4z);
            vx += h6 * (a1x + 2 * a2x + 2 * a3x + a4x);
            vy += h6 * (a1y + 2 * a2y + 2 * a3y + a4y);
            vz += h6 * (a1z + 2 * a2z + 2 * a3z + a4z);
        }
        s[off] = x;
        s[off + 1] = y;
        s[off + 2] = z;
        s[off + 3] = vx;
        s[off + 4] = vy;
        s[off + 5] = vz;
    }

    private static double gravityFactor(double x, double y, double z) {
        double r2 = x * x + y * y + z * z;
        double r = Math.sqrt(r2);
        return -Earth.MU_M3PS2 / (r2 * r);
    }

    @Override
    public void transitionJacobian(double[] s, int off, double dt, double[] f) {
        double x = s[off], y = s[off + 1], z = s[off + 2];
        // evaluate the gradient at the mid-point of the step (better for larger dt)
        x += 0.5 * dt * s[off + 3];
        y += 0.5 * dt * s[off + 4];
        z += 0.5 * dt * s[off + 5];
        double r2 = x * x + y * y + z * z;
        double r = Math.sqrt(r2);
        double k = Earth.MU_M3PS2 / (r2 * r);
        double dt2h = 0.5 * dt * dt;
        double dt3s = dt * dt * dt / 6.0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double pi = i == 0 ? x : (i == 1 ? y : z);
                double pj = j == 0 ? x : (j == 1 ? y : z);
                double g = -k * ((i == j ? 1.0 : 0.0) - 3.0 * pi * pj / r2);
                double id = i == j ? 1.0 : 0.0;
                f[i * 6 + j] = id + g * dt2h;
                f[i * 6 + j + 3] = id * dt + g * dt3s;
                f[(i + 3) * 6 + j] = g * dt;
                f[(i + 3) * 6 + j + 3] = id + g * dt2h;
            }
        }
    }

    @Override
    public void processNoise(double dtSeconds, double[] q) {
        WhiteAccelerationNoise.fill(processNoiseM2ps3, dtSeconds, q);
    }
}

package org.mdcoop.exercise.domain.physics;

/** Classic fourth-order Runge–Kutta for the central-gravity two-body equations. */
final class Rk4 {

    private Rk4() {
    }

    static double[] step(double[] s, double h) {
        if (h == 0.0) {
            return s.clone();
        }
        double[] k1 = deriv(s);
        double[] k2 = deriv(axpy(s, k1, 0.5 * h));
        double[] k3 = deriv(axpy(s, k2, 0.5 * h));
        double[] k4 = deriv(axpy(s, k3, h));
        double[] out = new double[6];
        for (int i = 0; i < 6; i++) {
            out[i] = s[i] + h / 6.0 * (k1[i] + 2.0 * k2[i] + 2.0 * k3[i] + k4[i]);
        }
        return out;
    }

    private static double[] deriv(double[] s) {
        double[] g = new double[3];
        Earth.gravity(s[0], s[1], s[2], g);
        return new double[] {s[3], s[4], s[5], g[0], g[1], g[2]};
    }

    private static double[] axpy(double[] s, double[] k, double h) {
        double[] out = new double[6];
        for (int i = 0; i < 6; i++) {
            out[i] = s[i] + h * k[i];
        }
        return out;
    }

    static double radius(double[] s) {
        return Math.sqrt(s[0] * s[0] + s[1] * s[1] + s[2] * s[2]);
    }
}

package org.mdcoop.exercise.domain.physics;

/** Tiny 3-vector helpers on {@code double[3]}. */
final class Vec {

    private Vec() {
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    static double[] scale(double[] a, double k) {
        return new double[] {a[0] * k, a[1] * k, a[2] * k};
    }

    static double[] add(double[] a, double[] b) {
        return new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
    }

    static double[] normalize(double[] a) {
        return scale(a, 1.0 / norm(a));
    }

    /** Rotates unit vector {@code u} by {@code angle} rad toward the in-plane direction {@code t} (t ⟂ u, unit). */
    static double[] rotateToward(double[] u, double[] t, double angle) {
        return add(scale(u, Math.cos(angle)), scale(t, Math.sin(angle)));
    }
}

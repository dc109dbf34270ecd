package org.mdcoop.exercise.domain.physics;

/**
 * Closed-form Kepler relations for a ballistic arc under central gravity, used to aim a trajectory: the range angle
 * flown from burnout (radius r0, speed v, flight-path angle γ above the local horizontal) until the descending branch
 * reaches radius r1 ≤ r0.
 */
public final class Kepler {

    private static final double GAMMA_MAX = Math.PI / 2 - 1e-9;

    private Kepler() {
    }

    /**
     * Central angle (rad) from burnout to the descending crossing of radius r1; {@code +∞} if the arc never comes
     * down to r1 (escape or perigee above r1).
     */
    public static double rangeAngleRad(double r0M, double speedMps, double gammaRad, double r1M) {
        double h = r0M * speedMps * Math.cos(gammaRad);
        double p = h * h / Earth.MU_M3_S2;
        double ecos0 = p / r0M - 1.0;
        double esin0 = (p / r0M) * Math.tan(gammaRad);
        double e = Math.hypot(ecos0, esin0);
        if (e >= 1.0) {
            return Double.POSITIVE_INFINITY;
        }
        if (e < 1e-15) {
            return Double.POSITIVE_INFINITY; // circular at r0 > r1: never comes down
        }
        double c1 = (p / r1M - 1.0) / e;
        if (c1 > 1.0) {
            return Double.POSITIVE_INFINITY;
        }
        c1 = Math.max(-1.0, c1);
        double f0 = Math.atan2(esin0, ecos0);
        double f1 = 2.0 * Math.PI - Math.acos(c1);
        return f1 - f0;
    }

    /** The flight-path angle giving the longest range for this speed, and that range (rad; may be +∞). */
    public static double[] maxRange(double r0M, double speedMps, double r1M) {
        double a = 0.0;
        double b = GAMMA_MAX;
        double invPhi = (Math.sqrt(5.0) - 1.0) / 2.0;
        double c = b - invPhi * (b - a);
        double d = a + invPhi * (b - a);
        double fc = rangeAngleRad(r0M, speedMps, c, r1M);
        double fd = rangeAngleRad(r0M, speedMps, d, r1M);
        for (int i = 0; i < 90; i++) {
            if (fc >= fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - invPhi * (b - a);
                fc = rangeAngleRad(r0M, speedMps, c, r1M);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + invPhi * (b - a);
                fd = rangeAngleRad(r0M, speedMps, d, r1M);
            }
        }
        double g = 0.5 * (a + b);
        double best = rangeAngleRad(r0M, speedMps, g, r1M);
        double atZero = rangeAngleRad(r0M, speedMps, 0.0, r1M);
        if (atZero > best) {
            return new double[] {0.0, atZero};
        }
        return new double[] {g, best};
    }

    /**
     * The flight-path angle (rad) on the requested branch that flies exactly range angle {@code psiRad}, or NaN if
     * there is none (speed too low, or no non-negative depressed angle).
     */
    public static double solveFlightPathAngle(double r0M, double speedMps, double psiRad, double r1M,
            ArcBranch branch) {
        double[] max = maxRange(r0M, speedMps, r1M);
        double gStar = max[0];
        if (!(max[1] >= psiRad)) {
            return Double.NaN;
        }
        double lo;
        double hi;
        if (branch == ArcBranch.LOFTED) {
            // range decreases from >= psi at gStar to ~0 at 90 degrees
            lo = gStar;
            hi = GAMMA_MAX;
            for (int i = 0; i < 200; i++) {
                double mid = 0.5 * (lo + hi);
                if (rangeAngleRad(r0M, speedMps, mid, r1M) > psiRad) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
        } else {
            // range increases from range(0) to >= psi at gStar
            if (rangeAngleRad(r0M, speedMps, 0.0, r1M) > psiRad) {
                return Double.NaN;
            }
            lo = 0.0;
            hi = gStar;
            for (int i = 0; i < 200; i++) {
                double mid = 0.5 * (lo + hi);
                if (rangeAngleRad(r0M, speedMps, mid, r1M) < psiRad) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
        }
        return 0.5 * (lo + hi);
    }

    /** The smallest burnout speed (m/s) that reaches range angle {@code psiRad} at all (at the optimal angle). */
    public static double minimumSpeedMps(double r0M, double psiRad, double r1M) {
        double lo = 1.0;
        double hi = Math.sqrt(2.0 * Earth.MU_M3_S2 / r0M) * 0.999;
        for (int i = 0; i < 60; i++) {
            double mid = 0.5 * (lo + hi);
            if (maxRange(r0M, mid, r1M)[1] >= psiRad) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }
}

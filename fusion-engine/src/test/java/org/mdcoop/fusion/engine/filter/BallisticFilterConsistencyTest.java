package org.mdcoop.fusion.engine.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.mdcoop.fusion.engine.Tracker;
import org.mdcoop.fusion.engine.model.BallisticMotionModel;
import org.mdcoop.fusion.engine.model.ConstantVelocityMotionModel;
import org.mdcoop.fusion.engine.model.MotionModel;

class BallisticFilterConsistencyTest {
    private static final int RUNS = 40;
    private static final int STEPS = 150;
    private static final double DT_S = 1.0;
    private static final double SIGMA_M = 150.0;

    /**
     * Average NEES over RUNS Monte Carlo runs is chi-square(6 RUNS)/RUNS distributed for a consistent
     * filter: its two-sided 99 % interval is about 6 +- 2.576 sqrt(12 / RUNS) = [4.59, 7.41] for 40 runs.
     */
    private static final double LOWER = 6 - 2.576 * Math.sqrt(12.0 / RUNS);
    private static final double UPPER = 6 + 2.576 * Math.sqrt(12.0 / RUNS);

    @Test
    void ballisticEkfIsConsistentOnAKnownBallisticTrajectory() {
        double[] anees = runMonteCarlo(new BallisticMotionModel(Tracker.BALLISTIC_PROCESS_NOISE_M2PS3, 2.0));
        // at a few checkpoints along the flight (each an independent average over the runs)
        for (int k : new int[]{20, 60, 100, STEPS - 1}) {
            assertThat(anees[k]).as("ANEES at step %d", k).isBetween(LOWER, UPPER);
        }
    }

    @Test
    void constantVelocityFilterWithSmallProcessNoiseIsInconsistentOnTheSameTrajectory() {
        // proves the check above can fail: ignoring gravity makes the errors far larger than P says
        double[] anees = runMonteCarlo(new ConstantVelocityMotionModel(1.0e-3));
        assertThat(anees[STEPS - 1]).isGreaterThan(UPPER * 10);
    }

    private static double[] runMonteCarlo(MotionModel model) {
        Random rnd = new Random(42);
        double[] sum = new double[STEPS];
        ExtendedKalmanPredictor predictor = new ExtendedKalmanPredictor(model);
        KalmanPositionUpdater updater = new KalmanPositionUpdater();
        BallisticMotionModel truthModel = new BallisticMotionModel(0, 0.05);
        double[] r = {SIGMA_M * SIGMA_M, 0, 0, 0, SIGMA_M * SIGMA_M, 0, 0, 0, SIGMA_M * SIGMA_M};
        double[] pInv = new double[36];
        for (int run = 0; run < RUNS; run++) {
            double[] truth = org.mdcoop.fusion.engine.TrajectoriesAccess.burnout(35 + run * 0.1, 50, 4000, 35, 300);
            double[] x = new double[6];
            double[] p = new double[36];
            double[] sd = {SIGMA_M, SIGMA_M, SIGMA_M, 100, 100, 100};
            for (int i = 0; i < 6; i++) {
                x[i] = truth[i] + sd[i] * rnd.nextGaussian();
                p[i * 6 + i] = sd[i] * sd[i];
            }
            for (int k = 0; k < STEPS; k++) {
                truthModel.propagate(truth, 0, DT_S);
                predictor.predict(x, 0, p, 0, DT_S);
                updater.update(x, 0, p, 0, truth[0] + SIGMA_M * rnd.nextGaussian(),
                        truth[1] + SIGMA_M * rnd.nextGaussian(), truth[2] + SIGMA_M * rnd.nextGaussian(), r, 0);
                sum[k] += nees(x, truth, p, pInv);
            }
        }
        for (int k = 0; k < STEPS; k++) {
            sum[k] /= RUNS;
        }
        return sum;
    }

    /** e^T P^-1 e via Gauss-Jordan on a copy. */
    static double nees(double[] x, double[] truth, double[] p, double[] work) {
        int n = 6;
        double[] a = new double[n * (n + 1)];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i * (n + 1) + j] = p[i * n + j];
            }
            a[i * (n + 1) + n] = x[i] - truth[i];
        }
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int i = c + 1; i < n; i++) {
                if (Math.abs(a[i * (n + 1) + c]) > Math.abs(a[piv * (n + 1) + c])) {
                    piv = i;
                }
            }
            for (int j = 0; j <= n; j++) {
                double t = a[c * (n + 1) + j];
                a[c * (n + 1) + j] = a[piv * (n + 1) + j];
                a[piv * (n + 1) + j] = t;
            }
            for (int i = 0; i < n; i++) {
                if (i == c) {
                    continue;
                }
                double f = a[i * (n + 1) + c] / a[c * (n + 1) + c];
                for (int j = c; j <= n; j++) {
                    a[i * (n + 1) + j] -= f * a[c * (n + 1) + j];
                }
            }
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (x[i] - truth[i]) * a[i * (n + 1) + n] / a[i * (n + 1) + i];
        }
        return s;
    }
}

package org.mdcoop.fusion.engine.filter;

import org.mdcoop.fusion.engine.model.MotionModel;

/**
 * EKF prediction: x = f(x), P = F P F^T + Q with F the model's Jacobian. A negative step predicts back in time
 * (with the process noise of |dt|). Not thread-safe (owns buffers).
 */
public final class ExtendedKalmanPredictor implements Predictor {
    private final MotionModel model;
    private final double[] f = new double[36];
    private final double[] q = new double[36];
    private final double[] tmp = new double[36];

    public ExtendedKalmanPredictor(MotionModel model) {
        this.model = model;
    }

    public MotionModel model() {
        return model;
    }

    @Override
    public void predict(double[] x, int xo, double[] p, int po, double dtSeconds) {
        if (dtSeconds == 0.0) {
            return;
        }
        model.transitionJacobian(x, xo, dtSeconds, f);
        model.propagate(x, xo, dtSeconds);
        // uncertainty grows whichever way the state is moved in time (retrodiction of late reports predicts back)
        model.processNoise(Math.abs(dtSeconds), q);
        Mat.mul(f, 0, p, po, tmp, 0, 6);
        Mat.mulTransB(tmp, 0, f, 0, p, po, 6);
        for (int i = 0; i < 36; i++) {
            p[po + i] += q[i];
        }
        Mat.symmetrise(p, po, 6);
    }
}

package org.mdcoop.fusion.engine.initiation;

import java.util.Arrays;

/**
 * Single-point initiation with a velocity prior: position = the report (its covariance), velocity =
 * zero mean with {@code velocitySigmaMps} per axis. The second associated report then acts as a
 * two-point initiation inside the Kalman filter.
 */
public final class SinglePointInitiator implements Initiator {
    private final double velocitySigmaMps;

    public SinglePointInitiator(double velocitySigmaMps) {
        this.velocitySigmaMps = velocitySigmaMps;
    }

    @Override
    public void initiate(double zx, double zy, double zz, double[] r, int ro, double[] x, int xo, double[] p, int po) {
        x[xo] = zx;
        x[xo + 1] = zy;
        x[xo + 2] = zz;
        x[xo + 3] = 0;
        x[xo + 4] = 0;
        x[xo + 5] = 0;
        Arrays.fill(p, po, po + 36, 0.0);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                p[po + i * 6 + j] = r[ro + i * 3 + j];
            }
            p[po + (i + 3) * 6 + i + 3] = velocitySigmaMps * velocitySigmaMps;
        }
    }
}

package org.mdcoop.fusion.engine.t2t;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class CovarianceIntersectionTest {
    private final CovarianceIntersection ci = new CovarianceIntersection();

    @Test
    void complementaryEstimatesAreWeightedEquallyAndTheFusedOneIsSharper() {
        // a is precise in x, b in y: symmetric problem, so w = 0.5 and P = 2 (Pa^-1 + Pb^-1)^-1
        double[] xa = {10, 0};
        double[] pa = {1, 0, 0, 100};
        double[] xb = {0, 10};
        double[] pb = {100, 0, 0, 1};
        double[] x = new double[2];
        double[] p = new double[4];
        assertThat(ci.fuse(xa, pa, xb, pb, 2, x, p)).isTrue();
        assertThat(ci.lastOmega()).isCloseTo(0.5, offset(1e-6));
        double expectedVar = 1.0 / (0.5 * 1 + 0.5 * 0.01);
        assertThat(p[0]).isCloseTo(expectedVar, offset(1e-6));
        assertThat(p[3]).isCloseTo(expectedVar, offset(1e-6));
        assertThat(p[0] + p[3]).isLessThan(101.0);
        // each coordinate follows the estimate that is precise in it
        assertThat(x[0]).isCloseTo(0.5 * 10 * expectedVar, offset(1e-6));
        assertThat(x[1]).isCloseTo(0.5 * 10 * expectedVar, offset(1e-6));
    }

    @Test
    void aDominatedEstimateIsIgnored() {
        double[] xa = {1, 2, 3};
        double[] pa = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        double[] xb = {50, 50, 50};
        double[] pb = {100, 0, 0, 0, 100, 0, 0, 0, 100};
        double[] x = new double[3];
        double[] p = new double[9];
        ci.fuse(xa, pa, xb, pb, 3, x, p);
        // unlike a Kalman fusion, CI never claims more than the better input when b adds no new direction
        assertThat(ci.lastOmega()).isCloseTo(1.0, offset(1e-3));
        assertThat(p[0]).isCloseTo(1.0, offset(1e-3));
        assertThat(x[0]).isCloseTo(1.0, offset(0.1));
    }
}

package org.mdcoop.fusion.engine.gating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class GatingTest {
    private static double[] state(double x, double y, double z) {
        return new double[]{x, y, z, 0, 0, 0};
    }

    private static double[] cov(double posVarM2) {
        double[] p = new double[36];
        for (int i = 0; i < 6; i++) {
            p[i * 6 + i] = i < 3 ? posVarM2 : 1.0;
        }
        return p;
    }

    private static double[] r(double sigmaM) {
        double v = sigmaM * sigmaM;
        return new double[]{v, 0, 0, 0, v, 0, 0, 0, v};
    }

    @Test
    void mahalanobisDistanceUsesTrackAndMeasurementCovariance() {
        MahalanobisGater gater = new MahalanobisGater(MahalanobisGater.CHI2_3DOF_P9999);
        // S = (300^2 + 400^2) I = 500^2 I: an offset of 3 * 500 m along x is d^2 = 9
        double cost = gater.cost(state(1e6, 2e6, 6e6), 0, cov(300 * 300), 0, 1e6 + 1500, 2e6, 6e6, r(400), 0);
        assertThat(gater.lastDistanceSquared()).isCloseTo(9.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(cost).isCloseTo(9.0 + Math.log(Math.pow(500.0 * 500.0, 3)), org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void reportsOutsideTheChiSquareGateAreRejected() {
        MahalanobisGater gater = new MahalanobisGater(MahalanobisGater.CHI2_3DOF_P999); // 16.266
        double sM = 500.0;
        double inside = Math.sqrt(16.0) * sM;
        double outside = Math.sqrt(16.6) * sM;
        assertThat(gater.cost(state(0, 0, 7e6), 0, cov(300 * 300), 0, 0, inside, 7e6, r(400), 0)).isFinite();
        assertThat(gater.cost(state(0, 0, 7e6), 0, cov(300 * 300), 0, 0, outside, 7e6, r(400), 0))
                .isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void sharpTrackCostsLessThanVagueTrackAtTheSameDistanceSquared() {
        MahalanobisGater gater = new MahalanobisGater();
        double sharp = gater.cost(state(0, 0, 7e6), 0, cov(100), 0, 0, 0, 7e6 + 10, r(10), 0);
        double vague = gater.cost(state(0, 0, 7e6), 0, cov(1e6), 0, 0, 0, 7e6 + 10, r(10), 0);
        assertThat(sharp).isFinite();
        assertThat(sharp).isLessThan(vague);
    }

    @Test
    void gridReturnsItemsInNeighbouringCellsOnly() {
        SpatialGrid grid = new SpatialGrid(10_000.0);
        grid.clear(4);
        grid.insert(0, 5_000, 5_000, 6_400_000);   // same cell as the query
        grid.insert(1, 14_000, 5_000, 6_400_000);  // next cell in x
        grid.insert(2, 35_000, 5_000, 6_400_000);  // three cells away
        grid.insert(3, -6_000, -4_000, 6_395_000); // diagonal neighbour (negative coordinates)
        int[] out = new int[8];
        int n = grid.query(6_000, 5_000, 6_401_000, out, 0);
        int[] found = Arrays.copyOf(out, n);
        Arrays.sort(found);
        assertThat(found).containsExactly(0, 1, 3);
    }

    @Test
    void clearingTheGridForgetsEarlierItems() {
        SpatialGrid grid = new SpatialGrid(10_000.0);
        grid.clear(1);
        grid.insert(7, 0, 0, 0);
        grid.clear(1);
        grid.insert(8, 0, 0, 0);
        int[] out = new int[4];
        assertThat(Arrays.copyOf(out, grid.query(0, 0, 0, out, 0))).containsExactly(8);
    }
}

package org.mdcoop.fusion.engine.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.mdcoop.fusion.engine.ReportBatch;
import org.mdcoop.fusion.engine.model.Earth;
import org.mdcoop.fusion.engine.scenario.Params;
import org.mdcoop.fusion.engine.scenario.Scenario;
import org.mdcoop.fusion.engine.tools.Detections;

class PolarMeasurementTest {
    private static final double R = Earth.RADIUS_M;
    private static final double SR = 20, SAZ = 0.001, SEL = 0.002;

    private static double[] diag(double r, double a, double e) {
        return new double[]{r * r, 0, 0, 0, a * a, 0, 0, 0, e * e};
    }

    private static double[] convert(double r, double az, double el, double[] xyz) {
        double[] cov = new double[9];
        PolarMeasurement.toCartesian(R, 0, 0, r, az, el, diag(SR, SAZ, SEL), 0, xyz, 0, cov, 0, new double[18]);
        return cov;
    }

    @Test
    void dueNorthOnTheHorizonOfASiteAtLatitudeZeroLongitudeZero() {
        // site (R, 0, 0): up = x, east = y, north = z; looking north the range is along z, azimuth along y
        // (r sigma_az = 100 m) and elevation along x (r sigma_el = 200 m)
        double[] xyz = new double[3];
        double[] cov = convert(100_000, 0, 0, xyz);
        assertThat(xyz).containsExactly(new double[]{R, 0, 100_000}, offset(1e-6));
        assertThat(cov).containsExactly(new double[]{200 * 200, 0, 0, 0, 100 * 100, 0, 0, 0, 20 * 20},
                offset(1e-6));
    }

    @Test
    void dueEastThirtyDegreesUp() {
        // az 90 deg, el 30 deg, r 200 km: line of sight (sin 30, cos 30, 0) in (x, y, z); azimuth turns it towards
        // -north = -z with length r cos(el) sigma_az = 173.2 m; elevation towards (cos 30, -sin 30, 0), r sigma_el = 400 m
        double[] xyz = new double[3];
        double[] cov = convert(200_000, Math.PI / 2, Math.PI / 6, xyz);
        double s = 0.5, c = Math.sqrt(3) / 2;
        assertThat(xyz).containsExactly(new double[]{R + 200_000 * s, 200_000 * c, 0}, offset(1e-6));
        double va = Math.pow(200_000 * c * SAZ, 2), ve = Math.pow(200_000 * SEL, 2), vr = SR * SR;
        double xx = vr * s * s + ve * c * c, xy = vr * s * c - ve * c * s, yy = vr * c * c + ve * s * s;
        assertThat(cov).containsExactly(new double[]{xx, xy, 0, xy, yy, 0, 0, 0, va}, offset(1e-6));
        assertThat(va).isCloseTo(173.205 * 173.205, offset(1.0));
    }

    @Test
    void polarToCartesianAndBackIsTheIdentityAndTheJacobiansAreInverse() {
        double sx = 3948435.3, sy = 3061616.8, sz = 3952973.9;
        double[] enu = new double[9], xyz = new double[3], rae = new double[3], dirs = new double[9], h = new double[9];
        double[] cov = new double[9];
        double r = 1_234_567.8, az = 5.5, el = 0.3;
        PolarMeasurement.toCartesian(sx, sy, sz, r, az, el, diag(SR, SAZ, SEL), 0, xyz, 0, cov, 0, new double[18]);
        PolarMeasurement.enuBasis(sx, sy, sz, enu, 0);
        PolarMeasurement.toPolar(sx, sy, sz, xyz[0], xyz[1], xyz[2], enu, 0, rae, 0);
        assertThat(rae).containsExactly(new double[]{r, az, el}, offset(1e-9));
        // H cov H^T = diag(sigma^2): the covariance maps back to the polar one
        PolarMeasurement.directions(enu, 0, az, el, dirs, 0);
        PolarMeasurement.polarJacobian(r, el, dirs, 0, h, 0);
        double[] back = new double[9];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double v = 0;
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 3; j++) {
                        v += h[a * 3 + i] * cov[i * 3 + j] * h[b * 3 + j];
                    }
                }
                back[a * 3 + b] = v;
            }
        }
        assertThat(back[0]).isCloseTo(SR * SR, offset(1e-6));
        assertThat(back[4]).isCloseTo(SAZ * SAZ, offset(1e-14));
        assertThat(back[8]).isCloseTo(SEL * SEL, offset(1e-14));
        assertThat(back[1]).isCloseTo(0, offset(1e-9));
        assertThat(back[5]).isCloseTo(0, offset(1e-15));
    }

    @Test
    void angleDifferencesWrapAroundNorth() {
        assertThat(PolarMeasurement.angleDifference(0.001, 2 * Math.PI - 0.001)).isCloseTo(0.002, offset(1e-12));
        assertThat(PolarMeasurement.angleDifference(2 * Math.PI - 0.001, 0.001)).isCloseTo(-0.002, offset(1e-12));
        assertThat(PolarMeasurement.angleDifference(1.0, 0.5)).isCloseTo(0.5, offset(1e-12));
    }

    @Test
    void theEngineConvertsAGeneratedRadarReportAsTheGeneratorWroteIt() {
        Detections d = Scenario.generate(Params.radar().withMissiles(3).withDurationS(60)).detections();
        ReportBatch batch = new ReportBatch();
        for (int i = 0; i < d.size; i++) {
            assertThat(d.hasPolar(i)).isTrue();
            double[] p = d.polar6;
            batch.addPolar(p[i * 6], p[i * 6 + 1], p[i * 6 + 2], p[i * 6 + 3], p[i * 6 + 4], p[i * 6 + 5],
                    d.site3[i * 3], d.site3[i * 3 + 1], d.site3[i * 3 + 2], 0, 0, false, d.reportId[i]);
            assertThat(new double[]{batch.xM(i), batch.yM(i), batch.zM(i)})
                    .containsExactly(new double[]{d.xM[i], d.yM[i], d.zM[i]}, offset(0.06));
            double[] c = batch.covArray();
            int o = i * 9;
            assertThat(new double[]{c[o], c[o + 1], c[o + 2], c[o + 4], c[o + 5], c[o + 8]})
                    .containsExactly(java.util.Arrays.copyOfRange(d.cov6, i * 6, i * 6 + 6), offset(0.51));
        }
        assertThat(d.size).isGreaterThan(20);
    }

    @Test
    void aPolarReportWithoutPositiveSigmasIsRefused() {
        ReportBatch batch = new ReportBatch();
        assertThatThrownBy(() -> batch.addPolar(1e6, 0, 0, 0, 0.001, 0.001, R, 0, 0, 0, 0, false, "bad"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad");
        assertThatThrownBy(() -> batch.addPolar(-5, 0, 0, 20, 0.001, 0.001, R, 0, 0, 0, 0, false, "neg"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

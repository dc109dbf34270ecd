package org.mdcoop.fusion.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.mdcoop.common.domain.Party;

/**
 * Worked examples for a site on the equator at 0 degrees longitude, (R, 0, 0): there up is +x, east is +y and north
 * is +z, so each polar measurement has a Cartesian equivalent that can be written down by hand.
 */
class PolarReportsTest {

    private static final double R = ReportRules.EARTH_RADIUS_M;
    private static final RadarSite SITE = new RadarSite(R, 0, 0, 40.0, 0.002, 0.003);

    private static Report received(RadarMeasurement m) {
        return new Report("r1", "s1", Party.NATO, Instant.parse("2026-11-26T10:00:00Z"), Double.NaN, Double.NaN,
                Double.NaN, null, null, null, null, null, false, null, m);
    }

    @Test
    void dueNorthOnTheHorizonIsAlongTheSitesNorthWithTheSigmasAlongTheAxes() {
        PolarReports.Resolution res = PolarReports.resolve(
                received(RadarMeasurement.received(100_000, 0, 0, 30.0, 0.001, 0.002)), SITE);

        assertThat(res.refusal()).isNull();
        Report r = res.report();
        assertThat(r.xM()).isCloseTo(R, within(1e-6));
        assertThat(r.yM()).isCloseTo(0, within(1e-6));
        assertThat(r.zM()).isCloseTo(100_000, within(1e-6));
        double[] c = r.covarianceM2();
        assertThat(c[8]).as("range along north").isCloseTo(30 * 30, within(1e-6));
        assertThat(c[4]).as("azimuth across, along east").isCloseTo(Math.pow(100_000 * 0.001, 2), within(1e-6));
        assertThat(c[0]).as("elevation across, along up").isCloseTo(Math.pow(100_000 * 0.002, 2), within(1e-6));
        assertThat(r.sigmaM()).isNull();
        assertThat(r.radar().isResolved()).isTrue();
        assertThat(r.radar().siteXM()).isEqualTo(R);
    }

    @Test
    void eastAndUpAreWhereTheAnglesSay() {
        Report east = PolarReports.resolve(
                received(RadarMeasurement.received(200_000, Math.PI / 2, 0, 30.0, 0.001, 0.002)), SITE).report();
        assertThat(east.yM()).isCloseTo(200_000, within(1e-6));
        assertThat(east.zM()).isCloseTo(0, within(1e-6));

        double el = Math.toRadians(30);
        Report up = PolarReports.resolve(
                received(RadarMeasurement.received(200_000, 0, el, 30.0, 0.001, 0.002)), SITE).report();
        assertThat(up.xM()).isCloseTo(R + 100_000, within(1e-6));
        assertThat(up.zM()).isCloseTo(200_000 * Math.cos(el), within(1e-6));
    }

    @Test
    void sigmasTheReportLeavesOutAreTheSensorsRegisteredOnes() {
        Report r = PolarReports.resolve(received(RadarMeasurement.received(100_000, 0, 0, null, null, 0.001)), SITE)
                .report();

        assertThat(r.radar().sigmaRangeM()).isEqualTo(40.0);
        assertThat(r.radar().sigmaAzimuthRad()).isEqualTo(0.002);
        assertThat(r.radar().sigmaElevationRad()).as("the report's own wins").isEqualTo(0.001);
        assertThat(r.covarianceM2()[8]).isCloseTo(40 * 40, within(1e-6));
    }

    @Test
    void withoutSigmasFromTheReportOrTheRegistryTheReportIsRefused() {
        RadarSite bare = new RadarSite(R, 0, 0, null, null, null);
        PolarReports.Resolution res = PolarReports.resolve(
                received(RadarMeasurement.received(100_000, 0, 0, null, 0.001, 0.001)), bare);

        assertThat(res.report()).isNull();
        assertThat(res.refusal()).startsWith("polar.sigmaRangeM is required");
    }

    @Test
    void aPositionReportIsLeftAsItIs() {
        Report position = new Report("r1", "s1", Party.NATO, Instant.parse("2026-11-26T10:00:00Z"), R, 0, 0, 50.0,
                null, null, null, null, false, null);
        assertThat(PolarReports.resolve(position, SITE).report()).isSameAs(position);
    }

    @Test
    void theMessageFormLeavesTheSiteOutAndAMissingValueIsRefusedNotGuessed() {
        RadarMeasurement m = PolarReports.resolve(
                received(RadarMeasurement.received(100_000, 0.5, 0.1, 30.0, 0.001, 0.002)), SITE).report().radar();
        var message = PolarReports.toMessage(m);
        assertThat(message.rangeM()).isEqualTo(100_000);
        assertThat(message.sigmaElevationRad()).isEqualTo(0.002);
        assertThat(PolarReports.fromMessage(message).isResolved()).isFalse();

        var partial = new org.mdcoop.common.events.SensorReportMessage.Polar(null, 0.5, 0.1, null, null, null);
        assertThat(Double.isNaN(PolarReports.fromMessage(partial).rangeM())).isTrue();
        assertThat(PolarReports.fromMessage(null)).isNull();
    }
}

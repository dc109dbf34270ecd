package org.mdcoop.fusion.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mdcoop.common.domain.Party;

class ReportRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final double R = ReportRules.EARTH_RADIUS_M;
    private final ReportRules rules = new ReportRules(Duration.ofSeconds(5), Duration.ofMinutes(10));

    private static Report at(Instant t, double altitudeM, Double sigma, double[] cov, Double vx, Double vy, Double vz,
            boolean exercise, UUID exerciseId) {
        return new Report("r1", "s1", Party.NATO, t, R + altitudeM, 0, 0, sigma, cov, vx, vy, vz, exercise, exerciseId);
    }

    private static Report plain(Instant t, double altitudeM) {
        return at(t, altitudeM, 50.0, null, null, null, null, false, null);
    }

    @Test
    void aPlausibleReportPasses() {
        assertThat(rules.check(plain(NOW, 100_000), NOW)).isEmpty();
        assertThat(rules.check(at(NOW, 100_000, null, new double[] { 4, 1, 0, 1, 4, 0, 0, 0, 4 }, 1.0, 2.0, 3.0, true,
                UUID.randomUUID()), NOW)).isEmpty();
    }

    @Test
    void timeMayBeAtMostFiveSecondsAheadAndNotOlderThanTheHorizon() {
        assertThat(rules.check(plain(NOW.plusSeconds(5), 1000), NOW)).isEmpty();
        assertThat(rules.check(plain(NOW.plusMillis(5001), 1000), NOW)).hasValueSatisfying(r -> assertThat(r).contains("future"));
        assertThat(rules.check(plain(NOW.minusSeconds(600), 1000), NOW)).isEmpty();
        assertThat(rules.check(plain(NOW.minusSeconds(601), 1000), NOW)).hasValueSatisfying(r -> assertThat(r).contains("horizon"));
    }

    @Test
    void altitudeMustBeBetweenMinusOneAndFiveThousandKilometres() {
        assertThat(rules.check(plain(NOW, -1_000), NOW)).isEmpty();
        assertThat(rules.check(plain(NOW, -1_001), NOW)).isPresent();
        assertThat(rules.check(plain(NOW, 5_000_000), NOW)).isEmpty();
        assertThat(rules.check(plain(NOW, 5_000_001), NOW)).hasValueSatisfying(r -> assertThat(r).contains("altitude"));
    }

    @Test
    void speedIsCheckedOnlyWhenGivenAndMustBeComplete() {
        assertThat(rules.check(at(NOW, 1000, 50.0, null, 12_000.0, 0.0, 0.0, false, null), NOW)).isEmpty();
        assertThat(rules.check(at(NOW, 1000, 50.0, null, 12_000.0, 1.0, 0.0, false, null), NOW))
                .hasValueSatisfying(r -> assertThat(r).contains("speed"));
        assertThat(rules.check(at(NOW, 1000, 50.0, null, 1.0, null, null, false, null), NOW))
                .hasValueSatisfying(r -> assertThat(r).contains("all of"));
    }

    @Test
    void noiseIsEitherSigmaOrAValidCovariance() {
        assertThat(rules.check(at(NOW, 1000, null, null, null, null, null, false, null), NOW)).isPresent();
        assertThat(rules.check(at(NOW, 1000, 50.0, new double[9], null, null, null, false, null), NOW)).isPresent();
        assertThat(rules.check(at(NOW, 1000, -1.0, null, null, null, null, false, null), NOW)).isPresent();
        assertThat(rules.check(at(NOW, 1000, null, new double[] { 4, 1, 0, 2, 4, 0, 0, 0, 4 }, null, null, null, false,
                null), NOW)).hasValueSatisfying(r -> assertThat(r).contains("symmetric"));
        assertThat(rules.check(at(NOW, 1000, null, new double[] { 1, 2, 0, 2, 1, 0, 0, 0, 1 }, null, null, null, false,
                null), NOW)).hasValueSatisfying(r -> assertThat(r).contains("positive definite"));
        assertThat(rules.check(at(NOW, 1000, null, new double[] { 1, 0, 0, 0, 1 }, null, null, null, false, null), NOW))
                .hasValueSatisfying(r -> assertThat(r).contains("9 elements"));
    }

    /** Issue 19: every 2x2 minor of this matrix is positive, yet it has a negative eigenvalue. */
    @Test
    void anIndefiniteCovarianceWhoseMinorsPassIsRefused() {
        double[] indefinite = { 1, 0.9, 0.9, 0.9, 1, -0.9, 0.9, -0.9, 1 };
        assertThat(rules.check(at(NOW, 1000, null, indefinite, null, null, null, false, null), NOW))
                .hasValueSatisfying(r -> assertThat(r).contains("positive definite"));
        assertThat(ReportRules.positiveDefinite(new double[] { 4, 1, 0, 1, 4, 0, 0, 0, 4 })).isTrue();
        assertThat(ReportRules.positiveDefinite(new double[] { 1, 0, 0, 0, 1, 0, 0, 0, 0 })).isFalse();
        assertThat(ReportRules.positiveDefinite(new double[] { 1, 0, 0, 0, 1, 0, 0, 0, Double.POSITIVE_INFINITY }))
                .isFalse();
    }

    /** Issue 19: on Kafka such a report made the archive refuse the batch and the consumer retry it forever. */
    @Test
    void idsThatCannotBeStoredAreRefused() {
        for (String bad : new String[] { "r\u0000", "\ud800", "x\udc00y" }) {
            Report r = new Report(bad, "s1", Party.NATO, NOW, R + 1000, 0, 0, 50.0, null, null, null, null, false, null);
            assertThat(rules.check(r, NOW)).as(bad).hasValueSatisfying(m -> assertThat(m).startsWith("reportId must not"));
            Report s = new Report("r1", bad, Party.NATO, NOW, R + 1000, 0, 0, 50.0, null, null, null, null, false, null);
            assertThat(rules.check(s, NOW)).as(bad).hasValueSatisfying(m -> assertThat(m).startsWith("sensorId must not"));
        }
        assertThat(rules.check(new Report("r-\ud83d\ude80", "s1", Party.NATO, NOW, R + 1000, 0, 0, 50.0, null, null,
                null, null, false, null), NOW)).as("a paired surrogate is fine").isEmpty();
    }

    @Test
    void anInfiniteSigmaIsRefused() {
        assertThat(rules.check(at(NOW, 1000, Double.POSITIVE_INFINITY, null, null, null, null, false, null), NOW))
                .isPresent();
    }

    @Test
    void exerciseReportsCarryTheirExerciseIdAndOnlyThey() {
        assertThat(rules.check(at(NOW, 1000, 50.0, null, null, null, null, true, null), NOW)).isPresent();
        assertThat(rules.check(at(NOW, 1000, 50.0, null, null, null, null, false, UUID.randomUUID()), NOW)).isPresent();
    }

    @Test
    void streamsKeepLiveAndEachExerciseApart() {
        UUID a = UUID.randomUUID();
        assertThat(plain(NOW, 1000).stream()).isEqualTo(Streams.LIVE);
        assertThat(at(NOW, 1000, 50.0, null, null, null, null, true, a).stream()).isEqualTo("exercise:" + a)
                .isNotEqualTo(at(NOW, 1000, 50.0, null, null, null, null, true, UUID.randomUUID()).stream());
    }

    private static Report polar(double xM, Double sigmaM, RadarMeasurement m) {
        return new Report("r1", "s1", Party.NATO, NOW, xM, Double.NaN, Double.NaN, sigmaM, null, null, null, null,
                false, null, m);
    }

    private static RadarMeasurement measured(double rangeM, double azimuthRad, double elevationRad) {
        return RadarMeasurement.received(rangeM, azimuthRad, elevationRad, 30.0, 0.001, 0.001);
    }

    @Test
    void aPolarReportAsReceivedIsCheckedForItsMeasurementNotForAPosition() {
        assertThat(rules.check(polar(Double.NaN, null, measured(1_500_000, 1.0, 0.2)), NOW)).isEmpty();
        // sigmas may be left to the sensor's registration: that is checked once resolved
        assertThat(rules.check(polar(Double.NaN, null,
                RadarMeasurement.received(1_500_000, 1.0, 0.2, null, null, null)), NOW)).isEmpty();
    }

    @Test
    void aPolarReportGivesNoPositionOrNoiseBesideItsMeasurement() {
        assertThat(rules.check(polar(R, null, measured(1_500_000, 1.0, 0.2)), NOW))
                .hasValueSatisfying(r -> assertThat(r).contains("a polar report gives no xM"));
        assertThat(rules.check(polar(Double.NaN, 50.0, measured(1_500_000, 1.0, 0.2)), NOW))
                .hasValueSatisfying(r -> assertThat(r).contains("sigmaM"));
    }

    @Test
    void thePolarFieldAtFaultIsNamed() {
        assertThat(rules.check(polar(Double.NaN, null, measured(0, 1.0, 0.2)), NOW))
                .hasValueSatisfying(r -> assertThat(r).startsWith("polar.rangeM"));
        assertThat(rules.check(polar(Double.NaN, null, measured(50_000_001, 1.0, 0.2)), NOW))
                .hasValueSatisfying(r -> assertThat(r).startsWith("polar.rangeM"));
        assertThat(rules.check(polar(Double.NaN, null, measured(Double.NaN, 1.0, 0.2)), NOW))
                .hasValueSatisfying(r -> assertThat(r).startsWith("polar.rangeM"));
        assertThat(rules.check(polar(Double.NaN, null, measured(1_500_000, 7.0, 0.2)), NOW))
                .hasValueSatisfying(r -> assertThat(r).startsWith("polar.azimuthRad"));
        assertThat(rules.check(polar(Double.NaN, null, measured(1_500_000, 1.0, Math.toRadians(89.5))), NOW))
                .hasValueSatisfying(r -> assertThat(r).startsWith("polar.elevationRad"));
        assertThat(rules.check(polar(Double.NaN, null, measured(1_500_000, 1.0, Double.NaN)), NOW))
                .hasValueSatisfying(r -> assertThat(r).startsWith("polar.elevationRad"));
    }

    @Test
    void aPolarMeasurementsSigmasMustBeKnownAndLikeARadars() {
        assertThat(ReportRules.checkPolarSigmas(RadarMeasurement.received(1e6, 1, 0.2, 30.0, 0.001, 0.002)))
                .isEmpty();
        assertThat(ReportRules.checkPolarSigmas(RadarMeasurement.received(1e6, 1, 0.2, null, 0.001, 0.002)))
                .hasValueSatisfying(r -> assertThat(r).startsWith("polar.sigmaRangeM is required"));
        assertThat(ReportRules.checkPolarSigmas(RadarMeasurement.received(1e6, 1, 0.2, 100_001.0, 0.001, 0.002)))
                .hasValueSatisfying(r -> assertThat(r).startsWith("polar.sigmaRangeM must be"));
        assertThat(ReportRules.checkPolarSigmas(RadarMeasurement.received(1e6, 1, 0.2, 30.0, 0.0, 0.002)))
                .hasValueSatisfying(r -> assertThat(r).startsWith("polar.sigmaAzimuthRad"));
        assertThat(ReportRules.checkPolarSigmas(RadarMeasurement.received(1e6, 1, 0.2, 30.0, 0.001, 0.2)))
                .hasValueSatisfying(r -> assertThat(r).startsWith("polar.sigmaElevationRad"));
    }
}

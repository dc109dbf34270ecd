package org.mdcoop.fusion.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Plausibility rules for a sensor report, the same for REST and Kafka. Framework-free: each check returns the
 * reason a report is refused, or empty when it is acceptable.
 */
public final class ReportRules {

    public static final double EARTH_RADIUS_M = 6_371_000.0;
    public static final double MIN_ALTITUDE_M = -1_000.0;
    public static final double MAX_ALTITUDE_M = 5_000_000.0;
    public static final double MAX_SPEED_MPS = 12_000.0;
    public static final int MAX_ID_LENGTH = 128;
    /** Farther than any early-warning radar sees (a geostationary orbit is 36,000 km up). */
    public static final double MAX_RANGE_M = 50_000_000.0;
    /** A range error above this is no radar's measurement. */
    public static final double MAX_SIGMA_RANGE_M = 100_000.0;
    /** 0.1 rad (5.7 degrees): coarser angles are no radar's measurement. */
    public static final double MAX_SIGMA_ANGLE_RAD = 0.1;
    /** 89 degrees: at the zenith the azimuth says nothing and the conversion to a position is singular. */
    public static final double MAX_ABS_ELEVATION_RAD = Math.toRadians(89);

    private final Duration maxFuture;
    private final Duration horizon;

    public ReportRules(Duration maxFuture, Duration horizon) {
        this.maxFuture = maxFuture;
        this.horizon = horizon;
    }

    /**
     * Everything but the sensor check (which needs the registry). A polar report is checked twice: as received (its
     * measurement's shape) and once {@link PolarReports#resolve resolved} (the position it stands for).
     */
    public Optional<String> check(Report r, Instant now) {
        if (r.reportId() == null || r.reportId().isBlank()) {
            return Optional.of("reportId is required");
        }
        if (r.reportId().length() > MAX_ID_LENGTH) {
            return Optional.of("reportId is longer than " + MAX_ID_LENGTH + " characters");
        }
        if (r.sensorId() == null || r.sensorId().isBlank()) {
            return Optional.of("sensorId is required");
        }
        // PostgreSQL cannot store U+0000 in text, and an unpaired surrogate has no UTF-8 form: such a report could
        // never be archived (on Kafka it stopped the ingest for good, issue 19)
        Optional<String> unstorable = org.mdcoop.common.api.StorableValues.textProblem(r.reportId())
                .map(p -> "reportId " + p)
                .or(() -> org.mdcoop.common.api.StorableValues.textProblem(r.sensorId()).map(p -> "sensorId " + p));
        if (unstorable.isPresent()) {
            return unstorable;
        }
        if (r.t() == null) {
            return Optional.of("t is required");
        }
        if (r.t().isAfter(now.plus(maxFuture))) {
            return Optional.of("t " + r.t() + " is more than " + maxFuture.toSeconds() + " s in the future");
        }
        if (r.t().isBefore(now.minus(horizon))) {
            return Optional.of("t " + r.t() + " is older than the horizon of " + horizon.toSeconds() + " s");
        }
        Optional<String> position = r.radar() != null && !r.radar().isResolved() ? checkPolarShape(r)
                : checkPosition(r);
        if (position.isPresent()) {
            return position;
        }
        boolean anyVelocity = r.vxMps() != null || r.vyMps() != null || r.vzMps() != null;
        if (anyVelocity) {
            if (r.vxMps() == null || r.vyMps() == null || r.vzMps() == null) {
                return Optional.of("velocity needs all of vxMps, vyMps and vzMps");
            }
            if (!finite(r.vxMps(), r.vyMps(), r.vzMps())) {
                return Optional.of("velocity must be finite");
            }
            double speed = Math.sqrt(r.vxMps() * r.vxMps() + r.vyMps() * r.vyMps() + r.vzMps() * r.vzMps());
            if (speed > MAX_SPEED_MPS) {
                return Optional.of(String.format(java.util.Locale.ROOT,
                        "speed %.1f km/s is above 12 km/s", speed / 1000));
            }
        }
        if (r.exercise() != (r.exerciseId() != null)) {
            return Optional.of("an exercise report carries its exerciseId, and only exercise reports do");
        }
        return Optional.empty();
    }

    /**
     * A position report's position and noise; also a polar report once resolved (its position is the measurement's
     * Cartesian equivalent, which must be a plausible place too).
     */
    private static Optional<String> checkPosition(Report r) {
        if (!finite(r.xM(), r.yM(), r.zM())) {
            return Optional.of("position (xM, yM, zM) is required and must be finite, unless the report is polar");
        }
        double altitudeM = Math.sqrt(r.xM() * r.xM() + r.yM() * r.yM() + r.zM() * r.zM()) - EARTH_RADIUS_M;
        if (altitudeM < MIN_ALTITUDE_M || altitudeM > MAX_ALTITUDE_M) {
            return Optional.of(String.format(java.util.Locale.ROOT,
                    "altitude %.1f km is outside -1 to 5,000 km", altitudeM / 1000));
        }
        return checkNoise(r);
    }

    /**
     * The shape of a polar report before it is resolved against the sensor's site: the measurement's values, and no
     * position, sigma or covariance beside it (they follow from the measurement).
     */
    public static Optional<String> checkPolarShape(Report r) {
        RadarMeasurement m = r.radar();
        if (m == null) {
            return Optional.empty();
        }
        if (!Double.isNaN(r.xM()) || !Double.isNaN(r.yM()) || !Double.isNaN(r.zM()) || r.sigmaM() != null
                || r.covarianceM2() != null) {
            return Optional.of("a polar report gives no xM, yM, zM, sigmaM or covariance: its position follows from "
                    + "the measurement and the sensor's registered site");
        }
        if (!(m.rangeM() > 0) || !(m.rangeM() <= MAX_RANGE_M)) {
            return Optional.of("polar.rangeM must be above 0 and at most 50,000 km");
        }
        if (!Double.isFinite(m.azimuthRad()) || Math.abs(m.azimuthRad()) > 2 * Math.PI) {
            return Optional.of("polar.azimuthRad must be a finite angle within -2 pi to 2 pi (from north, clockwise)");
        }
        if (!(Math.abs(m.elevationRad()) <= MAX_ABS_ELEVATION_RAD)) {
            return Optional.of("polar.elevationRad must be within -89 to 89 degrees (in radians)");
        }
        return Optional.empty();
    }

    /** The sigmas of a polar measurement once the registry's nominal ones have filled the gaps. */
    public static Optional<String> checkPolarSigmas(RadarMeasurement m) {
        Optional<String> problem = sigma("polar.sigmaRangeM", m.sigmaRangeM(), MAX_SIGMA_RANGE_M, "100 km");
        if (problem.isEmpty()) {
            problem = sigma("polar.sigmaAzimuthRad", m.sigmaAzimuthRad(), MAX_SIGMA_ANGLE_RAD, "0.1 rad");
        }
        if (problem.isEmpty()) {
            problem = sigma("polar.sigmaElevationRad", m.sigmaElevationRad(), MAX_SIGMA_ANGLE_RAD, "0.1 rad");
        }
        return problem;
    }

    private static Optional<String> sigma(String field, Double v, double max, String maxText) {
        if (v == null) {
            return Optional.of(field + " is required: neither the report nor the sensor's registration gives it");
        }
        if (!(v > 0) || !(v <= max)) {
            return Optional.of(field + " must be above 0 and at most " + maxText);
        }
        return Optional.empty();
    }

    private static Optional<String> checkNoise(Report r) {
        boolean sigma = r.sigmaM() != null;
        boolean cov = r.covarianceM2() != null;
        if (sigma == cov) {
            return Optional.of("give either sigmaM or covariance (3x3, m^2), not both or neither");
        }
        if (sigma) {
            if (!Double.isFinite(r.sigmaM()) || !(r.sigmaM() > 0) || !(r.sigmaM() <= 1_000_000)) {
                return Optional.of("sigmaM must be above 0 and at most 1,000 km");
            }
            return Optional.empty();
        }
        double[] c = r.covarianceM2();
        if (c.length != 9) {
            return Optional.of("covariance must have 9 elements (3x3 row-major, m^2)");
        }
        for (double v : c) {
            if (!Double.isFinite(v)) {
                return Optional.of("covariance must be finite");
            }
        }
        for (int i = 0; i < 3; i++) {
            if (!(c[i * 4] > 0)) {
                return Optional.of("covariance diagonal must be positive");
            }
            for (int j = i + 1; j < 3; j++) {
                double a = c[i * 3 + j];
                double b = c[j * 3 + i];
                if (Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a))) {
                    return Optional.of("covariance must be symmetric");
                }
            }
        }
        if (!positiveDefinite(c)) {
            return Optional.of("covariance must be positive definite");
        }
        return Optional.empty();
    }

    /**
     * Cholesky of the symmetric 3x3 (upper triangle used): every pivot above 0. Pairwise 2x2 minors are not enough
     * ({@code [[1,.9,-.9],[.9,1,.9],[-.9,.9,1]]} passes them and has a negative eigenvalue).
     */
    static boolean positiveDefinite(double[] c) {
        double l00 = c[0];
        if (!(l00 > 0)) {
            return false;
        }
        double a = Math.sqrt(l00);
        double l10 = c[1] / a;
        double l20 = c[2] / a;
        double d1 = c[4] - l10 * l10;
        if (!(d1 > 0)) {
            return false;
        }
        double b = Math.sqrt(d1);
        double l21 = (c[5] - l20 * l10) / b;
        double d2 = c[8] - l20 * l20 - l21 * l21;
        return d2 > 0 && Double.isFinite(d2);
    }

    private static boolean finite(double... values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}

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

    private final Duration maxFuture;
    private final Duration horizon;

    public ReportRules(Duration maxFuture, Duration horizon) {
        this.maxFuture = maxFuture;
        this.horizon = horizon;
    }

    /** Everything but the sensor check (which needs the registry). */
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
        if (!finite(r.xM(), r.yM(), r.zM())) {
            return Optional.of("position must be finite");
        }
        double altitudeM = Math.sqrt(r.xM() * r.xM() + r.yM() * r.yM() + r.zM() * r.zM()) - EARTH_RADIUS_M;
        if (altitudeM < MIN_ALTITUDE_M || altitudeM > MAX_ALTITUDE_M) {
            return Optional.of(String.format(java.util.Locale.ROOT,
                    "altitude %.1f km is outside -1 to 5,000 km", altitudeM / 1000));
        }
        Optional<String> noise = checkNoise(r);
        if (noise.isPresent()) {
            return noise;
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

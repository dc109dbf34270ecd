package org.mdcoop.fusion.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.mdcoop.common.domain.ValidationFailed;
import org.mdcoop.fusion.domain.Geodesy;
import org.mdcoop.fusion.domain.ReportRules;
import org.mdcoop.fusion.domain.SensorType;
import org.mdcoop.fusion.service.SensorDefinition;

/** Sensor registry requests. The location is given either geodetically (lat, lon, alt) or in ECEF (x, y, z). */
public final class SensorRequests {

    private SensorRequests() {
    }

    public record SensorRegistration(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "letters, digits and . _ : - only") String id,
            @NotNull SensorType type,
            Double latDeg, Double lonDeg, Double altM,
            Double xM, Double yM, Double zM,
            @NotNull @Positive Double sigmaM,
            @NotNull @Positive Double revisitS,
            Double sigmaRangeM, Double sigmaAzimuthRad, Double sigmaElevationRad) {

        SensorDefinition toDefinition() {
            return definition(type, latDeg, lonDeg, altM, xM, yM, zM, sigmaM, revisitS, sigmaRangeM, sigmaAzimuthRad,
                    sigmaElevationRad);
        }
    }

    /** @param version the version read, for optimistic locking (optional) */
    public record SensorChange(
            @NotNull SensorType type,
            Double latDeg, Double lonDeg, Double altM,
            Double xM, Double yM, Double zM,
            @NotNull @Positive Double sigmaM,
            @NotNull @Positive Double revisitS,
            Double sigmaRangeM, Double sigmaAzimuthRad, Double sigmaElevationRad,
            Long version) {

        SensorDefinition toDefinition() {
            return definition(type, latDeg, lonDeg, altM, xM, yM, zM, sigmaM, revisitS, sigmaRangeM, sigmaAzimuthRad,
                    sigmaElevationRad);
        }
    }

    private static final double MAX_SENSOR_ALTITUDE_M = 50_000_000.0;
    /** The same ceiling as a report's sigmaM (ReportRules): 1,000 km. */
    static final double MAX_SIGMA_M = 1_000_000.0;
    /** A day between scans is already no radar. */
    static final double MAX_REVISIT_S = 86_400.0;

    static SensorDefinition definition(SensorType type, Double lat, Double lon, Double alt, Double x, Double y, Double z,
            double sigmaM, double revisitS, Double sigmaRangeM, Double sigmaAzimuthRad, Double sigmaElevationRad) {
        List<ValidationFailed.FieldError> errors = new ArrayList<>();
        // @Positive lets Infinity (1e400 in JSON) through: sigmas and revisits must be finite numbers above 0
        require(errors, "sigmaM", sigmaM, Double.MIN_VALUE, MAX_SIGMA_M);
        require(errors, "revisitS", revisitS, Double.MIN_VALUE, MAX_REVISIT_S);
        // a radar's nominal polar errors are optional (its polar reports then carry their own), each within what a
        // report's own sigma may be
        optional(errors, "sigmaRangeM", sigmaRangeM, ReportRules.MAX_SIGMA_RANGE_M);
        optional(errors, "sigmaAzimuthRad", sigmaAzimuthRad, ReportRules.MAX_SIGMA_ANGLE_RAD);
        optional(errors, "sigmaElevationRad", sigmaElevationRad, ReportRules.MAX_SIGMA_ANGLE_RAD);
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        boolean geodetic = lat != null || lon != null || alt != null;
        boolean ecef = x != null || y != null || z != null;
        if (geodetic == ecef) {
            String message = geodetic ? "give the location either as latDeg/lonDeg/altM or as xM/yM/zM, not both"
                    : "a location is required: latDeg/lonDeg/altM or xM/yM/zM";
            errors.add(new ValidationFailed.FieldError("location", message));
            throw new ValidationFailed(errors);
        }
        double[] g;
        double[] e;
        if (geodetic) {
            require(errors, "latDeg", lat, -90, 90);
            require(errors, "lonDeg", lon, -180, 180);
            require(errors, "altM", alt, -500, MAX_SENSOR_ALTITUDE_M);
            if (!errors.isEmpty()) {
                throw new ValidationFailed(errors);
            }
            g = new double[] { lat, lon, alt };
            e = Geodesy.toEcef(lat, lon, alt);
        } else {
            require(errors, "xM", x, -1e8, 1e8);
            require(errors, "yM", y, -1e8, 1e8);
            require(errors, "zM", z, -1e8, 1e8);
            if (!errors.isEmpty()) {
                throw new ValidationFailed(errors);
            }
            e = new double[] { x, y, z };
            g = Geodesy.toGeodetic(x, y, z);
            if (g[2] < -500 || g[2] > MAX_SENSOR_ALTITUDE_M) {
                throw ValidationFailed.of("location", "the ECEF position is not on or above the Earth's surface");
            }
        }
        return new SensorDefinition(type, g[0], g[1], g[2], e[0], e[1], e[2], sigmaM, revisitS, sigmaRangeM,
                sigmaAzimuthRad, sigmaElevationRad);
    }

    private static void optional(List<ValidationFailed.FieldError> errors, String field, Double v, double max) {
        if (v != null) {
            require(errors, field, v, Double.MIN_VALUE, max);
        }
    }

    private static void require(List<ValidationFailed.FieldError> errors, String field, Double v, double min, double max) {
        if (v == null) {
            errors.add(new ValidationFailed.FieldError(field, "is required"));
        } else if (!Double.isFinite(v) || v < min || v > max) {
            errors.add(new ValidationFailed.FieldError(field, min == Double.MIN_VALUE
                    ? "must be a finite number above 0 and at most " + max
                    : "must be between " + min + " and " + max));
        }
    }
}

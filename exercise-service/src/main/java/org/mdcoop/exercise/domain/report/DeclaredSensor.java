package org.mdcoop.exercise.domain.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.mdcoop.common.domain.Party;
import org.mdcoop.common.domain.ValidationFailed;
import org.mdcoop.common.domain.ValidationFailed.FieldError;
import org.mdcoop.exercise.domain.physics.Earth;

/**
 * A sensor declared for an exercise: position in the Earth-centred frame (m), isotropic 1-σ position noise (m),
 * revisit period (s), optional maximum range (m, null = unlimited) and phase (s after the exercise start of its first
 * scan; 0 = scans at start, start+revisit, ...). Sensors only see objects above their horizon (line of sight not
 * blocked by the Earth sphere).
 */
public record DeclaredSensor(String sensorId, Party party, double xM, double yM, double zM, double sigmaM,
        double revisitS, Double maxRangeM, double phaseS) {

    public static final double MIN_REVISIT_S = 0.1;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** A sensor at a geocentric latitude/longitude (degrees) and altitude (m) above the 6,371 km sphere. */
    public static DeclaredSensor atGeodetic(String sensorId, Party party, double latDeg, double lonDeg, double altM,
            double sigmaM, double revisitS, Double maxRangeM, double phaseS) {
        double[] p = Earth.toCartesian(latDeg, lonDeg, altM);
        return new DeclaredSensor(sensorId, party, p[0], p[1], p[2], sigmaM, revisitS, maxRangeM, phaseS);
    }

    /** Field checks with paths {@code <prefix>[i].field}; sensor ids must be unique (they appear in report ids). */
    public static List<FieldError> validate(List<DeclaredSensor> sensors, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (sensors == null) {
            errors.add(new FieldError(prefix, "must not be null"));
            return errors;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < sensors.size(); i++) {
            String p = prefix + "[" + i + "]";
            DeclaredSensor s = sensors.get(i);
            if (s == null) {
                errors.add(new FieldError(p, "must not be null"));
                continue;
            }
            if (s.sensorId() == null || !ID.matcher(s.sensorId()).matches()) {
                errors.add(new FieldError(p + ".sensorId", "1-64 characters of A-Z a-z 0-9 . _ : -"));
            } else if (!ids.add(s.sensorId())) {
                errors.add(new FieldError(p + ".sensorId", "duplicate sensor id " + s.sensorId()));
            }
            if (s.party() == null) {
                errors.add(new FieldError(p + ".party", "must not be null"));
            }
            if (!Double.isFinite(s.xM()) || !Double.isFinite(s.yM()) || !Double.isFinite(s.zM())
                    || Math.sqrt(s.xM() * s.xM() + s.yM() * s.yM() + s.zM() * s.zM()) < Earth.RADIUS_M - 1_000.0) {
                errors.add(new FieldError(p + ".xM", "position must be on or above the Earth's surface"));
            }
            if (!(s.sigmaM() > 0) || !Double.isFinite(s.sigmaM())) {
                errors.add(new FieldError(p + ".sigmaM", "must be greater than 0"));
            }
            if (!(s.revisitS() >= MIN_REVISIT_S) || !Double.isFinite(s.revisitS())) {
                errors.add(new FieldError(p + ".revisitS", "must be at least " + MIN_REVISIT_S + " s"));
            }
            if (s.maxRangeM() != null && !(s.maxRangeM() > 0)) {
                errors.add(new FieldError(p + ".maxRangeM", "must be greater than 0 when given"));
            }
            if (!(s.phaseS() >= 0) || !Double.isFinite(s.phaseS())) {
                errors.add(new FieldError(p + ".phaseS", "must be at least 0"));
            }
        }
        return errors;
    }

    public static void requireValid(List<DeclaredSensor> sensors, String prefix) {
        List<FieldError> errors = validate(sensors, prefix);
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
    }

    /** Whether the sensor sees a point: within max range and with the line of sight clear of the Earth sphere. */
    public boolean sees(double x, double y, double z) {
        double dx = x - xM;
        double dy = y - yM;
        double dz = z - zM;
        double len2 = dx * dx + dy * dy + dz * dz;
        if (maxRangeM != null && len2 > maxRangeM * maxRangeM) {
            return false;
        }
        if (len2 == 0) {
            return true;
        }
        // closest approach of the segment sensor -> target to the Earth's centre
        double u = -(xM * dx + yM * dy + zM * dz) / len2;
        u = Math.max(0.0, Math.min(1.0, u));
        double cx = xM + u * dx;
        double cy = yM + u * dy;
        double cz = zM + u * dz;
        return Math.sqrt(cx * cx + cy * cy + cz * cz) >= Earth.RADIUS_M - 1.0;
    }
}

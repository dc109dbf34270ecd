package org.mdcoop.exercise.service;

import java.util.ArrayList;
import java.util.List;

import org.mdcoop.common.domain.Party;
import org.mdcoop.common.domain.ValidationFailed.FieldError;
import org.mdcoop.exercise.domain.report.DeclaredSensor;

/**
 * A sensor declared for an exercise, as planners write it: geocentric latitude/longitude (degrees) and altitude (m)
 * on the 6,371 km sphere, isotropic 1-σ position noise (m), revisit period (s), optional maximum range (m) and phase
 * (s). The fusion centre must have a sensor with the same id registered for the same party, or it rejects the
 * reports.
 */
public record SensorSpec(String sensorId, Party party, Double latDeg, Double lonDeg, Double altM, Double sigmaM,
        Double revisitS, Double maxRangeM, Double phaseS) {

    public static final int MAX_SENSORS = 50;
    public static final double MAX_ALTITUDE_M = 100_000.0;

    /** Field errors with paths {@code <prefix>[i].field}; checks the geometry here and the rest in the domain. */
    public static List<FieldError> validate(List<SensorSpec> sensors, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (sensors == null) {
            return errors; // the defaults apply
        }
        if (sensors.isEmpty()) {
            errors.add(new FieldError(prefix, "at least one sensor (omit the list for the default set)"));
            return errors;
        }
        if (sensors.size() > MAX_SENSORS) {
            errors.add(new FieldError(prefix, "at most " + MAX_SENSORS + " sensors"));
            return errors;
        }
        List<DeclaredSensor> declared = new ArrayList<>();
        for (int i = 0; i < sensors.size(); i++) {
            String p = prefix + "[" + i + "]";
            SensorSpec s = sensors.get(i);
            if (s == null) {
                errors.add(new FieldError(p, "must not be null"));
                declared.add(null);
                continue;
            }
            range(s.latDeg, -90, 90, p + ".latDeg", errors);
            range(s.lonDeg, -180, 180, p + ".lonDeg", errors);
            range(s.altM, -500, MAX_ALTITUDE_M, p + ".altM", errors);
            if (s.sigmaM == null) {
                errors.add(new FieldError(p + ".sigmaM", "must not be null"));
            }
            if (s.revisitS == null) {
                errors.add(new FieldError(p + ".revisitS", "must not be null"));
            }
            declared.add(s.toDeclaredLenient());
        }
        for (FieldError e : DeclaredSensor.validate(declared, prefix)) {
            // position problems are reported on the geodetic fields above; null sensors were reported already
            if (!e.field().endsWith(".xM") && !(e.message().equals("must not be null") && !e.field().contains("."))) {
                if (errors.stream().noneMatch(x -> x.field().equals(e.field()))) {
                    errors.add(e);
                }
            }
        }
        return errors;
    }

    private static void range(Double v, double min, double max, String field, List<FieldError> errors) {
        if (v == null || !Double.isFinite(v) || v < min || v > max) {
            errors.add(new FieldError(field, "must be between " + fmt(min) + " and " + fmt(max)));
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private DeclaredSensor toDeclaredLenient() {
        double lat = latDeg == null ? 0 : latDeg;
        double lon = lonDeg == null ? 0 : lonDeg;
        double alt = altM == null ? 0 : altM;
        return DeclaredSensor.atGeodetic(sensorId, party, lat, lon, alt, sigmaM == null ? 1 : sigmaM,
                revisitS == null ? 1 : revisitS, maxRangeM, phaseS == null ? 0 : phaseS);
    }

    /** The domain sensor (after {@link #validate}). */
    public DeclaredSensor toDeclared() {
        return DeclaredSensor.atGeodetic(sensorId, party, latDeg, lonDeg, altM, sigmaM, revisitS, maxRangeM,
                phaseS == null ? 0.0 : phaseS);
    }
}

package org.mdcoop.transparency.domain.observation;

import java.util.EnumMap;
import java.util.Map;

import org.mdcoop.transparency.domain.FieldErrors;

/**
 * Values of one test, declared by the host or measured by an observer. Every field is optional (null = not
 * declared/measured), but at least one must be present. Plausibility limits: altitude ≤ 5,000 km, range ≤ 20,000 km,
 * burnout velocity in (0, 12] km/s, flight time in (0, 7,200] s, miss distance in [0, 100,000] m.
 */
public record Measurements(Double interceptAltitudeKm, Double interceptRangeKm, Double burnoutVelocityKmS,
        Double flightTimeS, Double missDistanceM) {

    public Double get(Quantity q) {
        return switch (q) {
            case INTERCEPT_ALTITUDE_KM -> interceptAltitudeKm;
            case INTERCEPT_RANGE_KM -> interceptRangeKm;
            case BURNOUT_VELOCITY_KM_S -> burnoutVelocityKmS;
            case FLIGHT_TIME_S -> flightTimeS;
            case MISS_DISTANCE_M -> missDistanceM;
        };
    }

    public Map<Quantity, Double> asMap() {
        Map<Quantity, Double> m = new EnumMap<>(Quantity.class);
        for (Quantity q : Quantity.values()) {
            if (get(q) != null) {
                m.put(q, get(q));
            }
        }
        return m;
    }

    public void validate(String path, FieldErrors errors) {
        if (asMap().isEmpty()) {
            errors.add(path.isEmpty() ? "measurements" : path, "must contain at least one value");
            return;
        }
        if (interceptAltitudeKm != null) {
            errors.range(FieldErrors.join(path, "interceptAltitudeKm"), interceptAltitudeKm, 0, 5_000);
        }
        if (interceptRangeKm != null) {
            errors.range(FieldErrors.join(path, "interceptRangeKm"), interceptRangeKm, 0, 20_000);
        }
        if (burnoutVelocityKmS != null) {
            errors.positiveUpTo(FieldErrors.join(path, "burnoutVelocityKmS"), burnoutVelocityKmS, 12);
        }
        if (flightTimeS != null) {
            errors.positiveUpTo(FieldErrors.join(path, "flightTimeS"), flightTimeS, 7_200);
        }
        if (missDistanceM != null) {
            errors.range(FieldErrors.join(path, "missDistanceM"), missDistanceM, 0, 100_000);
        }
    }
}

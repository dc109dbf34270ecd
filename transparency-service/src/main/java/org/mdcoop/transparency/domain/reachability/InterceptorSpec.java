package org.mdcoop.transparency.domain.reachability;

import org.mdcoop.transparency.domain.FieldErrors;
import org.mdcoop.transparency.domain.LatLon;
import org.mdcoop.transparency.domain.disclosure.InterceptorPerformanceContent;

/**
 * The interceptor being assessed: its site (on the surface) and burnout velocity, plus optional declared caps (from
 * an INTERCEPTOR_PERFORMANCE disclosure) that further limit the kinematic envelope.
 */
public record InterceptorSpec(LatLon site, Double burnoutVelocityKmS, Double maxRangeKm, Double maxAltitudeKm) {

    public static InterceptorSpec of(double lat, double lon, double burnoutVelocityKmS) {
        return new InterceptorSpec(LatLon.of(lat, lon), burnoutVelocityKmS, null, null);
    }

    /** From a disclosed interceptor type (its burnout velocity, max range and max altitude) at a site. */
    public static InterceptorSpec fromDisclosure(LatLon site, InterceptorPerformanceContent.Interceptor declared) {
        return new InterceptorSpec(site, declared.burnoutVelocityKmS(), declared.maxRangeKm(),
                declared.maxAltitudeKm());
    }

    public void validate(String path, FieldErrors errors) {
        if (errors.required(FieldErrors.join(path, "site"), site)) {
            site.validate(FieldErrors.join(path, "site"), errors);
        }
        errors.positiveUpTo(FieldErrors.join(path, "burnoutVelocityKmS"), burnoutVelocityKmS, 12);
        if (maxRangeKm != null) {
            errors.positiveUpTo(FieldErrors.join(path, "maxRangeKm"), maxRangeKm, 20_000);
        }
        if (maxAltitudeKm != null) {
            errors.positiveUpTo(FieldErrors.join(path, "maxAltitudeKm"), maxAltitudeKm, 5_000);
        }
    }
}

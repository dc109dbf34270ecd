package org.mdcoop.transparency.domain;

/**
 * A point on the Earth's surface in degrees (WGS-84 latitude/longitude; the physics treats the Earth as a sphere).
 * Boxed so that a missing JSON field arrives as {@code null} and is reported, not silently read as 0.
 */
public record LatLon(Double lat, Double lon) {

    public static LatLon of(double lat, double lon) {
        return new LatLon(lat, lon);
    }

    public void validate(String path, FieldErrors errors) {
        errors.latitude(FieldErrors.join(path, "lat"), lat);
        errors.longitude(FieldErrors.join(path, "lon"), lon);
    }
}

package org.mdcoop.exercise.domain.physics;

/** A point on the spherical Earth: geocentric latitude and longitude in degrees. */
public record GeoPoint(double latDeg, double lonDeg) {

    public static GeoPoint of(double latDeg, double lonDeg) {
        return new GeoPoint(latDeg, lonDeg);
    }
}

package org.mdcoop.transparency.domain.reachability;

/** Latitude/longitude in degrees and altitude above the spherical Earth in km. */
public record GeoPosition(double latDeg, double lonDeg, double altitudeKm) {
}

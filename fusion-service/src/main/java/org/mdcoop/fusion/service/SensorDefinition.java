package org.mdcoop.fusion.service;

import org.mdcoop.fusion.domain.SensorType;

/**
 * What a party states about its sensor; the location is complete (both geodetic and ECEF) once validated. The polar
 * sigmas are a radar's nominal measurement errors (null when not given).
 */
public record SensorDefinition(SensorType type, double latDeg, double lonDeg, double altM, double xM, double yM,
        double zM, double sigmaM, double revisitS, Double sigmaRangeM, Double sigmaAzimuthRad,
        Double sigmaElevationRad) {
}

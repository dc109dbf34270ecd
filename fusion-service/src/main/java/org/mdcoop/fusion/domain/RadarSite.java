package org.mdcoop.fusion.domain;

/**
 * Where a registered sensor stands (Earth-centred, m) and the polar errors its owner registered as nominal (null
 * when not registered: then every polar report of it must carry its sigmas).
 */
public record RadarSite(double xM, double yM, double zM, Double sigmaRangeM, Double sigmaAzimuthRad,
        Double sigmaElevationRad) {
}

package org.mdcoop.fusion.domain;

/**
 * A radar's polar measurement of a position: range (m), azimuth (rad from north, clockwise) and elevation (rad above
 * the local horizontal) from the sensor's site in its East-North-Up frame, with 1-sigma errors. As received, a sigma
 * may be null (the sensor's registered nominal one applies) and the site is unknown (NaN); {@link #resolved} fills
 * both from the registry, never from the report.
 */
public record RadarMeasurement(
        double rangeM,
        double azimuthRad,
        double elevationRad,
        Double sigmaRangeM,
        Double sigmaAzimuthRad,
        Double sigmaElevationRad,
        double siteXM,
        double siteYM,
        double siteZM) {

    /** As a report gives it: the site is the registry's to tell. */
    public static RadarMeasurement received(double rangeM, double azimuthRad, double elevationRad, Double sigmaRangeM,
            Double sigmaAzimuthRad, Double sigmaElevationRad) {
        return new RadarMeasurement(rangeM, azimuthRad, elevationRad, sigmaRangeM, sigmaAzimuthRad, sigmaElevationRad,
                Double.NaN, Double.NaN, Double.NaN);
    }

    /** With the sensor's site and, for each sigma the report left out, the sensor's nominal one (may be null). */
    public RadarMeasurement resolved(RadarSite site) {
        return new RadarMeasurement(rangeM, azimuthRad, elevationRad,
                sigmaRangeM != null ? sigmaRangeM : site.sigmaRangeM(),
                sigmaAzimuthRad != null ? sigmaAzimuthRad : site.sigmaAzimuthRad(),
                sigmaElevationRad != null ? sigmaElevationRad : site.sigmaElevationRad(),
                site.xM(), site.yM(), site.zM());
    }

    public boolean isResolved() {
        return !Double.isNaN(siteXM);
    }
}

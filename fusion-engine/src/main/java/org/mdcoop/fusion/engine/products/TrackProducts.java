package org.mdcoop.fusion.engine.products;

import java.util.List;

/**
 * What the fusion centre publishes for one confirmed track. Positions in the Earth-centred frame
 * (ECEF axes, m), geodetic values on the 6,371 km sphere (geocentric latitude), times in seconds of
 * the input time base.
 *
 * @param state      x, y, z (m), vx, vy, vz (m/s)
 * @param covariance     6x6 row-major (m, m/s)
 * @param updates        reports associated so far (quality)
 * @param positionSigmaM sqrt(trace of the position covariance) (quality)
 */
public record TrackProducts(
        long trackId,
        double tSeconds,
        double[] state,
        double[] covariance,
        double latDeg,
        double lonDeg,
        double altitudeM,
        double speedMps,
        int updates,
        double positionSigmaM,
        List<String> parties,
        List<String> sensors,
        boolean exercise,
        SurfacePoint launchPoint,
        ImpactPrediction impact,
        double groundRangeM,
        MissileClass missileClass,
        double classConfidence) {

    /**
     * A point on the sphere's surface and the time the trajectory crosses it; {@code sigmaM} is the 1-sigma radius of
     * its uncertainty (spread of the state's sigma points, m).
     */
    public record SurfacePoint(double latDeg, double lonDeg, double tSeconds, double sigmaM) {
    }

    /**
     * Predicted impact (mean over sigma points) with its 1-sigma uncertainty ellipse in the local
     * horizontal plane; {@code orientationDeg} is the azimuth of the major axis, clockwise from north.
     */
    public record ImpactPrediction(double latDeg, double lonDeg, double tSeconds, double timeSigmaSeconds,
                                   double semiMajorM, double semiMinorM, double orientationDeg) {
    }
}

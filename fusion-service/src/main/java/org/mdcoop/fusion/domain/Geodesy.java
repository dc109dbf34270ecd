package org.mdcoop.fusion.domain;

/** Geodetic values on the 6,371 km sphere the engine uses (geocentric latitude). */
public final class Geodesy {

    private Geodesy() {
    }

    public static double[] toEcef(double latDeg, double lonDeg, double altM) {
        double lat = Math.toRadians(latDeg);
        double lon = Math.toRadians(lonDeg);
        double r = ReportRules.EARTH_RADIUS_M + altM;
        return new double[] { r * Math.cos(lat) * Math.cos(lon), r * Math.cos(lat) * Math.sin(lon), r * Math.sin(lat) };
    }

    /** lat (deg), lon (deg), altitude (m). */
    public static double[] toGeodetic(double xM, double yM, double zM) {
        double r = Math.sqrt(xM * xM + yM * yM + zM * zM);
        return new double[] { Math.toDegrees(Math.asin(zM / r)), Math.toDegrees(Math.atan2(yM, xM)),
                r - ReportRules.EARTH_RADIUS_M };
    }
}

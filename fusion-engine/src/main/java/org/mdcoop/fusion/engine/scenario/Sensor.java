package org.mdcoop.fusion.engine.scenario;

import java.util.List;

import org.mdcoop.fusion.engine.model.Earth;

/**
 * One radar of a generated scenario: site (Earth-centred, m), isotropic 1-sigma error per axis (m),
 * revisit and first-scan phase (s, whole milliseconds), delivery delay (s) and coverage.
 *
 * @param maxRangeM slant range beyond which the sensor sees nothing (0 = unlimited)
 * @param radar     null: the sensor reports its position with {@code sigmaM} per axis; otherwise it measures
 *                  range, azimuth and elevation from its site with these errors (and {@code sigmaM} is only a
 *                  nominal figure for readers that ignore the per-report covariance)
 */
public record Sensor(String sensorId, String party, double xM, double yM, double zM, double sigmaM,
                     double revisitS, double phaseS, double delayS, double maxRangeM, Radar radar) {

    /**
     * A radar's 1-sigma measurement errors: range (m), azimuth from north clockwise and elevation above the local
     * horizontal (rad), in the site's East-North-Up frame.
     */
    public record Radar(double sigmaRangeM, double sigmaAzRad, double sigmaElRad) {
        public Radar {
            if (!(sigmaRangeM > 0) || !(sigmaAzRad > 0) || !(sigmaElRad > 0) || sigmaAzRad > 0.1 || sigmaElRad > 0.1) {
                throw new IllegalArgumentException("radar sigmas must be > 0 (angles at most 0.1 rad)");
            }
        }
    }

    /** A radar's constant measurement bias (what registration has to estimate): range m, azimuth and elevation rad. */
    public record Bias(double rangeM, double azRad, double elRad) {
        public static final Bias NONE = new Bias(0, 0, 0);
    }

    /** A sensor that reports Cartesian positions with isotropic noise (no radar model). */
    public Sensor(String sensorId, String party, double xM, double yM, double zM, double sigmaM,
                  double revisitS, double phaseS, double delayS, double maxRangeM) {
        this(sensorId, party, xM, yM, zM, sigmaM, revisitS, phaseS, delayS, maxRangeM, null);
    }

    /**
     * The fusion centre's four demo sensors (same ids, sites, sigma and revisit as the sensors the
     * exercise-service declares by default), phases 0.1 s apart so no two sensors scan at the same t.
     */
    public static final List<Sensor> DEFAULTS = List.of(
            new Sensor("NATO-1", "NATO", 3948435.3, 3061616.8, 3952973.9, 80.0, 1.0, 0.0, 0.1, 0),
            new Sensor("NATO-2", "NATO", 4167953.2, 1890667.4, 4432063.1, 150.0, 2.0, 0.1, 0.3, 0),
            new Sensor("RUSSIA-1", "RUSSIA", 3405133.5, 2957951.3, 4499470.1, 300.0, 4.0, 0.2, 0.5, 0),
            new Sensor("RUSSIA-2", "RUSSIA", 3434325.2, 1285408.1, 5209873.1, 200.0, 3.0, 0.3, 0.2, 0));

    /**
     * The same four sites, revisits, phases and delays as radars: range sigma 20-60 m, angle sigmas 1-2 mrad (the
     * cross-range error at 1,000 km, 1-2 km, is {@code sigmaM}).
     */
    public static final List<Sensor> RADARS = List.of(
            DEFAULTS.get(0).withRadar(new Radar(20.0, 0.0010, 0.0012), 1_000.0),
            DEFAULTS.get(1).withRadar(new Radar(30.0, 0.0012, 0.0015), 1_300.0),
            DEFAULTS.get(2).withRadar(new Radar(60.0, 0.0020, 0.0020), 2_000.0),
            DEFAULTS.get(3).withRadar(new Radar(45.0, 0.0015, 0.0015), 1_500.0));

    public Sensor {
        if (sensorId == null || sensorId.isBlank() || party == null || party.isBlank()) {
            throw new IllegalArgumentException("sensor id and party are required");
        }
        if (!(sigmaM > 0) || !(revisitS >= 0.001) || !(phaseS >= 0) || !(delayS >= 0) || !(maxRangeM >= 0)) {
            throw new IllegalArgumentException("sensor " + sensorId + ": sigma > 0, revisit >= 1 ms, phase, delay "
                    + "and max range >= 0 required");
        }
    }

    /** A sensor on the sphere's surface at geocentric (lat, lon). */
    public static Sensor onSurface(String sensorId, String party, double latDeg, double lonDeg, double sigmaM,
                                   double revisitS, double phaseS, double delayS, double maxRangeM) {
        double[] u = Geo.unit(latDeg, lonDeg);
        double r = Earth.RADIUS_M;
        return new Sensor(sensorId, party, r * u[0], r * u[1], r * u[2], sigmaM, revisitS, phaseS, delayS, maxRangeM);
    }

    public Sensor withDelayS(double d) {
        return new Sensor(sensorId, party, xM, yM, zM, sigmaM, revisitS, phaseS, d, maxRangeM, radar);
    }

    public Sensor withMaxRangeM(double m) {
        return new Sensor(sensorId, party, xM, yM, zM, sigmaM, revisitS, phaseS, delayS, m, radar);
    }

    /** This sensor as a radar with the given errors ({@code nominalSigmaM} for readers that ignore covariances). */
    public Sensor withRadar(Radar r, double nominalSigmaM) {
        return new Sensor(sensorId, party, xM, yM, zM, nominalSigmaM, revisitS, phaseS, delayS, maxRangeM, r);
    }

    public boolean isRadar() {
        return radar != null;
    }

    public boolean covers(double x, double y, double z) {
        if (maxRangeM == 0) {
            return true;
        }
        double dx = x - xM, dy = y - yM, dz = z - zM;
        return dx * dx + dy * dy + dz * dz <= maxRangeM * maxRangeM;
    }

    public double latDeg() {
        return Geo.latDeg(xM, yM, zM);
    }

    public double lonDeg() {
        return Geo.lonDeg(xM, yM, zM);
    }

    long revisitMs() {
        return Math.round(revisitS * 1000);
    }

    long phaseMs() {
        return Math.round(phaseS * 1000);
    }
}

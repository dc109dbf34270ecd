package org.mdcoop.common.events;

import java.time.Instant;
import java.util.UUID;

import org.mdcoop.common.domain.Party;

/**
 * Payload of a {@code fusion.sensor-report} event on {@code fusion.sensor-reports} (keyed by its stream,
 * {@link #streamOf}, so that one fusion instance owns each stream): one measurement of a position, metres, seconds
 * and radians. Either a position in the non-rotating Earth-centred frame with ECEF axes ({@code xM}, {@code yM},
 * {@code zM} with {@code sigmaM} (isotropic) or {@code covariance} (row-major 3x3, m²)), as in the fusion scenario
 * data, or a radar's {@link Polar} measurement from the sensor's registered site (then no position, sigma or
 * covariance: they follow from the measurement). Velocity is optional. Exercise reports are always flagged with their
 * exercise id.
 */
public record SensorReportMessage(
        String reportId,
        String sensorId,
        Party party,
        Instant t,
        Double xM,
        Double yM,
        Double zM,
        Double sigmaM,
        double[] covariance,
        Double vxMps,
        Double vyMps,
        Double vzMps,
        boolean exercise,
        UUID exerciseId,
        Polar polar) {

    public static final String TOPIC = "fusion.sensor-reports";
    public static final String TYPE = "fusion.sensor-report";
    public static final int VERSION = 1;

    /**
     * What a radar measures, from its site in the site's East-North-Up frame: range (m), azimuth (rad from north,
     * clockwise), elevation (rad above the local horizontal), and their 1-sigma errors. A sigma left out is the
     * sensor's registered nominal one.
     */
    public record Polar(Double rangeM, Double azimuthRad, Double elevationRad, Double sigmaRangeM,
            Double sigmaAzimuthRad, Double sigmaElevationRad) {
    }

    /** A position report (no polar measurement). */
    public SensorReportMessage(String reportId, String sensorId, Party party, Instant t, Double xM, Double yM,
            Double zM, Double sigmaM, double[] covariance, Double vxMps, Double vyMps, Double vzMps,
            boolean exercise, UUID exerciseId) {
        this(reportId, sensorId, party, t, xM, yM, zM, sigmaM, covariance, vxMps, vyMps, vzMps, exercise,
                exerciseId, null);
    }

    /** The stream a report belongs to, and its record key: the live picture, or one per exercise. */
    public static String streamOf(UUID exerciseId) {
        return exerciseId == null ? FusedTrackMessage.LIVE_STREAM : "exercise:" + exerciseId;
    }
}

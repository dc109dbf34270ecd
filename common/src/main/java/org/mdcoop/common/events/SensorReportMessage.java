package org.mdcoop.common.events;

import java.time.Instant;
import java.util.UUID;

import org.mdcoop.common.domain.Party;

/**
 * Payload of a {@code fusion.sensor-report} event on {@code fusion.sensor-reports} (keyed by its stream,
 * {@link #streamOf}, so that one fusion instance owns each stream): one
 * position measurement in the non-rotating Earth-centred frame with ECEF axes, metres and seconds, as in the fusion
 * scenario data. Either {@code sigmaM} (isotropic) or {@code covariance} (row-major 3x3, m²) is given; velocity is
 * optional. Exercise reports are always flagged with their exercise id.
 */
public record SensorReportMessage(
        String reportId,
        String sensorId,
        Party party,
        Instant t,
        double xM,
        double yM,
        double zM,
        Double sigmaM,
        double[] covariance,
        Double vxMps,
        Double vyMps,
        Double vzMps,
        boolean exercise,
        UUID exerciseId) {

    public static final String TOPIC = "fusion.sensor-reports";
    public static final String TYPE = "fusion.sensor-report";
    public static final int VERSION = 1;

    /** The stream a report belongs to, and its record key: the live picture, or one per exercise. */
    public static String streamOf(UUID exerciseId) {
        return exerciseId == null ? FusedTrackMessage.LIVE_STREAM : "exercise:" + exerciseId;
    }
}

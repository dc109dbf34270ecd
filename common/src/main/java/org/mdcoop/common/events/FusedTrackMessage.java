package org.mdcoop.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.mdcoop.common.domain.Party;

/**
 * Payload of a {@code fusion.track-updated} event on {@code fusion.tracks} (keyed by track id): one confirmed fused
 * track at one time. Positions and velocities in the non-rotating Earth-centred frame with ECEF axes (m, m/s);
 * geodetic values on the 6,371 km sphere. The common picture: both parties may see it.
 * <p>
 * Version 2 adds what a consumer needs to trust an update: the stream (the live picture or one exercise), the update
 * number (the track's associated reports so far: strictly increasing per track, part of the deterministic event id),
 * the state covariance, the contributing sensors, a quality figure and the launch point's uncertainty. Launch,
 * impact and class are null until computed (beside the fusion worker, within a scan or two of confirmation).
 *
 * @param covariance          state covariance, upper triangle of the 6x6 row by row (21 values: xx, xy, xz, xvx,
 *                            xvy, xvz, yy, ..., vzvz; m², m²/s, m²/s²)
 * @param positionSigmaM      quality: sqrt of the trace of the position covariance (m)
 * @param launchSigmaM        1-sigma radius of the launch point estimate on the surface (m)
 */
public record FusedTrackMessage(
        String trackId,
        Instant t,
        double xM,
        double yM,
        double zM,
        double vxMps,
        double vyMps,
        double vzMps,
        double latDeg,
        double lonDeg,
        double altitudeM,
        double speedMps,
        List<Party> contributingParties,
        String missileClass,
        double classConfidence,
        Double launchLatDeg,
        Double launchLonDeg,
        Double impactLatDeg,
        Double impactLonDeg,
        Instant impactAt,
        Double impactEllipseMajorM,
        Double impactEllipseMinorM,
        Double impactEllipseBearingDeg,
        boolean exercise,
        UUID exerciseId,
        String stream,
        int updateNumber,
        double positionSigmaM,
        double[] covariance,
        List<String> contributingSensors,
        Double launchSigmaM) {

    public static final String TOPIC = "fusion.tracks";
    public static final String TYPE = "fusion.track-updated";
    public static final int VERSION = 2;
    /** Kafka header on every {@code fusion.tracks} record: the stream, so a consumer can skip the live picture unread. */
    public static final String STREAM_HEADER = "mdcoop-stream";
    /**
     * Kafka header on every {@code fusion.tracks} record: the owner epoch of the instance that fused it (grows with
     * every hand-over of the stream); a reader ignores a stream's records of an epoch lower than one it has seen.
     */
    public static final String EPOCH_HEADER = "mdcoop-owner-epoch";
    /** The live picture's stream name (exercises: {@code exercise:<id>}). */
    public static final String LIVE_STREAM = "live";
}

package org.mdcoop.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.mdcoop.common.domain.Party;

/**
 * Payload of a {@code fusion.track-updated} event on {@code fusion.tracks} (keyed by track id): one confirmed fused
 * track at one time. Positions and velocities in the non-rotating Earth-centred frame with ECEF axes (m, m/s);
 * geodetic values on the 6,371 km sphere. The common picture: both parties may see it.
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
        UUID exerciseId) {

    public static final String TOPIC = "fusion.tracks";
    public static final String TYPE = "fusion.track-updated";
    public static final int VERSION = 1;
}

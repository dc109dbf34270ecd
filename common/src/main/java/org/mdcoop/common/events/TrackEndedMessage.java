package org.mdcoop.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of a {@code fusion.track-ended} event on {@code fusion.tracks} (keyed by track id, after the track's last
 * update): the track left the picture. {@code reason}: {@code DELETED} (the tracker dropped it: coasted too long,
 * descended below the floor) or {@code CLOSED} (the centre closed: the agreement no longer covers it).
 */
public record TrackEndedMessage(
        String trackId,
        String stream,
        Instant t,
        String reason,
        int lastUpdateNumber,
        boolean exercise,
        UUID exerciseId) {

    public static final String TYPE = "fusion.track-ended";
    public static final int VERSION = 1;
}

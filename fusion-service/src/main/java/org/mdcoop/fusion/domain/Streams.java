package org.mdcoop.fusion.domain;

import java.util.UUID;

/** Names of the separate pictures: {@code live}, or {@code exercise:<id>} for each exercise. */
public final class Streams {

    public static final String LIVE = org.mdcoop.common.events.FusedTrackMessage.LIVE_STREAM;

    private Streams() {
    }

    public static String of(UUID exerciseId) {
        return org.mdcoop.common.events.SensorReportMessage.streamOf(exerciseId);
    }

    /** A short, stable tag used in track ids. */
    public static String tag(String stream) {
        return LIVE.equals(stream) ? "L" : "X" + stream.substring("exercise:".length(), "exercise:".length() + 8);
    }
}

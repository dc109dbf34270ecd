package org.mdcoop.fusion.service;

import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.events.FusedTrackMessage;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * A fused track update and its JSON. The sender (as the payload of the event on {@code fusion.tracks}) and the track
 * store (as the stored message) need the same text; it is written once, by whichever needs it first, because
 * serialising ≈ 60 numbers per update is the larger part of what an update costs. Two threads asking at once may
 * each write it; the texts are equal, so either is kept.
 */
public final class TrackPayload {

    private final FusedTrackMessage message;
    private volatile String json;

    public TrackPayload(FusedTrackMessage message) {
        this.message = message;
    }

    public FusedTrackMessage message() {
        return message;
    }

    /** The message as JSON, exactly as {@code EventSerde.mapper()} writes it. */
    public String json() throws JsonProcessingException {
        String text = json;
        if (text == null) {
            text = EventSerde.mapper().writeValueAsString(message);
            json = text;
        }
        return text;
    }
}

package org.mdcoop.fusion.service;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.mdcoop.common.events.FusedTrackMessage;
import org.mdcoop.common.events.TrackEndedMessage;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/** The current common picture (confirmed tracks of every stream) and the live stream of its updates; fed by {@code TrackFeed}. */
@ApplicationScoped
public class Picture {

    private final Map<String, FusedTrackMessage> current = new ConcurrentHashMap<>();
    private final BroadcastProcessor<FusedTrackMessage> updates = BroadcastProcessor.create();
    private final BroadcastProcessor<TrackEndedMessage> ends = BroadcastProcessor.create();

    public Picture(MeterRegistry registry) {
        registry.gauge("fusion.tracks.confirmed", current, Map::size);
    }

    public void put(FusedTrackMessage message) {
        current.put(message.trackId(), message);
        updates.onNext(message);
    }

    public void remove(String trackId) {
        current.remove(trackId);
    }

    /** The track left the picture: removed, and its end told to the live stream's subscribers (if it was shown). */
    public void end(TrackEndedMessage ended) {
        if (current.remove(ended.trackId()) != null) {
            ends.onNext(ended);
        }
    }

    public void clear() {
        current.clear();
    }

    /**
     * @param exercise   null: all; true: exercise tracks only; false: live tracks only
     * @param exerciseId only this exercise's tracks
     */
    public List<FusedTrackMessage> tracks(Boolean exercise, UUID exerciseId) {
        return current.values().stream().filter(m -> matches(m, exercise, exerciseId))
                .sorted(Comparator.comparing(FusedTrackMessage::trackId)).toList();
    }

    public Multi<FusedTrackMessage> stream(Boolean exercise, UUID exerciseId) {
        return updates.filter(m -> matches(m, exercise, exerciseId)).onOverflow().drop();
    }

    /** Ends of tracks that were in the picture, with the same filters as {@link #stream}. */
    public Multi<TrackEndedMessage> ended(Boolean exercise, UUID exerciseId) {
        return ends.filter(m -> (exercise == null || m.exercise() == exercise)
                && (exerciseId == null || exerciseId.equals(m.exerciseId()))).onOverflow().drop();
    }

    private static boolean matches(FusedTrackMessage m, Boolean exercise, UUID exerciseId) {
        return (exercise == null || m.exercise() == exercise)
                && (exerciseId == null || exerciseId.equals(m.exerciseId()));
    }
}

package org.mdcoop.exercise.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.mdcoop.common.events.EventEnvelope;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.events.FusedTrackMessage;
import org.mdcoop.common.events.PoisonMessageException;
import org.mdcoop.common.messaging.DeadLetters;
import org.mdcoop.common.messaging.DeadLetters.Letter;
import org.mdcoop.common.messaging.IdempotentConsumer;
import org.mdcoop.common.tracing.MessageTraces;
import org.mdcoop.exercise.persistence.TrackStore;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Keeps the fusion centre's fused tracks of exercises ({@code fusion.tracks}, {@code fusion.track-updated}) for
 * the after-action reports. Only tracks flagged {@code exercise=true} with the id of an exercise of this service are
 * stored; everything else (the real picture, other deployments' exercises) is skipped without a trace. Idempotent by
 * event id; a message that is not a valid envelope or track goes to {@code fusion.tracks.dlq} with the reason and the
 * rest of its batch is stored.
 *
 * <p>Whole poll batches, because the real picture is most of the topic (thousands of updates a second in a raid) and
 * a message-at-a-time channel costs a worker hand-off and an acknowledgement per record just to skip it by its
 * header.
 */
@ApplicationScoped
public class FusedTrackConsumer {

    static final String NAME = "fused-tracks";

    private final IdempotentConsumer consumer;
    private final TrackStore tracks;
    private final EntityManager entityManager;
    private final Clock clock;
    private final DeadLetters deadLetters;
    private final String dlqTopic;
    private final MessageTraces traces;

    public FusedTrackConsumer(IdempotentConsumer consumer, TrackStore tracks, EntityManager entityManager,
            Clock clock, DeadLetters deadLetters, MessageTraces traces,
            @ConfigProperty(name = "mp.messaging.incoming.fused-tracks.dead-letter-queue.topic") String dlqTopic) {
        this.consumer = consumer;
        this.tracks = tracks;
        this.entityManager = entityManager;
        this.clock = clock;
        this.deadLetters = deadLetters;
        this.dlqTopic = dlqTopic;
        this.traces = traces;
    }

    @Incoming(NAME)
    @Blocking(ordered = true)
    public void onTracks(ConsumerRecords<String, String> records) {
        List<Letter> poison = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                onTrack(record);
            } catch (PoisonMessageException e) {
                poison.add(new Letter(record, e.getMessage()));
            }
        }
        deadLetters.send(dlqTopic, poison);
    }

    private void onTrack(ConsumerRecord<String, String> record) {
        Header stream = record.headers().lastHeader(FusedTrackMessage.STREAM_HEADER);
        if (stream != null && FusedTrackMessage.LIVE_STREAM.equals(new String(stream.value(), StandardCharsets.UTF_8))) {
            return; // the real picture, told by its header: skipped without parsing
        }
        String message = record.value();
        EventEnvelope envelope = EventSerde.fromJson(message);
        if (!FusedTrackMessage.TYPE.equals(envelope.type())) {
            return; // another event type on the topic: not ours to judge
        }
        JsonNode payload = envelope.payload();
        if (!payload.path("exercise").asBoolean(false) || !payload.hasNonNull("exerciseId")) {
            return; // the real picture: cheap skip without touching the database
        }
        UUID exerciseId;
        try {
            exerciseId = UUID.fromString(payload.get("exerciseId").asText());
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException("exerciseId of " + envelope.eventId() + " is not a UUID", e);
        }
        if (!consumer.retrying(NAME, "the exercise of " + envelope.eventId(), () -> known(exerciseId))) {
            return;
        }
        // a span per stored exercise track only (the skips above stay cheap), child of the update's traceparent
        traces.consuming(NAME, record, () -> consumer.apply(message, NAME, event -> {
            FusedTrackMessage track = EventSerde.payloadAs(event, FusedTrackMessage.class);
            if (track.trackId() == null || track.trackId().isBlank() || track.t() == null) {
                throw new PoisonMessageException("track update " + event.eventId() + " lacks trackId or t", null);
            }
            tracks.insert(track, clock.instant());
        }));
    }

    private boolean known(UUID exerciseId) {
        return QuarkusTransaction.joiningExisting().call(() -> !entityManager
                .createNativeQuery("select 1 from exercise where id = :id").setParameter("id", exerciseId)
                .getResultList().isEmpty());
    }
}

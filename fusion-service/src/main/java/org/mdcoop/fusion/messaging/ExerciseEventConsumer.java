package org.mdcoop.fusion.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.events.PoisonMessageException;
import org.mdcoop.common.messaging.IdempotentConsumer;
import org.mdcoop.common.tracing.MessageTraces;
import org.mdcoop.fusion.domain.ExerciseStream;
import org.mdcoop.fusion.service.ExerciseStreams;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Learns from {@code exercise.events} which exercises are RUNNING, who takes part and which sensors each run
 * declared, so that an exercise stream takes reports only then and only from them ({@link ExerciseStreams}).
 * Idempotent by event id; an event that is not a readable exercise event goes to {@code exercise.events.dlq}.
 * The after-action report events ({@code exercise.report-*}) say nothing about the stream and are skipped.
 */
@ApplicationScoped
public class ExerciseEventConsumer {

    static final String NAME = "exercise-events";

    /** The fields of exercise-service's exercise payload this centre needs. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ExercisePayload(UUID exerciseId, Party host, Party approvedBy, String status, Run run) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Run(List<String> sensorIds) {
    }

    private final IdempotentConsumer consumer;
    private final ExerciseStreams streams;
    private final Clock clock;
    private final MessageTraces traces;

    public ExerciseEventConsumer(IdempotentConsumer consumer, ExerciseStreams streams, Clock clock,
            MessageTraces traces) {
        this.consumer = consumer;
        this.streams = streams;
        this.clock = clock;
        this.traces = traces;
    }

    /** A record, not its payload: the stream's change continues the trace of the exercise command (traceparent). */
    @Incoming(NAME)
    @Blocking(ordered = true)
    public void onExerciseEvent(ConsumerRecord<String, String> record) {
        traces.consuming(NAME, record, () -> apply(record.value()));
    }

    private boolean apply(String message) {
        return consumer.apply(message, NAME, event -> {
            if (event.type() == null || !event.type().startsWith("exercise.")
                    || event.type().startsWith("exercise.report-")) {
                return;
            }
            ExercisePayload p;
            try {
                p = EventSerde.payloadAs(event, ExercisePayload.class);
            } catch (RuntimeException e) {
                throw new PoisonMessageException(event.type() + " " + event.eventId() + " has no readable payload", e);
            }
            if (p.exerciseId() == null || p.host() == null || p.status() == null) {
                throw new PoisonMessageException(event.type() + " " + event.eventId()
                        + " lacks exerciseId, host or status", null);
            }
            Set<Party> parties = EnumSet.of(p.host());
            if (p.approvedBy() != null) {
                parties.add(p.approvedBy());
            }
            Set<String> sensors = p.run() == null || p.run().sensorIds() == null ? Set.of()
                    : Set.copyOf(p.run().sensorIds());
            Instant at = event.occurredAt() != null ? event.occurredAt() : clock.instant();
            streams.apply(new ExerciseStream(p.exerciseId(), p.status(), parties, sensors, at), clock.instant());
        });
    }
}

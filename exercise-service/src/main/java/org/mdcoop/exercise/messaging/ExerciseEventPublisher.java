package org.mdcoop.exercise.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.outbox.Outbox;
import org.mdcoop.exercise.domain.ExerciseEvent;
import org.mdcoop.exercise.service.Actor;

/**
 * Puts the events the domain returned into the outbox (topic {@value #TOPIC}, keyed by exercise id), inside the
 * business transaction: the event record is the payload, its type and version name it.
 */
@ApplicationScoped
public class ExerciseEventPublisher {

    public static final String TOPIC = "exercise.events";
    public static final String PRODUCER = "exercise";

    private final Outbox outbox;

    public ExerciseEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    /** @param agreementId the agreement the exercise was proposed under */
    public void publish(List<? extends ExerciseEvent> events, UUID agreementId, Actor actor, Instant now) {
        for (ExerciseEvent event : events) {
            outbox.publish(TOPIC, EventSerde.envelope(event.type(), event.payloadVersion(), now, PRODUCER,
                    actor.party(), actor.subject(), agreementId, event.exerciseId().toString(), event));
        }
    }

    public void publish(ExerciseEvent event, UUID agreementId, Actor actor, Instant now) {
        publish(List.of(event), agreementId, actor, now);
    }
}

package org.mdcoop.transparency.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.outbox.Outbox;
import org.mdcoop.transparency.domain.TransparencyEvent;
import org.mdcoop.transparency.service.Actor;

/**
 * Puts the events the domain returned into the outbox (topic {@value #TOPIC}, keyed by the disclosure version's or
 * the test's id), inside the caller's transaction: the event record is the payload, its type and version name it.
 */
@ApplicationScoped
public class TransparencyEventPublisher {

    public static final String TOPIC = "transparency.events";
    public static final String PRODUCER = "transparency";

    private final Outbox outbox;

    public TransparencyEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    /** @param agreementId the agreement in force the change was made under (null if none, e.g. a late cancel) */
    public void publish(List<? extends TransparencyEvent> events, UUID agreementId, Actor actor, Instant now) {
        for (TransparencyEvent event : events) {
            outbox.publish(TOPIC, EventSerde.envelope(event.type(), event.payloadVersion(), now, PRODUCER,
                    actor.party(), actor.subject(), agreementId, event.subjectId().toString(), event));
        }
    }

    public void publish(TransparencyEvent event, UUID agreementId, Actor actor, Instant now) {
        publish(List.of(event), agreementId, actor, now);
    }
}

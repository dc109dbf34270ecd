package org.mdcoop.common.outbox;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.mdcoop.common.events.EventEnvelope;
import org.mdcoop.common.events.EventSerde;

/**
 * Records an event for publication. Must be called inside the business transaction: the event exists if and only if
 * the state change committed. The {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;

    public Outbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String topic, EventEnvelope event) {
        OutboxMessage message = new OutboxMessage();
        message.eventId = event.eventId();
        message.topic = topic;
        message.messageKey = event.subjectId();
        message.payload = EventSerde.toJson(event);
        message.createdAt = Instant.now();
        entityManager.persist(message);
    }
}

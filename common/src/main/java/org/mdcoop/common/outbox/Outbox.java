package org.mdcoop.common.outbox;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.mdcoop.common.events.EventEnvelope;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.time.WallClock;
import org.mdcoop.common.tracing.Traceparent;

/**
 * Records an event for publication. Must be called inside the business transaction: the event exists if and only if
 * the state change committed. The {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;

    private final Clock wall;

    public Outbox(EntityManager entityManager, @WallClock Clock wall) {
        this.entityManager = entityManager;
        this.wall = wall;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String topic, EventEnvelope event) {
        OutboxMessage message = new OutboxMessage();
        message.eventId = event.eventId();
        message.topic = topic;
        message.messageKey = event.subjectId();
        message.payload = EventSerde.toJson(event);
        message.createdAt = wall.instant(); // operational: retention and backlog age use the database's now()
        message.traceparent = Traceparent.current(); // the relay sends it on, the consumer continues the trace
        entityManager.persist(message);
    }
}

package org.mdcoop.common.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The record of which events a consumer has already applied, kept in the same transaction as their effect. */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager entityManager;

    public ProcessedEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Claims an event for a consumer. Returns false if this consumer already applied it: the caller must then skip
     * the effect. Two concurrent claims of one event serialize on the primary key, so exactly one returns true.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claim(UUID eventId, String consumer) {
        int inserted = entityManager.createNativeQuery(
                "insert into processed_event (event_id, consumer, processed_at) values (:id, :consumer, now()) "
                        + "on conflict do nothing")
                .setParameter("id", eventId)
                .setParameter("consumer", consumer)
                .executeUpdate();
        return inserted == 1;
    }
}

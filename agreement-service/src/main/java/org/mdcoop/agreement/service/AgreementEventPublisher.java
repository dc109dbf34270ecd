package org.mdcoop.agreement.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mdcoop.agreement.domain.Agreement;
import org.mdcoop.agreement.domain.AgreementEvent;
import org.mdcoop.agreement.domain.DomainEvent;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.events.EventEnvelope;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.outbox.Outbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns domain events into envelopes on {@code agreement.events} and the agreement's current status on
 * {@code agreement.status} (topic names configurable), through the outbox (same transaction as the change). Draft events stay private to the
 * drafting party and are not published.
 */
@ApplicationScoped
public class AgreementEventPublisher {

    public static final String STATUS_TYPE = "agreement.status";
    static final int VERSION = 1;

    private final Outbox outbox;
    private final String producer;
    private final AgreementConfig config;

    public AgreementEventPublisher(Outbox outbox, @ConfigProperty(name = "mdcoop.service.name") String producer,
            AgreementConfig config) {
        this.outbox = outbox;
        this.producer = producer;
        this.config = config;
    }

    public static boolean isPrivate(DomainEvent event) {
        return event instanceof AgreementEvent.DraftCreated || event instanceof AgreementEvent.DraftEdited;
    }

    public void publish(Agreement agreement, List<? extends DomainEvent> events, Party party, String actor,
            Instant now) {
        AgreementStatusMessage status = statusOf(agreement, now);
        boolean published = false;
        for (DomainEvent event : events) {
            if (isPrivate(event)) {
                continue;
            }
            ObjectNode payload = (ObjectNode) EventSerde.payloadOf(event);
            payload.set("agreementStatus", EventSerde.payloadOf(status));
            // amendments are keyed by their agreement too, so everything about one agreement stays in order
            String subjectId = agreement.getId().toString();
            outbox.publish(config.eventsTopic(), new EventEnvelope(java.util.UUID.randomUUID(), event.type(), VERSION,
                    now, producer, party, actor, agreement.getId(), subjectId, payload));
            published = true;
        }
        if (published) {
            outbox.publish(config.statusTopic(), EventSerde.envelope(STATUS_TYPE, VERSION, now, producer, party, actor,
                    agreement.getId(), agreement.getId().toString(), status));
        }
    }

    public static AgreementStatusMessage statusOf(Agreement agreement, Instant now) {
        return new AgreementStatusMessage(agreement.getId(), agreement.getStatus(), agreement.getElements(),
                agreement.isInForceAt(now), agreement.getEffectiveAt(), agreement.getExpiresAt(),
                agreement.getNoticeEndsAt(), agreement.getEndedAt(), now);
    }
}

package org.mdcoop.agreement.messaging;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mdcoop.agreement.contract.AgreementStatusMessage;
import org.mdcoop.agreement.contract.AgreementTopics;
import org.mdcoop.agreement.domain.Agreement;
import org.mdcoop.agreement.domain.AgreementEvent;
import org.mdcoop.agreement.domain.DomainEvent;
import org.mdcoop.agreement.persistence.AgreementRow;
import org.mdcoop.agreement.service.AgreementConfig;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.events.EventEnvelope;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.outbox.Outbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns domain events into envelopes on {@code agreement.events} and the agreement's current status on
 * {@code agreement.status} (topic names configurable), through the outbox (same transaction as the change). Draft
 * events stay private to the drafting party and are not published. Every status carries the row's version as its
 * revision; the followers keep the highest, so the order in which statuses reach them does not matter.
 */
@ApplicationScoped
public class AgreementEventPublisher {

    public static final String STATUS_TYPE = AgreementTopics.STATUS_TYPE;
    public static final int VERSION = AgreementTopics.VERSION;

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

    /**
     * Puts the public events and the agreement's new status into the outbox. The row must be flushed first, so its
     * version is the one the change commits with: that is the status's revision.
     */
    public void publish(AgreementRow row, Agreement agreement, List<? extends DomainEvent> events, Party party,
            String actor, Instant now) {
        AgreementStatusMessage status = statusOf(agreement, row.version, now);
        boolean published = false;
        for (DomainEvent event : events) {
            if (isPrivate(event)) {
                continue;
            }
            ObjectNode payload = (ObjectNode) EventSerde.payloadOf(event);
            payload.set(AgreementTopics.STATUS_MEMBER, EventSerde.payloadOf(status));
            // amendments are keyed by their agreement too, so everything about one agreement stays in order
            String subjectId = agreement.getId().toString();
            outbox.publish(config.eventsTopic(), new EventEnvelope(UUID.randomUUID(), event.type(), VERSION,
                    now, producer, party, actor, agreement.getId(), subjectId, payload));
            published = true;
        }
        if (published) {
            outbox.publish(config.statusTopic(), statusEnvelope(status, party, actor, now));
        }
    }

    /** The envelope of a changed status on the status topic (through the outbox): an event of its own. */
    public EventEnvelope statusEnvelope(AgreementStatusMessage status, Party party, String actor, Instant now) {
        return EventSerde.envelope(STATUS_TYPE, VERSION, now, producer, party, actor, status.agreementId(),
                status.agreementId().toString(), status);
    }

    /**
     * The envelope of the heartbeat: the committed status again, under the one event id of its revision
     * ({@link AgreementTopics#heartbeatEventId}), so followers claim it once per revision, not once per beat.
     */
    public EventEnvelope heartbeatEnvelope(AgreementStatusMessage status, Instant now) {
        return new EventEnvelope(AgreementTopics.heartbeatEventId(status.agreementId(), status.revision()),
                STATUS_TYPE, VERSION, now, producer, null, EventEnvelope.SYSTEM_ACTOR, status.agreementId(),
                status.agreementId().toString(), EventSerde.payloadOf(status));
    }

    /** The status of the stored agreement, revision {@code revision}; {@code inForce} is this service's view at now. */
    public static AgreementStatusMessage statusOf(Agreement agreement, long revision, Instant now) {
        return new AgreementStatusMessage(agreement.getId(), revision, agreement.getStatus().name(),
                new TreeSet<>(agreement.getElements().stream().map(Enum::name).toList()), agreement.isInForceAt(now),
                agreement.getEffectiveAt(), agreement.getExpiresAt(), agreement.getNoticeEndsAt(),
                agreement.getEndedAt(), agreement.getWithdrawnBy() == null ? null : agreement.getWithdrawnBy().name(),
                agreement.getNoticeMonths(),
                new TreeSet<>(agreement.getStoppedElements().stream().map(Enum::name).toList()));
    }
}

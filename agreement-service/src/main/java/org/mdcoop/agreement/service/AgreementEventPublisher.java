package org.mdcoop.agreement.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mdcoop.agreement.domain.Agreement;
import org.mdcoop.agreement.domain.AgreementEvent;
import org.mdcoop.agreement.domain.DomainEvent;
import org.mdcoop.agreement.persistence.AgreementRow;
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

    /**
     * Puts the public events and the agreement's new status into the outbox. Must run under the agreement's row lock
     * (every command takes it), so statuses are published in commit order; their {@code asOf} is made later than the
     * previous status's even if this replica's clock is behind the one that published it.
     */
    public void publish(AgreementRow row, Agreement agreement, List<? extends DomainEvent> events, Party party,
            String actor, Instant now) {
        Instant asOf = nextAsOf(row.statusAsOf, now);
        AgreementStatusMessage status = statusOf(agreement, now, asOf);
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
            row.statusAsOf = asOf;
        }
    }

    /** The status as of {@code now}, for a read; a read is never dated before the last published status. */
    public static AgreementStatusMessage statusOf(AgreementRow row, Agreement agreement, Instant now) {
        return statusOf(agreement, now, latest(row.statusAsOf, now.truncatedTo(ChronoUnit.MICROS)));
    }

    private static AgreementStatusMessage statusOf(Agreement agreement, Instant now, Instant asOf) {
        return new AgreementStatusMessage(agreement.getId(), agreement.getStatus(), agreement.getElements(),
                agreement.isInForceAt(now), agreement.getEffectiveAt(), agreement.getExpiresAt(),
                agreement.getNoticeEndsAt(), agreement.getEndedAt(), asOf);
    }

    /**
     * The asOf of the next status: now, or a microsecond after the previous status when the clock is not past it (a
     * replica whose clock is behind the one that published last). Microseconds, because that is what PostgreSQL
     * stores: the followers compare against the stored value.
     */
    static Instant nextAsOf(Instant previous, Instant now) {
        Instant candidate = now.truncatedTo(ChronoUnit.MICROS);
        if (previous == null || candidate.isAfter(previous)) {
            return candidate;
        }
        return previous.plus(1, ChronoUnit.MICROS);
    }

    private static Instant latest(Instant previous, Instant now) {
        return previous == null || now.isAfter(previous) ? now : previous;
    }
}

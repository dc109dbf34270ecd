package org.mdcoop.common.cooperation;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.mdcoop.common.events.EventEnvelope;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.events.PoisonMessageException;
import org.mdcoop.common.messaging.IdempotentConsumer;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Keeps {@link CooperationView} current from the agreement-service: every {@code agreement.events} event carries the
 * agreement's status after it, and the compacted {@code agreement.status} topic lets a service that starts late (or
 * with an empty database) rebuild the view from the latest status of every agreement. Enabled in the services that
 * depend on the agreement ({@code mdcoop.cooperation-view.enabled=true}).
 */
@ApplicationScoped
@IfBuildProperty(name = "mdcoop.cooperation-view.enabled", stringValue = "true")
public class AgreementStatusConsumer {

    private final IdempotentConsumer consumer;
    private final CooperationView view;

    public AgreementStatusConsumer(IdempotentConsumer consumer, CooperationView view) {
        this.consumer = consumer;
        this.view = view;
    }

    @Incoming("agreement-events")
    @Blocking(ordered = true)
    public void onAgreementEvent(String message) {
        consumer.apply(message, "agreement-events", event -> view.apply(statusIn(event, event.payload().path("agreementStatus"))));
    }

    @Incoming("agreement-status")
    @Blocking(ordered = true)
    public void onAgreementStatus(String message) {
        consumer.apply(message, "agreement-status", event -> view.apply(statusIn(event, event.payload())));
    }

    private static AgreementStatusUpdate statusIn(EventEnvelope event, JsonNode status) {
        if (status == null || status.isMissingNode() || status.isNull()) {
            throw new PoisonMessageException(event.type() + " " + event.eventId() + " carries no agreement status", null);
        }
        AgreementStatusUpdate update;
        try {
            update = EventSerde.mapper().treeToValue(status, AgreementStatusUpdate.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonMessageException("agreement status of " + event.eventId() + " is not valid: "
                    + e.getMessage(), e);
        }
        if (update.agreementId() == null || update.status() == null || update.asOf() == null) {
            throw new PoisonMessageException("agreement status of " + event.eventId()
                    + " lacks agreementId, status or asOf", null);
        }
        return update;
    }
}

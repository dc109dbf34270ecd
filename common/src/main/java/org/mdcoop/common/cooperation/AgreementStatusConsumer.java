package org.mdcoop.common.cooperation;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.mdcoop.agreement.contract.AgreementStatusMessage;
import org.mdcoop.agreement.contract.AgreementTopics;
import org.mdcoop.common.events.EventEnvelope;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.events.PoisonMessageException;
import org.mdcoop.common.messaging.IdempotentConsumer;
import org.mdcoop.common.tracing.MessageTraces;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Keeps {@link CooperationView} current from the agreement-service: every {@code agreement.events} event carries the
 * agreement's status after it, and the compacted {@code agreement.status} topic lets a service that starts late (or
 * with an empty database) rebuild the view from the latest status of every agreement. Statuses are applied by
 * revision, so their order of arrival does not matter. Enabled in the services that depend on the agreement
 * ({@code mdcoop.cooperation-view.enabled=true}).
 *
 * <p>The heartbeat channel reads the same status topic in a consumer group of this instance alone, from the end:
 * every instance must hear every heartbeat itself (the view channels share a group, so each instance reads only some
 * partitions), and only what arrives now proves that the agreement-service is speaking now.
 */
@ApplicationScoped
@IfBuildProperty(name = "mdcoop.cooperation-view.enabled", stringValue = "true")
public class AgreementStatusConsumer {

    private final IdempotentConsumer consumer;
    private final CooperationView view;
    private final HeartbeatWatch heartbeats;
    private final MessageTraces traces;

    public AgreementStatusConsumer(IdempotentConsumer consumer, CooperationView view, HeartbeatWatch heartbeats,
            MessageTraces traces) {
        this.consumer = consumer;
        this.view = view;
        this.heartbeats = heartbeats;
        this.traces = traces;
    }

    /** Records, not payloads: the effect (a halt, an end) continues the trace of the record's traceparent. */
    @Incoming("agreement-events")
    @Blocking(ordered = true)
    public void onAgreementEvent(ConsumerRecord<String, String> record) {
        traces.consuming("agreement-events", record, () -> consumer.apply(record.value(), "agreement-events",
                event -> view.apply(statusIn(event, event.payload().path(AgreementTopics.STATUS_MEMBER)))));
    }

    @Incoming("agreement-status")
    @Blocking(ordered = true)
    public void onAgreementStatus(ConsumerRecord<String, String> record) {
        traces.consuming("agreement-status", record, () -> consumer.apply(record.value(), "agreement-status",
                event -> view.apply(statusIn(event, event.payload()))));
    }

    /** Records that the agreement-service spoke of the agreement; a message this instance cannot read counts for nothing. */
    @Incoming("agreement-heartbeat")
    public void onHeartbeat(String message) {
        try {
            EventEnvelope event = EventSerde.fromJson(message);
            AgreementStatusMessage status = statusIn(event, event.payload());
            heartbeats.heard(status.agreementId(), status.revision());
        } catch (RuntimeException e) {
            Log.debugf("not a heartbeat: %s", e.getMessage());
        }
    }

    static AgreementStatusMessage statusIn(EventEnvelope event, JsonNode status) {
        if (status == null || status.isMissingNode() || status.isNull()) {
            throw new PoisonMessageException(event.type() + " " + event.eventId() + " carries no agreement status", null);
        }
        AgreementStatusMessage update;
        try {
            update = EventSerde.mapper().treeToValue(status, AgreementStatusMessage.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonMessageException("agreement status of " + event.eventId() + " is not valid: "
                    + e.getMessage(), e);
        }
        String problem = update.problem();
        if (problem != null || !status.has("revision")) {
            throw new PoisonMessageException("agreement status of " + event.eventId() + " "
                    + (problem != null ? problem : "lacks revision"), null);
        }
        return update;
    }
}

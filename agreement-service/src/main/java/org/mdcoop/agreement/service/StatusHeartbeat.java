package org.mdcoop.agreement.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.mdcoop.agreement.contract.AgreementStatusMessage;
import org.mdcoop.agreement.messaging.AgreementEventPublisher;
import org.mdcoop.common.events.EventEnvelope;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.messaging.ReliableProducer;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;

/**
 * Republishes the committed status of every open agreement to the status topic every few seconds, straight to the
 * broker rather than through the outbox (see docs/decisions.md): a heartbeat carries no new fact (same revision as
 * the last status), so it may be lost or doubled, and it must say what is committed <em>now</em>; queued in the
 * outbox during an outage it would only stand in front of the withdrawal. Followers that stop hearing it suspend
 * cooperation. Every beat of one revision carries the same event id, so a follower's claim table gains one row per
 * revision, not one per beat.
 */
@ApplicationScoped
public class StatusHeartbeat {

    private final AgreementService agreements;
    private final AgreementEventPublisher publisher;
    private final AgreementConfig config;
    private final Clock clock;
    private final ReliableProducer producer;

    public StatusHeartbeat(AgreementService agreements, AgreementEventPublisher publisher, AgreementConfig config,
            Clock clock, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.agreements = agreements;
        this.publisher = publisher;
        this.config = config;
        this.clock = clock;
        this.producer = new ReliableProducer(kafkaConfig, "agreement-status-heartbeat",
                Map.of(ProducerConfig.LINGER_MS_CONFIG, 0));
    }

    @Scheduled(every = "${mdcoop.agreement.heartbeat:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void beat() {
        List<AgreementStatusMessage> statuses;
        try {
            statuses = agreements.heartbeatStatuses(config.heartbeatEndedFor());
        } catch (RuntimeException e) {
            // no database, no heartbeat: the followers suspend, which is what they should do
            Log.warnf("no heartbeat: the agreements cannot be read: %s", e.getMessage());
            return;
        }
        for (AgreementStatusMessage status : statuses) {
            EventEnvelope envelope = publisher.heartbeatEnvelope(status, clock.instant());
            try {
                producer.get().send(new ProducerRecord<>(config.statusTopic(), envelope.subjectId(),
                        EventSerde.toJson(envelope)), (metadata, error) -> {
                            if (error != null) {
                                Log.debugf("heartbeat of %s not sent: %s", status.agreementId(), error.getMessage());
                            }
                        });
            } catch (RuntimeException e) {
                // broker unreachable (the producer fails fast): the next beat tries again
                Log.warnf("heartbeat of %s not sent: %s", status.agreementId(), e.getMessage());
                return;
            }
        }
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}

package org.mdcoop.fusion.service;

import java.time.Clock;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.mdcoop.common.events.EventEnvelope;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.events.FusedTrackMessage;
import org.mdcoop.common.messaging.ReliableProducer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;

/**
 * Sends fused track updates to {@code fusion.tracks} with a direct producer ({@code acks=all}, idempotent), not
 * through the outbox: tracks are derived data at a high rate, the reports they come from are stored first, and a
 * lost update is superseded by the next one within a revisit. Nothing is sent while the centre is closed.
 */
@ApplicationScoped
public class TrackPublisher {

    private final CentreGate gate;
    private final Clock clock;
    private final String topic;
    private final Counter sent;
    private final Counter failed;
    private final ReliableProducer producer;

    public TrackPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, CentreGate gate,
            Clock clock, FusionConfig config, MeterRegistry registry) {
        this.producer = new ReliableProducer(kafkaConfig, "fusion-tracks",
                Map.of(ProducerConfig.LINGER_MS_CONFIG, 2, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"));
        this.gate = gate;
        this.clock = clock;
        this.topic = config.tracksTopic();
        this.sent = registry.counter("fusion.tracks.published");
        this.failed = registry.counter("fusion.tracks.publish-failed");
    }

    /** Sends one update unless the centre is closed; returns whether it was handed to the producer. */
    public boolean publish(FusedTrackMessage message) {
        if (!gate.isOpen()) {
            return false;
        }
        EventEnvelope envelope = EventSerde.envelope(FusedTrackMessage.TYPE, FusedTrackMessage.VERSION, clock.instant(),
                "fusion-service", null, EventEnvelope.SYSTEM_ACTOR, gate.agreementId(), message.trackId(), message);
        producer.get().send(new ProducerRecord<>(topic, message.trackId(), EventSerde.toJson(envelope)),
                (metadata, error) -> {
                    if (error != null) {
                        failed.increment();
                        Log.warnf("track update %s could not be sent: %s", message.trackId(), error.getMessage());
                    } else {
                        sent.increment();
                    }
                });
        return true;
    }

    public void flush() {
        producer.get().flush();
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}

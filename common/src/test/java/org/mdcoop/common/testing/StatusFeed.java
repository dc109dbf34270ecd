package org.mdcoop.common.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.mdcoop.agreement.contract.AgreementStatusMessage;
import org.mdcoop.agreement.contract.AgreementTopics;
import org.mdcoop.common.events.EventEnvelope;
import org.mdcoop.common.events.EventSerde;

/**
 * Plays the agreement-service on the real broker: publishes {@link AgreementStatusMessage}s (made with the contract's
 * {@code StatusFixture}) in the agreement-service's envelope, and keeps sending the latest status of every agreement
 * it published as the heartbeat, as the agreement-service does, until told to fall silent about one.
 */
public final class StatusFeed implements AutoCloseable {

    private static final Map<String, StatusFeed> FEEDS = new ConcurrentHashMap<>();

    private final String topic;
    private final KafkaProducer<String, String> producer;
    private final Map<UUID, AgreementStatusMessage> latest = new ConcurrentHashMap<>();
    private final Set<UUID> silenced = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-agreement-heartbeat");
        t.setDaemon(true);
        return t;
    });

    private StatusFeed(String bootstrapServers, String topic, Duration heartbeatEvery) {
        this.topic = topic;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(props);
        heartbeat.scheduleAtFixedRate(this::beat, heartbeatEvery.toMillis(), heartbeatEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The feed of a status topic on the local broker (one per topic and JVM), beating every second. */
    public static StatusFeed localBroker(String topic) {
        return FEEDS.computeIfAbsent(topic, t -> new StatusFeed("127.0.0.1:9092", t, Duration.ofSeconds(1)));
    }

    /** A feed of its own on any broker (e.g. a benchmark against a running stack), beating every {@code every}. */
    public static StatusFeed on(String bootstrapServers, String topic, Duration every) {
        return new StatusFeed(bootstrapServers, topic, every);
    }

    /**
     * Sends the status and waits for the broker's acknowledgement; it is the agreement's heartbeat from now on.
     *
     * @return the envelope sent (to deliver it again with {@link #resend})
     */
    public EventEnvelope publish(AgreementStatusMessage status) {
        latest.merge(status.agreementId(), status, (old, fresh) -> fresh.revision() >= old.revision() ? fresh : old);
        EventEnvelope envelope = envelope(status);
        send(envelope, true);
        return envelope;
    }

    /**
     * {@link #publish(AgreementStatusMessage)} with a W3C {@code traceparent} header, as the agreement-service's relay
     * sends a status written in a traced transaction.
     */
    public EventEnvelope publish(AgreementStatusMessage status, String traceparent) {
        latest.merge(status.agreementId(), status, (old, fresh) -> fresh.revision() >= old.revision() ? fresh : old);
        EventEnvelope envelope = envelope(status);
        send(envelope, traceparent, true);
        return envelope;
    }

    /** Sends the status once, without making it the heartbeat (e.g. an old revision delivered late). */
    public EventEnvelope deliverOnly(AgreementStatusMessage status) {
        EventEnvelope envelope = envelope(status);
        send(envelope, true);
        return envelope;
    }

    /** Delivers an envelope sent before once more, as a broker redelivery would (same event id). */
    public void resend(EventEnvelope envelope) {
        send(envelope, true);
    }

    /** No more heartbeats about the agreement (the agreement-service or the broker "went away" for it). */
    public void silence(UUID agreementId) {
        silenced.add(agreementId);
    }

    /** Heartbeats about the agreement again. */
    public void resume(UUID agreementId) {
        silenced.remove(agreementId);
    }

    /** The envelope the agreement-service would send around this status. */
    public static EventEnvelope envelope(AgreementStatusMessage status) {
        return EventSerde.envelope(AgreementTopics.STATUS_TYPE, AgreementTopics.VERSION, Instant.now(), "agreement",
                null, EventEnvelope.SYSTEM_ACTOR, status.agreementId(), status.agreementId().toString(), status);
    }

    /** The envelope of a heartbeat, as the agreement-service sends it: the one event id of the status's revision. */
    public static EventEnvelope heartbeat(AgreementStatusMessage status) {
        return new EventEnvelope(AgreementTopics.heartbeatEventId(status.agreementId(), status.revision()),
                AgreementTopics.STATUS_TYPE, AgreementTopics.VERSION, Instant.now(), "agreement", null,
                EventEnvelope.SYSTEM_ACTOR, status.agreementId(), status.agreementId().toString(),
                EventSerde.payloadOf(status));
    }

    private void beat() {
        latest.forEach((id, status) -> {
            if (!silenced.contains(id)) {
                send(heartbeat(status), false);
            }
        });
    }

    private void send(EventEnvelope envelope, boolean await) {
        send(envelope, null, await);
    }

    private void send(EventEnvelope envelope, String traceparent, boolean await) {
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, envelope.subjectId(),
                    EventSerde.toJson(envelope));
            if (traceparent != null) {
                record.headers().add("traceparent", traceparent.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            var ack = producer.send(record);
            if (await) {
                ack.get(20, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            if (await) {
                throw new IllegalStateException("could not publish the status of " + envelope.subjectId(), e);
            }
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        producer.close(Duration.ofSeconds(2));
        FEEDS.remove(topic, this);
    }
}

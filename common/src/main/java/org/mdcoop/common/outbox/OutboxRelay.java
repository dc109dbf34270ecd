package org.mdcoop.common.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import org.mdcoop.common.messaging.ReliableProducer;
import org.mdcoop.common.time.WallClock;
import org.mdcoop.common.tracing.Traceparent;

/**
 * Publishes outbox rows to Kafka and marks them sent only after the broker acknowledged them ({@code acks=all},
 * idempotent producer). Rows are locked with {@code FOR UPDATE SKIP LOCKED}, so several instances of a service can
 * relay side by side without sending a row twice in the normal case; a crash between the ack and the commit sends a
 * row again, which consumers absorb because they de-duplicate on the event id. A row's {@code traceparent} (the trace
 * of the transaction that wrote it) goes along as the Kafka header of that name.
 */
@ApplicationScoped
public class OutboxRelay {

    private final EntityManager entityManager;
    private final OutboxConfig config;
    private final ReliableProducer producer;
    private final Clock wall;

    public OutboxRelay(EntityManager entityManager, OutboxConfig config, @WallClock Clock wall,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.entityManager = entityManager;
        this.config = config;
        this.wall = wall;
        this.producer = new ReliableProducer(kafkaConfig, "outbox-relay", Map.of());
    }

    @Scheduled(every = "${mdcoop.outbox.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void relayPending() {
        try {
            int sent;
            do {
                sent = QuarkusTransaction.requiringNew().call(this::relayOneBatch);
            } while (sent == config.batchSize());
        } catch (RuntimeException e) {
            Log.warnf("outbox relay pass failed, will retry: %s", e.getMessage());
        }
    }

    /** Sends one batch in order and marks the acknowledged prefix as sent. Returns how many were marked. */
    int relayOneBatch() {
        @SuppressWarnings("unchecked")
        List<OutboxMessage> batch = entityManager.createNativeQuery(
                "select * from outbox where sent_at is null order by seq limit :limit for update skip locked",
                OutboxMessage.class)
                .setParameter("limit", config.batchSize())
                .getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        KafkaProducer<String, String> kafka = producer.get();
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (OutboxMessage message : batch) {
            ProducerRecord<String, String> record = new ProducerRecord<>(message.topic, message.messageKey,
                    message.payload);
            Traceparent.addTo(record.headers(), message.traceparent);
            acks.add(kafka.send(record));
        }
        Instant now = wall.instant(); // operational, like created_at (see Outbox)
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        int marked = 0;
        for (int i = 0; i < batch.size(); i++) {
            OutboxMessage message = batch.get(i);
            try {
                acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                message.sentAt = now;
                marked++;
            } catch (Exception e) {
                // keep order: everything after the first failure waits for the next pass
                message.attempts++;
                message.lastError = truncate(String.valueOf(e.getCause() != null ? e.getCause() : e));
                Log.warnf("outbox event %s to %s not acknowledged: %s", message.eventId, message.topic, message.lastError);
                break;
            }
        }
        return marked;
    }

    @PreDestroy
    void close() {
        producer.close();
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}

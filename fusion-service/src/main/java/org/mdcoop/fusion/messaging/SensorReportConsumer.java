package org.mdcoop.fusion.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.mdcoop.common.events.EventEnvelope;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.events.PoisonMessageException;
import org.mdcoop.fusion.domain.Report;
import org.mdcoop.fusion.persistence.ReportStore;
import org.mdcoop.fusion.service.FusionCentre;
import org.mdcoop.fusion.service.IngestService;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Sensor reports from {@code fusion.sensor-reports}, one poll batch per transaction. Each event id is claimed in
 * common's {@code processed_event} (a redelivered event is skipped) and each report id is the report table's key (a
 * report sent again in a new event is ignored), in the same transaction as the store. A message that can never be
 * accepted (unreadable, unknown sensor, implausible) goes to {@code fusion.sensor-reports.dlq} with the reason in
 * the {@code dead-letter-reason} header, as the connector's dead-letter strategy would write it; the rest of the
 * batch is processed. A transient failure (database, broker) retries the whole batch with back-off and never
 * dead-letters. Reports reach the tracker only after their transaction committed.
 * <p>
 * Why not common's {@code IdempotentConsumer}: it applies one event per transaction, i.e. one commit per report,
 * which caps ingest far below the 10,000 reports/s target on this machine; this is the same claim in the same
 * table, amortised over the poll batch.
 */
@ApplicationScoped
public class SensorReportConsumer {

    static final String CONSUMER = "fusion-sensor-reports";
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final ReportStore reports;
    private final IngestService ingest;
    private final FusionCentre centre;
    private final Map<String, Object> kafkaConfig;
    private final String dlqTopic;
    private volatile KafkaProducer<String, String> dlqProducer;
    private volatile boolean shuttingDown;

    public SensorReportConsumer(ReportStore reports, IngestService ingest, FusionCentre centre,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "mp.messaging.incoming.sensor-reports.dead-letter-queue.topic") String dlqTopic) {
        this.reports = reports;
        this.ingest = ingest;
        this.centre = centre;
        this.kafkaConfig = kafkaConfig;
        this.dlqTopic = dlqTopic;
    }

    private record Poison(ConsumerRecord<String, String> record, String reason) {
    }

    private record Outcome(List<Report> accepted, List<Poison> poison) {
    }

    @Incoming("sensor-reports")
    @Blocking(ordered = true)
    public void onReports(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                Outcome outcome = QuarkusTransaction.requiringNew().call(() -> apply(batch));
                deadLetter(outcome.poison());
                centre.submit(outcome.accepted());
                return;
            } catch (RuntimeException e) {
                if (shuttingDown) {
                    throw e;
                }
                Log.warnf("could not apply %d sensor reports, retrying in %s: %s", batch.size(), backoff, e.getMessage());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private Outcome apply(List<ConsumerRecord<String, String>> batch) {
        Instant now = Instant.now();
        List<Report> checked = new ArrayList<>(batch.size());
        List<UUID> eventIds = new ArrayList<>(batch.size());
        List<Poison> poison = new ArrayList<>();
        for (ConsumerRecord<String, String> record : batch) {
            try {
                EventEnvelope event = EventSerde.fromJson(record.value());
                checked.add(ingest.check(event, now));
                eventIds.add(event.eventId());
            } catch (PoisonMessageException e) {
                poison.add(new Poison(record, e.getMessage()));
            }
        }
        Set<UUID> claimed = reports.claim(eventIds, CONSUMER);
        List<Report> fresh = new ArrayList<>(claimed.size());
        List<UUID> freshIds = new ArrayList<>(claimed.size());
        for (int i = 0; i < checked.size(); i++) {
            // an event id twice in one batch is claimed once: keep its first occurrence only
            if (claimed.remove(eventIds.get(i))) {
                fresh.add(checked.get(i));
                freshIds.add(eventIds.get(i));
            }
        }
        ingest.countRejectedFromKafka(poison.size());
        return new Outcome(ingest.storeFromKafka(fresh, freshIds), poison);
    }

    /** Sends every poison record of the batch (asynchronously, then waits for all acknowledgements). */
    private void deadLetter(List<Poison> poison) {
        if (poison.isEmpty()) {
            return;
        }
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>(poison.size());
        for (Poison p : poison) {
            ConsumerRecord<String, String> r = p.record();
            Log.warnf("sensor report %s-%d@%d to %s: %s", r.topic(), r.partition(), r.offset(), dlqTopic, p.reason());
            ProducerRecord<String, String> out = new ProducerRecord<>(dlqTopic, r.key(), r.value());
            out.headers().add("dead-letter-reason", utf8(p.reason()));
            out.headers().add("dead-letter-cause", utf8(PoisonMessageException.class.getName()));
            out.headers().add("dead-letter-topic", utf8(r.topic()));
            out.headers().add("dead-letter-partition", utf8(Integer.toString(r.partition())));
            out.headers().add("dead-letter-offset", utf8(Long.toString(r.offset())));
            sent.add(producer().send(out));
        }
        for (int i = 0; i < sent.size(); i++) {
            try {
                sent.get(i).get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                ConsumerRecord<String, String> r = poison.get(i).record();
                Log.errorf("could not dead-letter %s-%d@%d (%s): %s", r.topic(), r.partition(), r.offset(),
                        poison.get(i).reason(), e.getMessage());
            }
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> p = dlqProducer;
        if (p == null) {
            synchronized (this) {
                if (dlqProducer == null) {
                    Map<String, Object> props = new HashMap<>(kafkaConfig);
                    props.keySet().removeIf(key -> key.startsWith("group.") || key.startsWith("auto."));
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
                    props.put(ProducerConfig.CLIENT_ID_CONFIG, "fusion-sensor-reports-dlq");
                    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    dlqProducer = new KafkaProducer<>(props);
                }
                p = dlqProducer;
            }
        }
        return p;
    }

    void onShutdown(@Observes ShutdownEvent shutdown) {
        shuttingDown = true;
    }

    @PreDestroy
    void close() {
        KafkaProducer<String, String> p = dlqProducer;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}

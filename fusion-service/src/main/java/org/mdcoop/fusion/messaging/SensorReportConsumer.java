package org.mdcoop.fusion.messaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.events.PoisonMessageException;
import org.mdcoop.common.events.SensorReportMessage;
import org.mdcoop.fusion.domain.Report;
import org.mdcoop.fusion.service.IngestService;

import com.fasterxml.jackson.databind.ObjectReader;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Sensor reports from {@code fusion.sensor-reports}, one poll batch at a time, straight to the tracker: each record is
 * parsed once into a typed envelope, checked (its party is the registered owner of its sensor), and handed to
 * {@link IngestService#acceptFromKafka}, which drops a report id seen within the duplicate window and archives the
 * rest beside the tracker. No database round trip on the way: the topic is the durable record. A record at an offset
 * already handed over (redelivered after a rebalance) is skipped by its offset. A message that can never be
 * accepted (unreadable, unknown sensor, another party's sensor, implausible) goes to {@code fusion.sensor-reports.dlq}
 * with the reason in the {@code dead-letter-reason} header, as the connector's dead-letter strategy would write it;
 * the rest of the batch is processed. A transient failure (the registry's database on a cache miss) retries the
 * batch with back-off and never dead-letters.
 */
@ApplicationScoped
public class SensorReportConsumer {

    static final String CONSUMER = "fusion-sensor-reports";
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    /** The envelope of a sensor report with its payload typed, so a record is parsed in one pass. */
    public record SensorReportEvent(UUID eventId, String type, int version, Instant occurredAt, String producer, Party party,
            String actor, UUID agreementId, String subjectId, SensorReportMessage payload) {
    }

    private static final ObjectReader READER = EventSerde.mapper().readerFor(SensorReportEvent.class);

    private final IngestService ingest;
    private final Clock clock;
    private final Map<String, Object> kafkaConfig;
    private final String dlqTopic;
    /** Per partition: the next offset not yet handed to the tracker (records below it are redeliveries). */
    private final Map<TopicPartition, Long> handedOver = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile KafkaProducer<String, String> dlqProducer;
    private volatile boolean shuttingDown;

    public SensorReportConsumer(IngestService ingest, Clock clock,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "mp.messaging.incoming.sensor-reports.dead-letter-queue.topic") String dlqTopic) {
        this.ingest = ingest;
        this.clock = clock;
        this.kafkaConfig = kafkaConfig;
        this.dlqTopic = dlqTopic;
    }

    private record Poison(ConsumerRecord<String, String> record, String reason) {
    }

    /** Checked reports with the partition and offset each was read at. */
    private record Checked(List<Report> reports, int[] partitions, long[] offsets) {
    }

    /** Partitions just acquired are read again from where the consumer was positioned (a replay is no redelivery). */
    public void forget(java.util.Collection<TopicPartition> partitions) {
        partitions.forEach(handedOver::remove);
    }

    @Incoming("sensor-reports")
    @Blocking(ordered = true)
    public void onReports(ConsumerRecords<String, String> records) throws InterruptedException {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> r : records) {
            Long next = handedOver.get(new TopicPartition(r.topic(), r.partition()));
            if (next == null || r.offset() >= next) {
                batch.add(r);
            }
        }
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                List<Poison> poison = new ArrayList<>();
                Checked accepted = check(batch, poison);
                deadLetter(poison);
                ingest.countRejectedFromKafka(poison.size());
                ingest.acceptFromKafka(accepted.reports(), accepted.partitions(), accepted.offsets());
                for (ConsumerRecord<String, String> r : batch) {
                    handedOver.merge(new TopicPartition(r.topic(), r.partition()), r.offset() + 1, Math::max);
                }
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

    private Checked check(List<ConsumerRecord<String, String>> batch, List<Poison> poison) {
        Instant now = clock.instant();
        List<Report> checked = new ArrayList<>(batch.size());
        int[] partitions = new int[batch.size()];
        long[] offsets = new long[batch.size()];
        for (ConsumerRecord<String, String> record : batch) {
            try {
                SensorReportEvent event = parse(record.value());
                Report r = ingest.check(event.payload(), event.party(), now);
                partitions[checked.size()] = record.partition();
                offsets[checked.size()] = record.offset();
                checked.add(r);
            } catch (PoisonMessageException e) {
                poison.add(new Poison(record, e.getMessage()));
            }
        }
        return new Checked(checked, partitions, offsets);
    }

    public static SensorReportEvent parse(String json) {
        SensorReportEvent event;
        try {
            event = json == null ? null : READER.readValue(json);
        } catch (IOException | IllegalArgumentException e) {
            throw new PoisonMessageException("not a valid sensor report event: " + firstLine(e.getMessage()), e);
        }
        if (event == null || event.eventId() == null || event.type() == null || event.occurredAt() == null
                || event.payload() == null) {
            throw new PoisonMessageException("event envelope lacks eventId, type, occurredAt or payload", null);
        }
        if (!SensorReportMessage.TYPE.equals(event.type())) {
            throw new PoisonMessageException("expected " + SensorReportMessage.TYPE + " but got " + event.type(), null);
        }
        return event;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
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

package org.mdcoop.fusion.messaging;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.events.PoisonMessageException;
import org.mdcoop.common.events.SensorReportMessage;
import org.mdcoop.common.messaging.DeadLetters;
import org.mdcoop.common.messaging.DeadLetters.Letter;
import org.mdcoop.common.tracing.Traceparent;
import org.mdcoop.fusion.domain.Report;
import org.mdcoop.fusion.service.IngestService;

import com.fasterxml.jackson.databind.ObjectReader;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
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
    private final DeadLetters deadLetters;
    private final String dlqTopic;
    /** Per partition: the next offset not yet handed to the tracker (records below it are redeliveries). */
    private final Map<TopicPartition, Long> handedOver = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean shuttingDown;

    public SensorReportConsumer(IngestService ingest, Clock clock, DeadLetters deadLetters,
            @ConfigProperty(name = "mp.messaging.incoming.sensor-reports.dead-letter-queue.topic") String dlqTopic) {
        this.ingest = ingest;
        this.clock = clock;
        this.deadLetters = deadLetters;
        this.dlqTopic = dlqTopic;
    }

    /** Checked reports with the partition and offset each was read at, and the trace each was sent in (or null). */
    private record Checked(List<Report> reports, int[] partitions, long[] offsets, String[] traceparents) {
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
                List<Letter> poison = new ArrayList<>();
                Checked accepted = check(batch, poison);
                deadLetters.send(dlqTopic, poison);
                ingest.countRejectedFromKafka(poison.size());
                ingest.acceptFromKafka(accepted.reports(), accepted.partitions(), accepted.offsets(),
                        accepted.traceparents());
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

    private Checked check(List<ConsumerRecord<String, String>> batch, List<Letter> poison) {
        Instant now = clock.instant();
        List<Report> checked = new ArrayList<>(batch.size());
        int[] partitions = new int[batch.size()];
        long[] offsets = new long[batch.size()];
        String[] traceparents = new String[batch.size()];
        for (ConsumerRecord<String, String> record : batch) {
            try {
                SensorReportEvent event = parse(record.value());
                Report r = ingest.check(event.payload(), event.party(), now);
                partitions[checked.size()] = record.partition();
                offsets[checked.size()] = record.offset();
                traceparents[checked.size()] = Traceparent.in(record.headers());
                checked.add(r);
            } catch (PoisonMessageException e) {
                poison.add(new Letter(record, e.getMessage()));
            }
        }
        return new Checked(checked, partitions, offsets, traceparents);
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

    void onShutdown(@Observes ShutdownEvent shutdown) {
        shuttingDown = true;
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

package org.mdcoop.fusion.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.events.FusedTrackMessage;
import org.mdcoop.common.events.TrackEndedMessage;
import org.mdcoop.common.time.WallClock;
import org.mdcoop.fusion.service.CentreGate;
import org.mdcoop.fusion.service.FusionCentre;
import org.mdcoop.fusion.service.FusionConfig;
import org.mdcoop.fusion.service.Picture;
import org.mdcoop.fusion.service.TrackStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * The picture every instance serves, built from the published tracks on {@code fusion.tracks} — not from the worker
 * that fused them — so the picture, its server-sent events and the history answer the same on every replica, whichever
 * owns a stream. On start the picture is the confirmed tracks of the track table, then the topic from a minute ago. Each
 * instance reads every partition itself (no consumer group). A record of a lower owner epoch than one seen for its
 * stream comes from a former owner that has not noticed the hand-over: it is ignored and counted, and if this instance
 * is that former owner it gives the stream up.
 */
@ApplicationScoped
public class TrackFeed {

    /** The envelope with its payload left as a tree until its type is known. */
    record Envelope(String type, UUID agreementId, JsonNode payload) {
    }

    private static final ObjectReader READER = EventSerde.mapper().readerFor(Envelope.class);
    /** How far back the feed starts reading on start (beside the track table). */
    private static final Duration REPLAY_ON_START = Duration.ofSeconds(60);

    private final Map<String, Object> kafkaConfig;
    private final String topic;
    private final Picture picture;
    private final TrackStore store;
    private final CentreGate gate;
    private final FusionCentre centre;
    private final TrackPublisher publisher;
    private final Clock wall;
    private final Counter stale;
    private final Map<String, Long> epochs = new HashMap<>();
    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    public TrackFeed(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, FusionConfig config,
            Picture picture, TrackStore store, CentreGate gate, FusionCentre centre, TrackPublisher publisher,
            @WallClock Clock wall, MeterRegistry registry) {
        this.wall = wall;
        this.publisher = publisher;
        this.kafkaConfig = kafkaConfig;
        this.topic = config.tracksTopic();
        this.picture = picture;
        this.store = store;
        this.gate = gate;
        this.centre = centre;
        this.stale = Counter.builder("fusion.tracks.stale-owner")
                .description("track messages of a former owner of their stream, ignored by the picture")
                .register(registry);
    }

    void start(@Observes StartupEvent startup) {
        gate.whenClosed(() -> {
            synchronized (this) { // no update read before the close lands after it
                picture.clear();
            }
        });
        // this instance's own tracks are shown when the broker acknowledged them, and skipped unread in the feed
        publisher.whenSent(this::show);
        running = true;
        thread = new Thread(this::run, "fusion-track-feed");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    private void run() {
        Duration backoff = Duration.ofMillis(500);
        while (running) {
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(props())) {
                consumer = c;
                List<TopicPartition> partitions = partitions(c);
                c.assign(partitions);
                startAtRecentPast(c, partitions);
                loadFromTable();
                backoff = Duration.ofMillis(500);
                while (running) {
                    for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                        apply(r);
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                Log.warnf("track feed interrupted, reconnecting in %s: %s", backoff, e.getMessage());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10)
                        : backoff.multipliedBy(2);
            }
        }
    }

    /**
     * Starts a little before now rather than at the end, so that nothing published while this instance was starting
     * is missed; replaying the latest states of a minute does no harm (each track's messages are in order).
     */
    private void startAtRecentPast(KafkaConsumer<String, String> c, List<TopicPartition> partitions) {
        // record timestamps are the broker's wall clock, not the service clock (which a dev profile may move)
        long from = wall.millis() - REPLAY_ON_START.toMillis();
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(tp -> times.put(tp, from));
        Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndTimestamp> offsets = c.offsetsForTimes(times);
        List<TopicPartition> toEnd = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            var at = offsets.get(tp);
            if (at == null) {
                toEnd.add(tp);
            } else {
                c.seek(tp, at.offset());
            }
        }
        c.seekToEnd(toEnd);
        partitions.forEach(c::position);
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> c) {
        List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(10));
        List<TopicPartition> out = new ArrayList<>();
        if (infos != null) {
            for (PartitionInfo info : infos) {
                out.add(new TopicPartition(topic, info.partition()));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " has no partitions yet");
        }
        return out;
    }

    private void loadFromTable() {
        if (!gate.isOpen()) {
            return;
        }
        for (TrackStore.StoredTrack t : store.confirmed()) {
            picture.put(t.last());
        }
    }

    private void apply(ConsumerRecord<String, String> r) {
        if (!gate.isOpen()) {
            return;
        }
        String stream = header(r, FusedTrackMessage.STREAM_HEADER);
        String epochText = header(r, FusedTrackMessage.EPOCH_HEADER);
        if (stream != null && epochText != null) {
            long epoch = Long.parseLong(epochText);
            Long seen = epochs.get(stream);
            if (seen != null && epoch < seen) {
                stale.increment();
                return;
            }
            if (seen == null || epoch > seen) {
                epochs.put(stream, epoch);
                centre.fence(stream, epoch);
            }
        }
        if (publisher.instance().equals(header(r, TrackPublisher.SENDER_HEADER))) {
            return; // shown when it was acknowledged (show): a replica's own updates cost no parsing
        }
        try {
            Envelope e = READER.readValue(r.value());
            if (FusedTrackMessage.TYPE.equals(e.type())) {
                FusedTrackMessage m = EventSerde.mapper().treeToValue(e.payload(), FusedTrackMessage.class);
                synchronized (this) {
                    // only the agreement in force now: tracks fused under an ended one never come back
                    if (gate.isOpen() && java.util.Objects.equals(e.agreementId(), gate.agreementId())) {
                        picture.put(m);
                    }
                }
            } else if (TrackEndedMessage.TYPE.equals(e.type())) {
                TrackEndedMessage ended = EventSerde.mapper().treeToValue(e.payload(), TrackEndedMessage.class);
                synchronized (this) {
                    picture.end(ended);
                }
            }
        } catch (Exception e) {
            Log.warnf("track record %s-%d@%d is unreadable and not shown: %s", r.topic(), r.partition(), r.offset(),
                    e.getMessage());
        }
    }

    /** Shows what this instance sent, as the feed would once it read it back (same agreement rule). */
    private void show(Object message, UUID agreementId) {
        if (message instanceof FusedTrackMessage m) {
            synchronized (this) {
                if (gate.isOpen() && java.util.Objects.equals(agreementId, gate.agreementId())) {
                    picture.put(m);
                }
            }
        } else if (message instanceof TrackEndedMessage m) {
            synchronized (this) { // the picture's subscribers get their signals from one thread at a time
                picture.end(m);
            }
        }
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private Map<String, Object> props() {
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        props.keySet().removeIf(key -> key.startsWith("group.") || key.startsWith("auto.") || key.startsWith("enable."));
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "fusion-track-feed-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return props;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

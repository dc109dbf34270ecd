package org.mdcoop.fusion.messaging;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.mdcoop.fusion.service.FusionConfig;
import org.mdcoop.fusion.service.StreamSnapshot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;

/**
 * The compacted {@code fusion.snapshots} topic: the latest {@link StreamSnapshot} of every stream, keyed by stream (a
 * tombstone once the stream is gone, e.g. the centre closed). Written asynchronously by the owner; read whole (it
 * holds one record per stream after compaction) by a new owner when it acquires partitions.
 */
@ApplicationScoped
public class SnapshotTopic {

    private final Map<String, Object> kafkaConfig;
    private final String topic;
    private final Counter written;
    private final Counter failed;
    private volatile KafkaProducer<String, byte[]> producer;

    public SnapshotTopic(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, FusionConfig config,
            MeterRegistry registry) {
        this.kafkaConfig = kafkaConfig;
        this.topic = config.snapshotsTopic();
        this.written = Counter.builder("fusion.snapshots.written").description("stream snapshots acknowledged")
                .register(registry);
        this.failed = Counter.builder("fusion.snapshots.failed").description("stream snapshots that could not be written")
                .register(registry);
    }

    /** Sends a snapshot; never blocks the caller beyond handing it to the producer. */
    public void write(StreamSnapshot snapshot) {
        send(snapshot.stream(), snapshot.toBytes());
    }

    /** The stream is gone: its snapshot must never be restored. */
    public void delete(String stream) {
        send(stream, null);
    }

    private void send(String stream, byte[] value) {
        try {
            producer().send(new ProducerRecord<>(topic, stream, value), (meta, error) -> {
                if (error != null) {
                    failed.increment();
                    Log.warnf("snapshot of %s not written: %s", stream, error.getMessage());
                } else if (value != null) {
                    written.increment();
                }
            });
        } catch (RuntimeException e) {
            failed.increment();
            Log.warnf("snapshot of %s not written: %s", stream, e.getMessage());
        }
    }

    /** Waits until every snapshot handed over is acknowledged (a graceful hand-over, tests). */
    public void flush() {
        KafkaProducer<String, byte[]> p = producer;
        if (p != null) {
            p.flush();
        }
    }

    /** The latest snapshot of every stream, read to the end of the topic; unreadable ones are skipped with a warning. */
    public Map<String, StreamSnapshot> readAll(Duration timeout) {
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        props.keySet().removeIf(key -> key.startsWith("group.") || key.startsWith("auto.") || key.startsWith("enable."));
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "fusion-snapshots-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 32 * 1024 * 1024);
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        Map<String, StreamSnapshot> latest = new HashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                return latest;
            }
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : infos) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            while (!reachedEnd(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the snapshots topic was not read to its end within " + timeout);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() == null) {
                        latest.remove(r.key());
                        continue;
                    }
                    try {
                        latest.put(r.key(), StreamSnapshot.fromBytes(r.value()));
                    } catch (IOException | RuntimeException e) {
                        Log.warnf("snapshot of %s at %s-%d@%d is unreadable and ignored: %s", r.key(), r.topic(),
                                r.partition(), r.offset(), e.getMessage());
                        latest.remove(r.key());
                    }
                }
            }
        }
        return latest;
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    Map<String, Object> props = new HashMap<>(kafkaConfig);
                    props.keySet().removeIf(key -> key.startsWith("group.") || key.startsWith("auto."));
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
                    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
                    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
                    props.put(ProducerConfig.CLIENT_ID_CONFIG, "fusion-snapshots");
                    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
                    producer = new KafkaProducer<>(props);
                }
                p = producer;
            }
        }
        return p;
    }

    @PreDestroy
    void close() {
        KafkaProducer<String, byte[]> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }
}

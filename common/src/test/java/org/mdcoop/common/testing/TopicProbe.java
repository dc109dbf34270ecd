package org.mdcoop.common.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.mdcoop.common.events.EventEnvelope;
import org.mdcoop.common.events.EventSerde;

/**
 * Reads what really arrived on a topic of the local broker, for assertions on events. A fresh consumer group per
 * probe reads from the beginning; tests filter by their own subject ids because topics outlive test runs.
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<EventEnvelope> received = new CopyOnWriteArrayList<>();

    public TopicProbe(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of(topic));
    }

    public static TopicProbe localBroker(String topic) {
        return new TopicProbe("127.0.0.1:9092", topic);
    }

    /** Polls once (briefly) and returns every envelope received so far that matches. */
    public List<EventEnvelope> poll(Predicate<EventEnvelope> filter) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
            received.add(EventEnvelope.class.cast(EventSerde.fromJson(record.value())));
        }
        List<EventEnvelope> matching = new ArrayList<>();
        for (EventEnvelope envelope : received) {
            if (filter.test(envelope)) {
                matching.add(envelope);
            }
        }
        return matching;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}

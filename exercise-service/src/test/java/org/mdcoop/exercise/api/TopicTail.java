package org.mdcoop.exercise.api;

import java.nio.charset.StandardCharsets;
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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.mdcoop.common.events.EventEnvelope;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.tracing.Traceparent;

/**
 * What arrives on a topic of the local broker from now on (not its history, which the other services' tests fill),
 * with the message keys. Messages that are not envelopes (other tests' poison) are skipped.
 */
final class TopicTail implements AutoCloseable {

    /**
     * A message with its key, on a dead-letter topic the {@code dead-letter-reason} header, and the W3C
     * {@code traceparent} header it was sent with (each null when absent).
     */
    record Received(String key, EventEnvelope event, String deadLetterReason, String traceparent) {
    }

    private final KafkaConsumer<String, String> consumer;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    TopicTail(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "exercise-test-tail-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of(topic));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100));
        }
        if (consumer.assignment().isEmpty()) {
            throw new IllegalStateException("no partition of " + topic + " assigned");
        }
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position); // fix the starting offsets now
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Polls briefly and returns everything received so far that matches. */
    synchronized List<Received> poll(Predicate<Received> filter) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
            try {
                received.add(new Received(record.key(), EventSerde.fromJson(record.value()),
                        header(record, "dead-letter-reason"), header(record, "traceparent")));
            } catch (RuntimeException notAnEnvelope) {
                // someone else's poison message
            }
        }
        List<Received> out = new ArrayList<>();
        for (Received r : received) {
            if (filter.test(r)) {
                out.add(r);
            }
        }
        return out;
    }

    static void send(String topic, String key, EventEnvelope event) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(topic, key, EventSerde.toJson(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    static void sendAll(String topic, List<EventEnvelope> events) {
        sendAll(topic, events, null);
    }

    /** Sends every event with a {@code traceparent} header (none when it is null), as a traced producer does. */
    static void sendAll(String topic, List<EventEnvelope> events, String traceparent) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (EventEnvelope e : events) {
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, e.subjectId(), EventSerde.toJson(e));
                Traceparent.addTo(record.headers(), traceparent);
                producer.send(record);
            }
            producer.flush();
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}

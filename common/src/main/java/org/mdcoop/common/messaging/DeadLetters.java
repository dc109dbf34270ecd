package org.mdcoop.common.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mdcoop.common.events.PoisonMessageException;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;

/**
 * Dead-letters for consumers that read whole poll batches: a batch cannot be nacked record by record, so the
 * consumer sends its poison records here and goes on with the rest. Each letter carries the headers the
 * connector's own dead-letter strategy writes ({@code dead-letter-reason}, {@code -cause}, {@code -topic},
 * {@code -partition}, {@code -offset}), so one tool reads every DLQ. One idempotent producer per service, made on
 * first use (most services never dead-letter).
 */
@ApplicationScoped
public class DeadLetters {

    /** A record that can never be applied, and why. */
    public record Letter(ConsumerRecord<String, String> record, String reason) {
    }

    /** Under a flood of poison one line per record would cost more than the records: a batch logs this many. */
    static final int LOGGED_PER_BATCH = 10;

    private final Map<String, Object> kafkaConfig;
    private final String clientId;
    private volatile KafkaProducer<String, String> producer;

    public DeadLetters(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.kafkaConfig = kafkaConfig;
        this.clientId = applicationName + "-dead-letters";
    }

    /** Sends every letter to {@code topic}, then waits for each acknowledgement (up to 10 s each). */
    public void send(String topic, List<Letter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        List<Future<?>> sent = new ArrayList<>(letters.size());
        for (int i = 0; i < letters.size(); i++) {
            Letter letter = letters.get(i);
            ConsumerRecord<String, String> r = letter.record();
            if (i < LOGGED_PER_BATCH) {
                Log.warnf("%s-%d@%d to %s: %s", r.topic(), r.partition(), r.offset(), topic, letter.reason());
            }
            ProducerRecord<String, String> out = new ProducerRecord<>(topic, r.key(), r.value());
            out.headers().add("dead-letter-reason", utf8(letter.reason()));
            out.headers().add("dead-letter-cause", utf8(PoisonMessageException.class.getName()));
            out.headers().add("dead-letter-topic", utf8(r.topic()));
            out.headers().add("dead-letter-partition", utf8(Integer.toString(r.partition())));
            out.headers().add("dead-letter-offset", utf8(Long.toString(r.offset())));
            sent.add(producer().send(out));
        }
        if (letters.size() > LOGGED_PER_BATCH) {
            Log.warnf("... and %d more records of the batch to %s", letters.size() - LOGGED_PER_BATCH, topic);
        }
        for (int i = 0; i < sent.size(); i++) {
            try {
                sent.get(i).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                ConsumerRecord<String, String> r = letters.get(i).record();
                Log.errorf("could not dead-letter %s-%d@%d (%s): %s", r.topic(), r.partition(), r.offset(),
                        letters.get(i).reason(), e.getMessage());
            }
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    Map<String, Object> props = new HashMap<>(kafkaConfig);
                    props.keySet().removeIf(key -> key.startsWith("group.") || key.startsWith("auto."));
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
                    props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
                    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    producer = new KafkaProducer<>(props);
                }
                p = producer;
            }
        }
        return p;
    }

    @PreDestroy
    void close() {
        KafkaProducer<String, String> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }
}

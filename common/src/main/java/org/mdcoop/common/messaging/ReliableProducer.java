package org.mdcoop.common.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A string producer that only counts a record as sent once every in-sync replica has it ({@code acks=all}) and never
 * writes it twice on a retry (idempotent). Built lazily from the service's shared Kafka configuration (the
 * {@code default-kafka-broker} map, which carries bootstrap servers and security settings), so a service starts even
 * when the broker is down; fails fast (5 s) instead of blocking when the broker is unreachable.
 */
public final class ReliableProducer implements AutoCloseable {

    private final Map<String, Object> settings;
    private volatile KafkaProducer<String, String> producer;

    /**
     * @param sharedConfig the {@code default-kafka-broker} configuration
     * @param clientId     names the producer in broker logs and metrics
     * @param tuning       extra producer settings (e.g. linger, compression); cannot weaken acks or idempotence
     */
    public ReliableProducer(Map<String, Object> sharedConfig, String clientId, Map<String, Object> tuning) {
        Map<String, Object> props = new HashMap<>(sharedConfig);
        // consumer-only settings in the shared map would only produce warnings
        props.keySet().removeIf(key -> key.startsWith("group.") || key.startsWith("auto."));
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        props.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        props.putAll(tuning);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        this.settings = Map.copyOf(props);
    }

    public KafkaProducer<String, String> get() {
        KafkaProducer<String, String> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(settings);
                }
                current = producer;
            }
        }
        return current;
    }

    @Override
    public void close() {
        KafkaProducer<String, String> current = producer;
        if (current != null) {
            current.close(Duration.ofSeconds(5));
        }
    }
}

package org.mdcoop.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The fault drills' hands on the local stack: `deploy/local/stack kill|stop|start`, a producer straight onto the
 * broker, topic end offsets and readers, and counts in the services' databases. Plain clients, no framework.
 */
final class FaultDrill {

    static final String BOOTSTRAP = "127.0.0.1:9092";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Path STACK = Path.of(System.getProperty("mdcoop.stack", "../deploy/local/stack"));
    private static final Path RESULTS = Path.of("target/fault-drills.md");
    private static final Path STACK_LOG = Path.of("target/fault-drills-stack.log");

    private FaultDrill() {
    }

    /** Runs {@code deploy/local/stack <args>} and fails the drill when it fails. Returns how long it took. */
    static Duration stack(String... args) {
        List<String> command = new ArrayList<>();
        command.add(STACK.toString());
        command.addAll(List.of(args));
        Instant start = Instant.now();
        try {
            // into a file, not this JVM's stdout: surefire owns that stream and breaks if a child writes to it
            Files.createDirectories(STACK_LOG.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(STACK_LOG.toFile())).start();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("stack " + String.join(" ", args) + " failed; see " + STACK_LOG);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Duration.between(start, Instant.now());
    }

    static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // survives a broker restart: keep retrying for five minutes before giving up on a record
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    static KafkaConsumer<String, String> reader() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return new KafkaConsumer<>(p);
    }

    /** End offset of every partition of the topics, to read or count what comes after. */
    static Map<TopicPartition, Long> endOffsets(Collection<String> topics) {
        try (KafkaConsumer<String, String> consumer = reader()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            return consumer.endOffsets(partitions, Duration.ofSeconds(30));
        }
    }

    /** Records written since the given offsets, per topic. */
    static Map<String, Long> countSince(Map<TopicPartition, Long> from) {
        Map<TopicPartition, Long> now = endOffsets(from.keySet().stream().map(TopicPartition::topic).distinct().toList());
        Map<String, Long> counts = new HashMap<>();
        from.forEach((partition, offset) -> counts.merge(partition.topic(), now.get(partition) - offset, Long::sum));
        return counts;
    }

    /** Reads every record written since the offsets, up to the end offsets at the time of the call. */
    static void readSince(Map<TopicPartition, Long> from, Consumer<ConsumerRecord<String, String>> each) {
        Map<TopicPartition, Long> until = endOffsets(from.keySet().stream().map(TopicPartition::topic).distinct().toList());
        try (KafkaConsumer<String, String> consumer = reader()) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            Map<TopicPartition, Long> remaining = new HashMap<>(until);
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (remaining.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read the topics up to " + until);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < until.get(new TopicPartition(record.topic(), record.partition()))) {
                        each.accept(record);
                    }
                }
            }
        }
    }

    /** An event envelope as every mdcoop topic carries it. */
    static String envelope(UUID eventId, String type, String party, String subjectId, ObjectNode payload) {
        ObjectNode e = JSON.createObjectNode();
        e.put("eventId", eventId.toString());
        e.put("type", type);
        e.put("version", 1);
        e.put("occurredAt", Instant.now().toString());
        e.put("producer", "fault-drill");
        if (party != null) {
            e.put("party", party);
        }
        e.put("actor", "fault-drill");
        e.put("subjectId", subjectId);
        e.set("payload", payload);
        return e.toString();
    }

    /**
     * Announces a RUNNING exercise (hosted by NATO, approved by Russia, declaring these sensors) on exercise.events
     * as the exercise-service would, and waits until the fusion centre has recorded it: an exercise stream of the
     * fusion centre's alone, which takes the drill's reports (the centre refuses reports of exercises not running).
     */
    static UUID announceRunningExercise(String... sensorIds) {
        UUID id = UUID.randomUUID();
        ObjectNode payload = JSON.createObjectNode();
        payload.put("exerciseId", id.toString());
        payload.put("name", "fault drill stream");
        payload.put("host", "NATO");
        payload.put("approvedBy", "RUSSIA");
        payload.put("status", "RUNNING");
        payload.putObject("run").putPOJO("sensorIds", java.util.List.of(sensorIds));
        try (KafkaProducer<String, String> p = producer()) {
            p.send(new ProducerRecord<>("exercise.events", id.toString(),
                    envelope(UUID.randomUUID(), "exercise.started", "NATO", id.toString(), payload))).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not announce the drill's exercise", e);
        }
        org.awaitility.Awaitility.await("fusion knows exercise " + id).atMost(java.time.Duration.ofSeconds(30))
                .until(() -> count("fusion", "select count(*) from exercise_stream where exercise_id = ?", id) == 1);
        sleep(java.time.Duration.ofMillis(500)); // the centre's cache re-reads an unknown exercise within 250 ms
        return id;
    }

    static Connection database(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + name, name, name);
    }

    static long count(String database, String sql, Object... params) {
        try (Connection c = database(database); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object param = params[i];
                if (param instanceof Collection<?> values) {
                    Array array = c.createArrayOf(values.iterator().next() instanceof UUID ? "uuid" : "text",
                            values.toArray());
                    s.setArray(i + 1, array);
                } else {
                    s.setObject(i + 1, param);
                }
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static void execute(String database, String sql, Collection<UUID> ids) {
        try (Connection c = database(database); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Appends a drill's results to target/fault-drills.md (copied into docs/reliability.md by hand). */
    static synchronized void record(String markdown) {
        try {
            Files.createDirectories(RESULTS.getParent());
            Files.writeString(RESULTS, markdown + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(markdown);
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

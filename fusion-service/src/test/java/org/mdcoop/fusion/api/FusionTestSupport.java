package org.mdcoop.fusion.api;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.mdcoop.agreement.contract.AgreementStatusMessage;
import org.mdcoop.agreement.contract.testing.StatusFixture;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.events.EventEnvelope;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.events.SensorReportMessage;
import org.mdcoop.common.security.Roles;
import org.mdcoop.common.testing.StatusFeed;
import org.mdcoop.common.testing.TestTokens;
import org.mdcoop.fusion.engine.model.BallisticMotionModel;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Tokens, Kafka producers/readers and synthetic data for the fusion-service tests (the %test topics). */
final class FusionTestSupport {

    static final String BOOTSTRAP = "127.0.0.1:9092";
    static final String STATUS_TOPIC = "fusion-test.agreement.status";
    static final String REPORTS_TOPIC = "fusion-test.sensor-reports";
    static final String REPORTS_DLQ = "fusion-test.sensor-reports.dlq";
    static final String TRACKS_TOPIC = "fusion-test.tracks";
    static final String EXERCISES_TOPIC = "fusion-test.exercise.events";

    private static KafkaProducer<String, String> producer;

    private FusionTestSupport() {
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static RequestSpecification natoOperator() {
        return as(TestTokens.nato(Roles.FUSION_OPERATOR));
    }

    static RequestSpecification russianOperator() {
        return as(TestTokens.russia(Roles.FUSION_OPERATOR));
    }

    static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(p);
        }
        return producer;
    }

    static void send(String topic, String key, String value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    private static final Map<UUID, StatusFixture> AGREEMENTS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Publishes an agreement status as the agreement-service does (compacted topic, keyed by agreement id, the
     * contract's message with the agreement's next revision) and repeats it as the heartbeat (common's StatusFeed).
     * {@code at} dates the terms: effective a minute before, for a year.
     */
    static void publishStatus(UUID agreementId, String status, boolean inForce, Instant at) {
        StatusFixture agreement = AGREEMENTS.computeIfAbsent(agreementId,
                id -> StatusFixture.existing(id, Set.of("TRANSPARENCY", "DATA_FUSION_CENTRE"), 0));
        AgreementStatusMessage message = switch (status) {
            case "PROVISIONAL" -> agreement.provisional(at.minusSeconds(60), at.plus(Duration.ofDays(365)));
            case "WITHDRAWN" -> agreement.withdrawn(at, "NATO");
            default -> agreement.next(status, at.plus(Duration.ofDays(365)), null, inForce ? null : at, null,
                    at.minusSeconds(60));
        };
        StatusFeed.localBroker(STATUS_TOPIC).publish(message);
    }

    /** One party stopped {@code element} of the agreement {@link #openCentre} made (issue 16); it stays in force. */
    static void stopElement(UUID agreementId, String element) {
        StatusFeed.localBroker(STATUS_TOPIC).publish(AGREEMENTS.get(agreementId).elementStopped("PROVISIONAL", element));
    }

    /**
     * Opens the centre with a fresh in-force agreement, published to the broker as the agreement-service would, and
     * waits until the picture says so. Returns the agreement's id.
     */
    static UUID openCentre() {
        UUID agreementId = UUID.randomUUID();
        publishStatus(agreementId, "PROVISIONAL", true, Instant.now());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(org.mdcoop.common.testing.TestTokens.nato(org.mdcoop.common.security.Roles.ANALYST))
                        .get("/api/picture").then().statusCode(200)
                        .body("centreOpen", org.hamcrest.Matchers.equalTo(true))
                        .body("agreementId", org.hamcrest.Matchers.equalTo(agreementId.toString())));
        return agreementId;
    }

    /** Ends the agreement {@link #openCentre} made and waits until the centre is closed. */
    static void closeCentre(UUID agreementId) {
        publishStatus(agreementId, "WITHDRAWN", false, Instant.now());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(org.mdcoop.common.testing.TestTokens.nato(org.mdcoop.common.security.Roles.ANALYST))
                        .get("/api/picture").then().body("centreOpen", org.hamcrest.Matchers.equalTo(false)));
    }

    /**
     * Announces a RUNNING exercise hosted by NATO and approved by Russia whose run declares these sensors, as the
     * exercise-service does on exercise.events, and waits until the centre knows it. Returns the exercise's id.
     */
    static UUID runExercise(String... sensorIds) {
        UUID exerciseId = UUID.randomUUID();
        announceExercise(exerciseId, "exercise.started", "RUNNING", List.of(sensorIds));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            org.mdcoop.fusion.domain.ExerciseStream known = io.quarkus.arc.Arc.container()
                    .instance(org.mdcoop.fusion.service.ExerciseStreams.class).get().known(exerciseId);
            return known != null && "RUNNING".equals(known.status());
        });
        return exerciseId;
    }

    /** Publishes one exercise event (the exercise-service's payload) for {@code exerciseId}, keyed by it. */
    static void announceExercise(UUID exerciseId, String type, String status, List<String> sensorIds) {
        announceExercise(exerciseId, type, status, sensorIds, "RUSSIA");
    }

    /** As above, approved by {@code approvedBy} (null: not approved, NATO alone takes part). */
    static void announceExercise(UUID exerciseId, String type, String status, List<String> sensorIds,
            String approvedBy) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("exerciseId", exerciseId.toString());
        payload.put("name", "test exercise");
        payload.put("host", "NATO");
        payload.put("approvedBy", approvedBy);
        payload.put("status", status);
        if (sensorIds != null) {
            payload.put("run", Map.of("sensorIds", sensorIds));
        }
        send(EXERCISES_TOPIC, exerciseId.toString(), EventSerde.toJson(EventSerde.envelope(type, 1, Instant.now(),
                "exercise", Party.NATO, "planner", null, exerciseId.toString(), payload)));
    }

    static String registerSensor(RequestSpecification operator, String id, double latDeg, double lonDeg, double sigmaM) {
        operator.body(Map.of("id", id, "type", "EARLY_WARNING_RADAR", "latDeg", latDeg, "lonDeg", lonDeg, "altM", 100.0,
                "sigmaM", sigmaM, "revisitS", 1.0)).post("/api/sensors").then().statusCode(201);
        return id;
    }

    static EventEnvelope reportEnvelope(SensorReportMessage m) {
        return EventSerde.envelope(SensorReportMessage.TYPE, SensorReportMessage.VERSION, Instant.now(), "sensor-gateway",
                m.party(), "gateway", null, m.sensorId(), m);
    }

    /** One synthetic measured point of the arc. */
    record Point(Instant t, double x, double y, double z) {
    }

    /**
     * A ballistic arc (central gravity, the engine's own motion model) sampled every second for {@code seconds}
     * seconds ending {@code endAgo} before now, with Gaussian noise of {@code sigmaM} (seeded).
     */
    static List<Point> arc(int seconds, Duration endAgo, double sigmaM, long seed) {
        BallisticMotionModel model = new BallisticMotionModel(0.0, 1.0);
        // 150 km up over central Europe, climbing and heading east at ~3.5 km/s
        double r = 6_371_000.0 + 150_000.0;
        double lat = Math.toRadians(50), lon = Math.toRadians(20);
        double[] up = { Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat) };
        double[] east = { -Math.sin(lon), Math.cos(lon), 0 };
        double[] s = { r * up[0], r * up[1], r * up[2], 3_000 * east[0] + 1_500 * up[0], 3_000 * east[1] + 1_500 * up[1],
                3_000 * east[2] + 1_500 * up[2] };
        Random noise = new Random(seed);
        Instant start = Instant.now().minus(endAgo).minusSeconds(seconds);
        List<Point> out = new ArrayList<>();
        for (int k = 0; k < seconds; k++) {
            out.add(new Point(start.plusSeconds(k), s[0] + sigmaM * noise.nextGaussian(), s[1] + sigmaM * noise.nextGaussian(),
                    s[2] + sigmaM * noise.nextGaussian()));
            model.propagate(s, 0, 1.0);
        }
        return out;
    }

    static SensorReportMessage report(String reportId, String sensorId, Party party, Point p, double sigmaM,
            UUID exerciseId) {
        return new SensorReportMessage(reportId, sensorId, party, p.t(), p.x(), p.y(), p.z(), sigmaM, null, null, null,
                null, exerciseId != null, exerciseId);
    }

    static Map<String, Object> restReport(String reportId, String sensorId, Point p, double sigmaM) {
        Map<String, Object> m = new HashMap<>();
        m.put("reportId", reportId);
        m.put("sensorId", sensorId);
        m.put("t", p.t().toString());
        m.put("xM", p.x());
        m.put("yM", p.y());
        m.put("zM", p.z());
        m.put("sigmaM", sigmaM);
        return m;
    }

    /** Reads what arrives on a topic from now on (it starts at the end of every partition), with headers. */
    static final class TailProbe implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final List<ConsumerRecord<String, String>> received = new ArrayList<>();

        TailProbe(String topic) {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
            p.put(ConsumerConfig.GROUP_ID_CONFIG, "fusion-test-probe-" + UUID.randomUUID());
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            consumer = new KafkaConsumer<>(p);
            // make sure the topic exists (the broker creates it on first use) and start at its end
            send(topic, "probe", "{}");
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
        }

        List<ConsumerRecord<String, String>> poll() {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                received.add(r);
            }
            return received;
        }

        List<EventEnvelope> envelopes(java.util.function.Predicate<EventEnvelope> filter) {
            List<EventEnvelope> out = new ArrayList<>();
            for (ConsumerRecord<String, String> r : poll()) {
                if (r.value() == null || r.value().equals("{}")) {
                    continue;
                }
                EventEnvelope e = EventSerde.fromJson(r.value());
                if (filter.test(e)) {
                    out.add(e);
                }
            }
            return out;
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(2));
        }
    }
}

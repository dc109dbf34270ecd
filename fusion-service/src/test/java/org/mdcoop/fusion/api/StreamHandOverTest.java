package org.mdcoop.fusion.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mdcoop.fusion.api.FusionTestSupport.runExercise;
import static org.mdcoop.fusion.api.FusionTestSupport.BOOTSTRAP;
import static org.mdcoop.fusion.api.FusionTestSupport.REPORTS_TOPIC;
import static org.mdcoop.fusion.api.FusionTestSupport.as;
import static org.mdcoop.fusion.api.FusionTestSupport.natoOperator;
import static org.mdcoop.fusion.api.FusionTestSupport.registerSensor;
import static org.mdcoop.fusion.api.FusionTestSupport.reportEnvelope;
import static org.mdcoop.fusion.api.FusionTestSupport.russianOperator;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.events.SensorReportMessage;
import org.mdcoop.common.security.Roles;
import org.mdcoop.common.testing.TestTokens;
import org.mdcoop.fusion.engine.model.BallisticMotionModel;
import org.mdcoop.fusion.service.StreamSnapshot;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A stream moves between owners through the consumer group and the snapshots topic, with the real broker: another
 * member joins the service's group (every partition is revoked and assigned again), reports go on arriving meanwhile,
 * the member leaves; the stream continues from its snapshot with the same track ids, one track per object, and the
 * reports sent during the hand-over are fused.
 */
@QuarkusTest
class StreamHandOverTest {

    private static final String SNAPSHOTS_TOPIC = "fusion-test.snapshots";
    private static final String GROUP = "fusion-test";

    private UUID agreementId;
    private String run;

    @BeforeEach
    void openTheCentre() {
        agreementId = FusionTestSupport.openCentre();
        run = agreementId.toString().substring(0, 8);
    }

    @AfterEach
    void endTheAgreement() {
        FusionTestSupport.closeCentre(agreementId);
    }

    /** Six objects 2 degrees apart over Europe, climbing east (truth). */
    private static double[][] raid() {
        double[][] states = new double[6][];
        for (int i = 0; i < states.length; i++) {
            double lat = Math.toRadians(46 + 2 * (i / 3)), lon = Math.toRadians(12 + 2 * (i % 3));
            double r = 6_371_000.0 + 150_000.0;
            double[] up = { Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat) };
            double[] east = { -Math.sin(lon), Math.cos(lon), 0 };
            states[i] = new double[] { r * up[0], r * up[1], r * up[2], 3_000 * east[0] + 1_500 * up[0],
                    3_000 * east[1] + 1_500 * up[1], 3_000 * east[2] + 1_500 * up[2] };
        }
        return states;
    }

    private void sendScans(String nato, String russia, UUID exercise, double[][] objects, Instant t0, int from, int to) {
        Random noise = new Random(from);
        String stream = SensorReportMessage.streamOf(exercise);
        for (int k = from; k < to; k++) {
            Instant t = t0.plusSeconds(k);
            for (int o = 0; o < objects.length; o++) {
                double[] s = objects[o].clone();
                new BallisticMotionModel(0.0, 0.1).propagate(s, 0, k);
                for (String sensor : List.of(nato, russia)) {
                    Party party = sensor.equals(nato) ? Party.NATO : Party.RUSSIA;
                    double dt = sensor.equals(nato) ? 0 : 0.4;
                    SensorReportMessage m = new SensorReportMessage(run + "-" + sensor + "-" + k + "-" + o, sensor,
                            party, t.plusMillis((long) (dt * 1000)), s[0] + s[3] * dt + 60 * noise.nextGaussian(),
                            s[1] + s[4] * dt + 60 * noise.nextGaussian(), s[2] + s[5] * dt + 60 * noise.nextGaussian(),
                            60.0, null, null, null, null, true, exercise);
                    // one burst per scan, as a radar delivers it (one acknowledged send at a time would split
                    // scans on a loaded machine)
                    FusionTestSupport.producer().send(new ProducerRecord<>(REPORTS_TOPIC, stream,
                            EventSerde.toJson(reportEnvelope(m))));
                }
            }
            FusionTestSupport.producer().flush();
        }
    }

    private record Seen(Instant t, int updateNumber) {
    }

    private static Map<String, Seen> picture(UUID exercise) {
        JsonPath body = as(TestTokens.nato(Roles.ANALYST)).queryParam("exerciseId", exercise.toString())
                .get("/api/picture").then().statusCode(200).extract().jsonPath();
        Map<String, Seen> out = new HashMap<>();
        List<Map<String, Object>> tracks = body.getList("tracks");
        for (Map<String, Object> t : tracks) {
            out.put((String) t.get("trackId"), new Seen(Instant.parse((String) t.get("t")),
                    ((Number) t.get("updateNumber")).intValue()));
        }
        return out;
    }

    @Test
    void aStreamHandedOverThroughTheGroupKeepsItsTrackIdsAndFusesWhatArrivedMeanwhile() {
        String nato = registerSensor(natoOperator(), "NATO-HO-" + run, 52, 21, 60);
        String russia = registerSensor(russianOperator(), "RU-HO-" + run, 55, 37, 60);
        UUID exercise = runExercise(nato, russia);
        double[][] objects = raid();
        Instant t0 = Instant.now().minusSeconds(40);

        sendScans(nato, russia, exercise, objects, t0, 0, 8);
        Map<String, Seen> before = await().atMost(Duration.ofSeconds(30)).until(() -> picture(exercise),
                p -> p.size() == objects.length
                        && p.values().stream().allMatch(s -> !s.t().isBefore(t0.plusSeconds(7))));

        // another member joins the group: the service gives every partition up (snapshot) and gets some back
        try (KafkaConsumer<String, String> intruder = member()) {
            intruder.subscribe(List.of(REPORTS_TOPIC));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                intruder.poll(Duration.ofMillis(200));
                return intruder.groupMetadata().generationId() > 0;
            });
            sendScans(nato, russia, exercise, objects, t0, 8, 14);
            for (int i = 0; i < 5; i++) {
                intruder.poll(Duration.ofMillis(200)); // stays a live member for a moment, commits nothing
            }
        }
        // it left: the stream is fused again, from its snapshot, including the scans sent during the hand-over
        Map<String, Seen> after = await().atMost(Duration.ofSeconds(40)).until(() -> picture(exercise),
                p -> p.size() == objects.length
                        && p.values().stream().allMatch(s -> !s.t().isBefore(t0.plusSeconds(13))));
        assertThat(after.keySet()).isEqualTo(before.keySet());
        // the same tracks continued (a tracker started afresh would count its updates from one again)
        after.forEach((id, seen) -> assertThat(seen.updateNumber())
                .as("updates of %s", id).isGreaterThanOrEqualTo(before.get(id).updateNumber() + 10));

        StreamSnapshot snapshot = latestSnapshot(SensorReportMessage.streamOf(exercise));
        assertThat(snapshot).isNotNull();
        assertThat(snapshot.agreementId()).isEqualTo(agreementId);
        assertThat(snapshot.published().stream().map(StreamSnapshot.PublishedTrack::trackId)
                .collect(Collectors.toSet())).isEqualTo(before.keySet());
    }

    private static KafkaConsumer<String, String> member() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6000);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }

    private static StreamSnapshot latestSnapshot(String stream) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = c.partitionsFor(SNAPSHOTS_TOPIC).stream()
                    .map(i -> new TopicPartition(SNAPSHOTS_TOPIC, i.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions);
            StreamSnapshot latest = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(tp -> c.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (stream.equals(r.key())) {
                        try {
                            latest = r.value() == null ? null : StreamSnapshot.fromBytes(r.value());
                        } catch (java.io.IOException e) {
                            throw new AssertionError("unreadable snapshot", e);
                        }
                    }
                }
            }
            return latest;
        }
    }

}

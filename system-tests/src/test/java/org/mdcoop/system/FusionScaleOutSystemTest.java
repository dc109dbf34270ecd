package org.mdcoop.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.mdcoop.system.Stack.as;
import static org.mdcoop.system.Stack.url;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Two fusion-service instances on one broker and one database — the stack's and a second one this test starts from
 * the same jar — while two radars report a raid on the live picture in real time: one track per object, the same
 * picture on both; the owner of the live stream is killed with SIGKILL and the other takes over with the same track
 * ids, no second track per object and nothing published by the old owner afterwards; then the killed instance is
 * started again and the other one killed, so the restarted instance continues the same tracks from the snapshot.
 */
class FusionScaleOutSystemTest {

    private static final String FIRST = Stack.SERVICES.get("fusion");
    private static final int SECOND_PORT = 8094;
    private static final String SECOND = "http://localhost:" + SECOND_PORT;
    private static final Path JAR = Path.of("../fusion-service/target/quarkus-app/quarkus-run.jar");
    private static final Path SECOND_LOG = Path.of("target/fusion-second-instance.log");
    private static final int OBJECTS = 6;
    private static final double MU = 3.986004418e14;
    private static final Pattern FUSED = Pattern.compile("^fusion_reports_fused_total\\S* ([0-9.E+]+)$",
            Pattern.MULTILINE);

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicBoolean reporting = new AtomicBoolean(true);
    private Process second;
    private boolean firstKilled;
    private Thread radars;

    @BeforeEach
    void agreementInForceAndASecondInstance() throws IOException {
        Stack.closeOpenAgreements();
        String id = as("nato-liaison").body("{\"elements\":[\"DATA_FUSION_CENTRE\"]}")
                .post(url("agreement", "/api/agreements")).then().statusCode(201).extract().path("id");
        as("nato-liaison").post(url("agreement", "/api/agreements/" + id + "/submit")).then().statusCode(200);
        as("russia-liaison").post(url("agreement", "/api/agreements/" + id + "/accept")).then().statusCode(200);
        // a fusion instance killed by an earlier test may still hold the view's partitions for its session (10 s)
        await("the centre open").atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(Stack.inForceAt("fusion", id)).isTrue());
        second = startSecond();
        await("the second instance ready").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> ready(SECOND));
        await("the second instance's centre open").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("nato-analyst").get(SECOND + "/api/picture").then().statusCode(200).body("centreOpen", equalTo(true)));
    }

    @AfterEach
    void stopEverythingStarted() throws InterruptedException {
        reporting.set(false);
        if (radars != null) {
            radars.join(5_000);
        }
        if (second != null) {
            second.destroyForcibly().waitFor();
        }
        if (firstKilled) {
            FaultDrill.stack("start", "fusion");
        }
        Stack.closeOpenAgreements();
    }

    @Test
    void theOwnerKilledUnderLoadIsReplacedWithTheSameTracksAndARestartedInstanceContinuesThem() throws Exception {
        String nato = register("nato-fusion-operator", "NATO-SO-" + run, 52, 21);
        String russia = register("russia-fusion-operator", "RU-SO-" + run, 55, 37);
        Set<String> ours = Set.of(nato, russia);
        radars = new Thread(() -> report(nato, russia), "radars");
        radars.start();

        // one track per object, the same picture on both instances
        Map<String, Integer> before = await("one track per object on the first instance")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> ourTracks(FIRST, ours), t -> t.size() == OBJECTS);
        await("the same picture on the second instance").atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(ourTracks(SECOND, ours).keySet()).isEqualTo(before.keySet()));

        boolean firstOwns = owner();
        String survivor = firstOwns ? SECOND : FIRST;
        try (KafkaConsumer<String, String> tracks = tail("fusion.tracks")) {
            Instant killedAt = Instant.now();
            if (firstOwns) {
                FaultDrill.stack("kill", "fusion");
                firstKilled = true;
            } else {
                second.destroyForcibly().waitFor();
            }
            Map<String, Integer> atKill = ourTracks(survivor, ours);
            // taken over: every track updated again on the survivor, under the same ids
            Map<String, Integer> after = await("the survivor fuses the live stream")
                    .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> ourTracks(survivor, ours), t -> t.size() == OBJECTS
                            && t.entrySet().stream().allMatch(e -> e.getValue() > atKill.getOrDefault(e.getKey(), 0)));
            Duration takeOver = Duration.between(killedAt, Instant.now());
            System.out.println("fusion take-over after SIGKILL of the owner: " + takeOver.toMillis() + " ms");
            assertThat(takeOver).as("take-over time").isLessThan(Duration.ofSeconds(20));
            assertThat(after.keySet()).isEqualTo(before.keySet());
            assertThat(after).allSatisfy((track, update) -> assertThat(update).isGreaterThan(before.get(track)));

            // on the topic, per track (one partition each, so in order): once the new owner's epoch appeared,
            // nothing of an older epoch followed
            Map<String, List<Long>> epochs = epochsOf(tracks, before.keySet(), Duration.ofSeconds(3));
            assertThat(epochs).allSatisfy((track, seen) -> {
                long newest = seen.stream().mapToLong(Long::longValue).max().orElseThrow();
                assertThat(seen.subList(seen.indexOf(newest), seen.size())).as("epochs of %s", track)
                        .allMatch(e -> e == newest);
            });
        }

        // the killed instance starts again, the other one goes: the restarted one continues the same tracks
        Map<String, Integer> beforeRestart = ourTracks(survivor, ours);
        String restarted;
        if (firstOwns) {
            FaultDrill.stack("start", "fusion");
            firstKilled = false;
            second.destroyForcibly().waitFor();
            restarted = FIRST;
        } else {
            second = startSecond();
            await("the second instance ready again").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> ready(SECOND));
            FaultDrill.stack("kill", "fusion");
            firstKilled = true;
            restarted = SECOND;
        }
        Map<String, Integer> continued = await("the restarted instance continues the tracks")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> ourTracks(restarted, ours), t -> t.size() == OBJECTS && t.entrySet().stream()
                        .allMatch(e -> e.getValue() > beforeRestart.getOrDefault(e.getKey(), Integer.MAX_VALUE)));
        assertThat(continued.keySet()).isEqualTo(before.keySet());
    }

    // ---- the raid: objects in a low circular orbit over Europe, 2 degrees apart, seen by both radars every second

    private void report(String nato, String russia) {
        double r = 6_371_000.0 + 150_000.0;
        double v = Math.sqrt(MU / r);
        double[][] states = new double[OBJECTS][];
        for (int i = 0; i < OBJECTS; i++) {
            double lat = Math.toRadians(44 + 2 * (i / 3)), lon = Math.toRadians(10 + 2 * (i % 3));
            double[] up = { Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat) };
            double[] east = { -Math.sin(lon), Math.cos(lon), 0 };
            states[i] = new double[] { r * up[0], r * up[1], r * up[2], v * east[0], v * east[1], v * east[2] };
        }
        Random noise = new Random(7);
        // report times on the services' clock (tests before may have moved it), paced by this machine's
        Instant serviceStart = Stack.serviceNow("fusion");
        Instant start = Instant.now();
        long scan = 0;
        try (KafkaProducer<String, String> producer = FaultDrill.producer()) {
            while (reporting.get()) {
                Instant t = serviceStart.plusSeconds(scan);
                long wait = Duration.between(Instant.now(), start.plusSeconds(scan)).toMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                for (int i = 0; i < OBJECTS; i++) {
                    for (String sensor : List.of(nato, russia)) {
                        String party = sensor.equals(nato) ? "NATO" : "RUSSIA";
                        ObjectNode m = FaultDrill.JSON.createObjectNode();
                        m.put("reportId", run + "-" + sensor + "-" + scan + "-" + i);
                        m.put("sensorId", sensor);
                        m.put("party", party);
                        m.put("t", t.toString());
                        m.put("xM", states[i][0] + 50 * noise.nextGaussian());
                        m.put("yM", states[i][1] + 50 * noise.nextGaussian());
                        m.put("zM", states[i][2] + 50 * noise.nextGaussian());
                        m.put("sigmaM", 50.0);
                        m.put("exercise", false);
                        producer.send(new ProducerRecord<>("fusion.sensor-reports", "live", FaultDrill.envelope(
                                UUID.randomUUID(), "fusion.sensor-report", party, sensor, m)));
                    }
                }
                producer.flush();
                for (double[] s : states) {
                    propagate(s, 1.0);
                }
                scan++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Central gravity, small leapfrog steps (the truth the radars measure). */
    private static void propagate(double[] s, double dt) {
        int steps = 100;
        double h = dt / steps;
        for (int k = 0; k < steps; k++) {
            double[] a = gravity(s);
            s[3] += 0.5 * h * a[0];
            s[4] += 0.5 * h * a[1];
            s[5] += 0.5 * h * a[2];
            s[0] += h * s[3];
            s[1] += h * s[4];
            s[2] += h * s[5];
            a = gravity(s);
            s[3] += 0.5 * h * a[0];
            s[4] += 0.5 * h * a[1];
            s[5] += 0.5 * h * a[2];
        }
    }

    private static double[] gravity(double[] s) {
        double r2 = s[0] * s[0] + s[1] * s[1] + s[2] * s[2];
        double f = -MU / (r2 * Math.sqrt(r2));
        return new double[] { f * s[0], f * s[1], f * s[2] };
    }

    // ---- helpers

    private static String register(String operator, String id, double lat, double lon) {
        as(operator).body("{\"id\":\"" + id + "\",\"type\":\"EARLY_WARNING_RADAR\",\"latDeg\":" + lat + ",\"lonDeg\":"
                + lon + ",\"altM\":0,\"sigmaM\":50,\"revisitS\":1}").post(url("fusion", "/api/sensors"))
                .then().statusCode(201);
        return id;
    }

    /** Track id → update number of the live tracks our radars contributed to, as an instance serves them. */
    private static Map<String, Integer> ourTracks(String instance, Set<String> sensors) {
        List<Map<String, Object>> tracks = as("nato-analyst").queryParam("exercise", false)
                .get(instance + "/api/picture").then().statusCode(200).extract().path("tracks");
        Map<String, Integer> out = new TreeMap<>();
        for (Map<String, Object> t : tracks) {
            @SuppressWarnings("unchecked")
            List<String> contributing = (List<String>) t.get("contributingSensors");
            if (contributing != null && contributing.stream().anyMatch(sensors::contains)) {
                out.put((String) t.get("trackId"), ((Number) t.get("updateNumber")).intValue());
            }
        }
        return out;
    }

    /** Whether the stack's instance owns the live stream: its fused count grows while the other's does not. */
    private static boolean owner() throws InterruptedException {
        double first = fused(FIRST), other = fused(SECOND);
        Thread.sleep(3_000);
        double firstGrew = fused(FIRST) - first, otherGrew = fused(SECOND) - other;
        assertThat(firstGrew > 0 ^ otherGrew > 0).as("exactly one instance fuses the live stream (grew %s / %s)",
                firstGrew, otherGrew).isTrue();
        return firstGrew > 0;
    }

    private static double fused(String instance) {
        String metrics = given().get(instance + "/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = FUSED.matcher(metrics);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }

    private static boolean ready(String instance) {
        try {
            return given().get(instance + "/q/health/ready").statusCode() == 200;
        } catch (Exception e) { // not listening yet (rest-assured rethrows the ConnectException unchecked)
            return false;
        }
    }

    private static Process startSecond() throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: build fusion-service first (stack test does)");
        }
        Files.createDirectories(SECOND_LOG.getParent());
        return new ProcessBuilder(List.of("java", "-Xmx512m", "-Dquarkus.profile=dev",
                "-Dquarkus.http.port=" + SECOND_PORT, "-jar", JAR.toString())).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(SECOND_LOG.toFile())).start();
    }

    private static KafkaConsumer<String, String> tail(String topic) {
        KafkaConsumer<String, String> c = FaultDrill.reader();
        List<TopicPartition> partitions = c.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        c.assign(partitions);
        c.seekToEnd(partitions);
        partitions.forEach(c::position);
        return c;
    }

    /** The owner epochs of our tracks' records read from the tail, per track in the order they were written. */
    private static Map<String, List<Long>> epochsOf(KafkaConsumer<String, String> c, Set<String> trackIds,
            Duration quiet) {
        Map<String, List<Long>> epochs = new TreeMap<>();
        long idleSince = System.nanoTime();
        int n = 0;
        while (System.nanoTime() - idleSince < quiet.toNanos() && n < 200) {
            for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(300))) {
                if (!trackIds.contains(r.key())) {
                    continue;
                }
                Header h = r.headers().lastHeader("mdcoop-owner-epoch");
                assertThat(h).as("owner epoch header on %s", r.key()).isNotNull();
                epochs.computeIfAbsent(r.key(), k -> new ArrayList<>())
                        .add(Long.parseLong(new String(h.value(), StandardCharsets.UTF_8)));
                n++;
            }
        }
        assertThat(epochs).as("track records after the kill").isNotEmpty();
        return epochs;
    }
}

package org.mdcoop.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mdcoop.system.FaultDrill.count;
import static org.mdcoop.system.FaultDrill.envelope;
import static org.mdcoop.system.FaultDrill.record;
import static org.mdcoop.system.FaultDrill.stack;
import static org.mdcoop.system.Stack.as;
import static org.mdcoop.system.Stack.url;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.response.Response;

/**
 * The fault drills of docs/reliability.md: consuming services killed with SIGKILL in the middle of 10,000-event
 * streams, the agreement-service killed while it takes writes, the Kafka broker restarted under traffic, and
 * PostgreSQL restarted under the running services. Each drill counts what arrived where and records the numbers in
 * {@code target/fault-drills.md}. They crash parts of the stack, so they only run with {@code -Pfaults}
 * ({@code deploy/local/stack faults}).
 */
@Tag("faults")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultDrillSystemTest {

    private static final int STREAM = 10_000;
    private static final List<String> FOLLOWERS = List.of("transparency", "exercise", "fusion");
    private static final List<String> DLQS = List.of("agreement.events.dlq", "transparency.events.dlq",
            "exercise.events.dlq", "fusion.sensor-reports.dlq", "fusion.tracks.dlq");

    private static String agreement;
    private static String exercise;

    @BeforeAll
    static void cooperationInForce() {
        Stack.closeOpenAgreements();
        DemoSensors.ensureRegistered();
        agreement = as("nato-liaison").body("{\"elements\":[\"TRANSPARENCY\",\"JOINT_EXERCISES\","
                        + "\"DATA_FUSION_CENTRE\",\"COOPERATION_CENTRE\"],\"termMonths\":48}")
                .post(url("agreement", "/api/agreements")).then().statusCode(201).extract().path("id");
        as("nato-liaison").post(url("agreement", "/api/agreements/" + agreement + "/submit")).then().statusCode(200);
        as("russia-liaison").post(url("agreement", "/api/agreements/" + agreement + "/accept")).then().statusCode(200);
        for (String service : FOLLOWERS) {
            await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(Stack.inForceAt(service, agreement)));
        }
        Instant start = Instant.parse(as("nato-analyst").get(url("exercise", "/api/clock")).then().extract().path("now"))
                .plus(Duration.ofDays(1 + ThreadLocalRandom.current().nextInt(3000)));
        exercise = as("russia-exercise-planner").body("{\"name\":\"Fault drill " + start.getEpochSecond()
                        + "\",\"kind\":\"COMPUTER_ASSISTED\",\"window\":{\"start\":\"" + start + "\",\"end\":\""
                        + start.plus(Duration.ofHours(1)) + "\"},\"injects\":[{\"timeOffsetS\":0,\"launchLat\":45.0,"
                        + "\"launchLon\":33.0,\"impactLat\":42.0,\"impactLon\":39.0,\"missileClass\":\"SRBM\","
                        + "\"burnoutSpeedKmS\":2.6}]}")
                .post(url("exercise", "/api/exercises")).then().statusCode(201).extract().path("id");
        record("\n## Fault drills, " + Instant.now() + " (agreement " + agreement + ")\n");
    }

    /** Leaves no agreement in force behind: the stack is shared with the demo and the other system tests. */
    @AfterAll
    static void endTheDrillsAgreement() {
        Stack.closeOpenAgreements();
    }

    /**
     * Three streams of 10,000 events each go onto the broker while the three consuming services are killed with
     * SIGKILL one after the other and then started again: sensor reports (fusion), fused-track updates of an exercise
     * (exercise) and agreement lifecycle events (all three). Afterwards every event has had its effect exactly once.
     */
    @Test
    @Order(1)
    void consumersKilledMidStream_nothingMissingNothingDoubled() throws Exception {
        String run = "DRILL-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
        UUID reportsExercise = FaultDrill.announceRunningExercise("NATO-1"); // a stream of the fusion centre only
        List<UUID> agreementEventIds = Collections.synchronizedList(new ArrayList<>());
        List<UUID> fakeAgreements = Collections.synchronizedList(new ArrayList<>());
        List<UUID> trackEventIds = Collections.synchronizedList(new ArrayList<>());
        List<UUID> reportEventIds = Collections.synchronizedList(new ArrayList<>());
        Map<TopicPartition, Long> dlqBefore = FaultDrill.endOffsets(DLQS);
        AtomicInteger sent = new AtomicInteger();

        Thread streamer = new Thread(() -> {
            try (KafkaProducer<String, String> producer = FaultDrill.producer()) {
                for (int i = 0; i < STREAM; i++) {
                    Instant now = Instant.now();
                    UUID reportEvent = UUID.randomUUID();
                    reportEventIds.add(reportEvent);
                    producer.send(new ProducerRecord<>("fusion.sensor-reports", "NATO-1",
                            envelope(reportEvent, "fusion.sensor-report", "NATO", "NATO-1",
                                    report(run + "-" + i, i, now, reportsExercise))));
                    UUID trackEvent = UUID.randomUUID();
                    trackEventIds.add(trackEvent);
                    String trackId = run + "-T" + (i % 20);
                    producer.send(new ProducerRecord<>("fusion.tracks", trackId,
                            envelope(trackEvent, "fusion.track-updated", null, trackId,
                                    track(trackId, Instant.parse("2030-01-01T00:00:00Z").plusSeconds(i)))));
                    UUID agreementEvent = UUID.randomUUID();
                    agreementEventIds.add(agreementEvent);
                    UUID fake;
                    if (i % 2 == 0) {
                        fake = UUID.randomUUID();
                        fakeAgreements.add(fake);
                    } else {
                        fake = fakeAgreements.get(fakeAgreements.size() - 1);
                    }
                    producer.send(new ProducerRecord<>("agreement.events", fake.toString(),
                            envelope(agreementEvent, i % 2 == 0 ? "agreement.proposed" : "agreement.retracted",
                                    "NATO", fake.toString(), proposedThenRetracted(fake, i % 2 == 1, now))));
                    sent.incrementAndGet();
                    if (i % 25 == 24) {
                        FaultDrill.sleep(Duration.ofMillis(50)); // ~500 events/s per stream
                    }
                }
                producer.flush();
            }
        }, "fault-drill-streamer");
        Instant streamStart = Instant.now();
        streamer.start();

        Map<String, Integer> killedAt = new HashMap<>();
        for (String service : FOLLOWERS) {
            int at = 2_000 + 1_500 * killedAt.size();
            await().atMost(Duration.ofMinutes(2)).until(() -> sent.get() >= at);
            stack("kill", service);
            killedAt.put(service, sent.get());
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> sent.get() >= 7_000);
        Duration restart = stack("start", "fusion"); // starts every service that is not running
        streamer.join(Duration.ofMinutes(5).toMillis());
        assertThat(streamer.isAlive()).isFalse();
        Instant streamEnd = Instant.now();

        Set<UUID> agreementIds = new HashSet<>(fakeAgreements);
        await("every effect, once").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            assertThat(count("fusion", "select count(*) from report where report_id like ?", run + "-%"))
                    .as("fusion: stored reports").isEqualTo(STREAM);
            assertThat(count("exercise", "select count(*) from track_sample where exercise_id = ?", UUID.fromString(exercise)))
                    .as("exercise: stored track samples").isEqualTo(STREAM);
            for (String db : FOLLOWERS) {
                assertThat(count(db, "select count(*) from agreement_view where agreement_id = any(?) and status = 'RETRACTED'",
                        agreementIds)).as(db + ": agreement views").isEqualTo(STREAM / 2);
            }
        });
        Instant caughtUp = Instant.now();
        Map<String, Long> effects = new LinkedHashMap<>();
        for (String db : FOLLOWERS) {
            effects.put(db + " agreement-events", count(db, "select count(*) from processed_event where consumer = "
                    + "'agreement-events' and event_id = any(?)", agreementEventIds));
            effects.put(db + " agreement views", count(db, "select count(*) from agreement_view where agreement_id = any(?)",
                    agreementIds));
        }
        effects.put("fusion reports", count("fusion", "select count(*) from report where report_id like ?", run + "-%"));
        effects.put("fusion distinct report ids", count("fusion",
                "select count(distinct report_id) from report where report_id like ?", run + "-%"));
        effects.put("fusion processed report events", count("fusion", "select count(*) from processed_event where "
                + "consumer = 'fusion-sensor-reports' and event_id = any(?)", reportEventIds));
        effects.put("exercise track samples", count("exercise", "select count(*) from track_sample where exercise_id = ?",
                UUID.fromString(exercise)));
        effects.put("exercise processed track events", count("exercise", "select count(*) from processed_event where "
                + "consumer = 'fused-tracks' and event_id = any(?)", trackEventIds));
        Map<String, Long> dead = FaultDrill.countSince(dlqBefore);

        for (String db : FOLLOWERS) {
            assertThat(effects.get(db + " agreement-events")).as(db).isEqualTo(STREAM);
            assertThat(effects.get(db + " agreement views")).as(db).isEqualTo(STREAM / 2);
        }
        assertThat(effects.get("fusion distinct report ids")).isEqualTo(STREAM);
        assertThat(effects.get("fusion processed report events")).isEqualTo(STREAM);
        assertThat(effects.get("exercise processed track events")).isEqualTo(STREAM);
        assertThat(dead.values()).as("dead-lettered: %s", dead).allMatch(n -> n == 0);

        for (String db : FOLLOWERS) {
            FaultDrill.execute(db, "delete from agreement_view where agreement_id = any(?)", agreementIds);
        }
        record("### 1. Consumers killed with SIGKILL during 10,000-event streams\n"
                + "- streams: 10,000 sensor reports (fusion), 10,000 fused-track updates (exercise), 10,000 agreement "
                + "events of 5,000 agreements (transparency, exercise, fusion), ~500 events/s each\n"
                + "- killed at events sent: " + killedAt + "; restart of the three took " + restart.toSeconds() + " s\n"
                + "- stream " + Duration.between(streamStart, streamEnd).toSeconds() + " s; every effect in place "
                + Duration.between(streamEnd, caughtUp).toSeconds() + " s after the last event was sent\n"
                + "- effects counted: " + effects + "\n"
                + "- dead-lettered: " + dead + " → missing 0, doubled 0\n");
    }

    /**
     * Writers propose amendments while the agreement-service is killed with SIGKILL and started again: every write
     * that was acknowledged (201) is still there, and its event reaches the topic through the outbox.
     */
    @Test
    @Order(2)
    void producerKilledDuringWrites_noAcknowledgedWriteLost() throws Exception {
        Map<TopicPartition, Long> eventsBefore = FaultDrill.endOffsets(List.of("agreement.events"));
        long clockOffset = as("nato-liaison").body("{\"seconds\":60}").post(url("agreement", "/api/clock/advance"))
                .then().statusCode(200).extract().jsonPath().getLong("offsetSeconds");
        Writers writers = new Writers("producer-crash");
        writers.start(4);
        writers.awaitAcknowledged(50);
        stack("kill", "agreement");
        Instant killed = Instant.now();
        long unsentAtKill = count("agreement", "select count(*) from outbox where sent_at is null");
        FaultDrill.sleep(Duration.ofSeconds(3)); // the outage itself: writers are refused meanwhile
        Duration restart = stack("start", "agreement");
        writers.awaitAcknowledged(writers.acknowledged().size() + 50); // and writing again after the restart
        writers.stop();

        Instant drained = awaitOutboxDrained("agreement");
        assertThat(as("nato-analyst").get(url("agreement", "/api/clock")).then().statusCode(200).extract().jsonPath()
                .getLong("offsetSeconds")).as("time did not run backwards over the crash").isEqualTo(clockOffset);
        for (String id : writers.acknowledged()) {
            as("nato-analyst").get(url("agreement", "/api/agreements/" + agreement + "/amendments/" + id)).then()
                    .statusCode(200);
        }
        Published published = amendmentsPublishedSince(eventsBefore);
        assertThat(published.amendmentIds()).containsAll(writers.acknowledged());
        record("### 2. agreement-service killed with SIGKILL while taking writes\n"
                + "- 4 writers proposing amendments for ~" + writers.seconds() + " s; killed after 50 acknowledged "
                + "writes, started again in "
                + restart.toSeconds() + " s\n"
                + "- acknowledged (201): " + writers.acknowledged().size() + "; refused or cut off while down: "
                + writers.failed() + "; acknowledged but missing afterwards: 0\n"
                + "- outbox rows not yet sent at the kill: " + unsentAtKill + "; outbox empty "
                + Duration.between(killed, drained).toSeconds() + " s after the kill; "
                + "`amendment.proposed` events on the topic for acknowledged writes: all "
                + writers.acknowledged().size() + "; events delivered twice (same eventId): " + published.duplicates()
                + "\n");
    }

    /** The broker is stopped and started under traffic from the outbox and from a sensor gateway. */
    @Test
    @Order(3)
    void brokerRestartedUnderTraffic_everythingDeliveredNothingDeadLettered() throws Exception {
        String run = "BRK-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
        Map<TopicPartition, Long> eventsBefore = FaultDrill.endOffsets(List.of("agreement.events"));
        Map<TopicPartition, Long> dlqBefore = FaultDrill.endOffsets(DLQS);
        int reports = 4_000;
        UUID reportsExercise = FaultDrill.announceRunningExercise("NATO-1");
        AtomicBoolean failed = new AtomicBoolean();
        Thread gateway = new Thread(() -> {
            try (KafkaProducer<String, String> producer = FaultDrill.producer()) {
                for (int i = 0; i < reports; i++) {
                    producer.send(new ProducerRecord<>("fusion.sensor-reports", "NATO-1", envelope(UUID.randomUUID(),
                                    "fusion.sensor-report", "NATO", "NATO-1",
                                    report(run + "-" + i, i, Instant.now(), reportsExercise))),
                            (metadata, error) -> {
                                if (error != null) {
                                    failed.set(true);
                                }
                            });
                    if (i % 10 == 9) {
                        FaultDrill.sleep(Duration.ofMillis(100)); // 100 reports/s for 40 s
                    }
                }
                producer.flush();
            }
        }, "fault-drill-gateway");
        Writers writers = new Writers("broker-restart");
        gateway.start();
        writers.start(2);
        writers.awaitAcknowledged(50);
        Duration stop = stack("stop", "kafka");
        Instant down = Instant.now();
        FaultDrill.sleep(Duration.ofSeconds(5)); // the outage itself, under traffic
        Duration start = stack("start", "kafka");
        Instant up = Instant.now();
        gateway.join(Duration.ofMinutes(6).toMillis());
        writers.stop();
        assertThat(failed).as("the gateway's producer gave up on a record").isFalse();

        Instant drained = awaitOutboxDrained("agreement");
        await("every report stored").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(count("fusion", "select count(*) from report where report_id like ?", run + "-%"))
                        .isEqualTo(reports));
        Instant stored = Instant.now();
        Published published = amendmentsPublishedSince(eventsBefore);
        assertThat(published.amendmentIds()).containsAll(writers.acknowledged());
        Map<String, Long> dead = FaultDrill.countSince(dlqBefore);
        assertThat(dead.values()).as("dead-lettered: %s", dead).allMatch(n -> n == 0);
        for (String service : Stack.SERVICES.keySet()) {
            assertThat(Stack.as("nato-analyst").get(url(service, "/q/health/ready")).statusCode()).as(service).isEqualTo(200);
        }
        record("### 3. Kafka broker restarted under traffic\n"
                + "- traffic: a gateway producing 4,000 sensor reports at 100/s, 2 writers proposing amendments "
                + "(outbox → agreement.events)\n"
                + "- broker stopped in " + stop.toSeconds() + " s, down for " + Duration.between(down, up).toSeconds()
                + " s (start took " + start.toSeconds() + " s)\n"
                + "- amendments acknowledged: " + writers.acknowledged().size() + ", failed: " + writers.failed()
                + "; all acknowledged ones on the topic; outbox empty "
                + Duration.between(up, drained).toSeconds() + " s after the broker was back; duplicates: "
                + published.duplicates() + "\n"
                + "- reports stored: " + reports + " of " + reports + ", the last " + Duration.between(up, stored).toSeconds()
                + " s after the broker was back\n"
                + "- dead-lettered: " + dead + "\n");
    }

    /** PostgreSQL stops under the running services: they answer 503 while it is down and recover by themselves. */
    @Test
    @Order(4)
    void databaseRestarted_503WhileDownThenRecoveryWithoutRestart() {
        Map<String, String> reads = Map.of("agreement", "/api/agreements", "transparency", "/api/disclosures",
                "exercise", "/api/exercises", "fusion", "/api/sensors");
        Map<String, String> pids = new HashMap<>();
        reads.keySet().forEach(s -> pids.put(s, pidOf(s)));
        reads.forEach((service, path) -> as("nato-analyst").get(url(service, path)).then().statusCode(200));

        Duration stop = stack("stop", "postgres");
        Instant down = Instant.now();
        Map<String, Set<Integer>> seenWhileDown = new ConcurrentHashMap<>();
        Instant holdUntil = down.plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(holdUntil)) {
            reads.forEach((service, path) -> {
                Response r = as("nato-analyst").get(url(service, path));
                seenWhileDown.computeIfAbsent(service, s -> new HashSet<>()).add(r.statusCode());
                seenWhileDown.computeIfAbsent(service + " ready", s -> new HashSet<>())
                        .add(as("nato-analyst").get(url(service, "/q/health/ready")).statusCode());
                if (r.statusCode() == 503) {
                    assertThat(r.contentType()).startsWith("application/problem+json");
                    assertThat(r.asString()).contains("urn:mdcoop:problem:service-unavailable");
                }
            });
            FaultDrill.sleep(Duration.ofMillis(500));
        }
        Duration start = stack("start", "postgres");
        Instant up = Instant.now();
        Map<String, Long> recovery = new ConcurrentHashMap<>();
        reads.forEach((service, path) -> {
            await(service + " recovers").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> as("nato-analyst").get(url(service, path)).statusCode() == 200
                            && as("nato-analyst").get(url(service, "/q/health/ready")).statusCode() == 200);
            recovery.put(service, Duration.between(up, Instant.now()).toMillis());
        });
        as("nato-liaison").body("{\"title\":\"After the database came back\",\"text\":\"fault drill\"}")
                .post(url("agreement", "/api/agreements/" + agreement + "/amendments")).then().statusCode(201);
        reads.keySet().forEach(s -> assertThat(pidOf(s)).as(s + " was not restarted").isEqualTo(pids.get(s)));

        for (String service : reads.keySet()) {
            assertThat(seenWhileDown.get(service)).as(service + " while the database is down").containsOnly(503);
            assertThat(seenWhileDown.get(service + " ready")).as(service + " readiness").containsOnly(503);
        }
        record("### 4. PostgreSQL restarted under the running services\n"
                + "- stopped (fast shutdown) in " + stop.toSeconds() + " s, down for "
                + Duration.between(down, up).toSeconds() + " s, start took " + start.toSeconds() + " s\n"
                + "- statuses while down (API read, readiness): " + new TreeMap<>(seenWhileDown) + "\n"
                + "- back to 200 after the start, ms: " + new TreeMap<>(recovery)
                + "; no service restarted (same pids); a write succeeds afterwards\n");
    }

    /**
     * The broker itself stops while the agreement is in force: the followers cannot hear the agreement-service's
     * heartbeat, so within the heartbeat timeout each refuses new cooperative actions with 503
     * {@code cooperation-status-unknown}; when the broker is back each cooperates again by itself (and its readiness
     * shows IN_FORCE). The outage stays well under two minutes; the broker is started again whatever happens.
     */
    @Test
    @Order(5)
    void brokerStopped_followersFailClosedWithinTheHeartbeatTimeoutThenResume() {
        awaitCooperating(agreement);
        Instant stopping = Instant.now();
        Map<String, Long> suspendedAfter = new LinkedHashMap<>();
        Duration stop;
        Duration start;
        Instant down;
        try {
            stop = stack("stop", "kafka");
            down = Instant.now();
            suspendedWithin(HEARTBEAT_TIMEOUT.plus(SLACK), stopping, suspendedAfter);
        } finally {
            start = stack("start", "kafka");
        }
        Instant up = Instant.now();
        assertThat(Duration.between(down, up)).as("the outage").isLessThan(Duration.ofMinutes(2));
        Map<String, Long> resumedAfter = new LinkedHashMap<>();
        for (String service : FOLLOWERS) {
            await(service + " cooperates again").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> "IN_FORCE".equals(Stack.cooperationAt(service, agreement)));
            resumedAfter.put(service, Duration.between(up, Instant.now()).toMillis());
        }
        assertThat(CooperativeActions.reportToTheFusionCentre().statusCode()).as("fusion accepts reports again")
                .isEqualTo(200);
        for (String service : FOLLOWERS) {
            assertThat(cooperationReadiness(service)).as(service + " readiness").isEqualTo("IN_FORCE");
        }
        record("### 5. Kafka broker stopped with the agreement in force (no withdrawal)\n"
                + "- broker stopped in " + stop.toSeconds() + " s, down for " + Duration.between(down, up).toSeconds()
                + " s (start took " + start.toSeconds() + " s); heartbeat timeout " + HEARTBEAT_TIMEOUT.toSeconds()
                + " s\n"
                + "- refusing with 503 cooperation-status-unknown, ms after the stop began: " + suspendedAfter
                + "\n"
                + "- cooperating again, ms after the broker was back: " + resumedAfter + "\n");
    }

    /**
     * A party walks away while the broker is down: the withdrawal is answered (it waits in the outbox), no follower
     * accepts a cooperative action beyond the heartbeat timeout, and when the broker is back every follower shows
     * WITHDRAWN and refuses with 409 for good. Ends the drills' agreement, so it runs last.
     */
    @Test
    @Order(6)
    void brokerStoppedThenWithdrawal_noFollowerCooperatesAndAllShowWithdrawnAfterwards() {
        awaitCooperating(agreement);
        Instant stopping = Instant.now();
        Map<String, Long> suspendedAfter = new LinkedHashMap<>();
        Duration stop;
        Duration start;
        Instant down;
        Instant withdrawn;
        try {
            stop = stack("stop", "kafka");
            down = Instant.now();
            as("russia-liaison").body("{\"reason\":\"fault drill: walking away during a broker outage\"}")
                    .post(url("agreement", "/api/agreements/" + agreement + "/withdraw")).then().statusCode(200);
            withdrawn = Instant.now();
            suspendedWithin(HEARTBEAT_TIMEOUT.plus(SLACK), stopping, suspendedAfter);
        } finally {
            start = stack("start", "kafka");
        }
        Instant up = Instant.now();
        assertThat(Duration.between(down, up)).as("the outage").isLessThan(Duration.ofMinutes(2));
        Map<String, Long> closedAfter = new LinkedHashMap<>();
        for (String service : FOLLOWERS) {
            await(service + " shows the withdrawal").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> "NOT_IN_FORCE".equals(Stack.cooperationAt(service, agreement)));
            closedAfter.put(service, Duration.between(up, Instant.now()).toMillis());
            assertThat(statusAt(service, agreement)).as(service).isEqualTo("WITHDRAWN");
        }
        FaultDrill.sleep(Duration.ofSeconds(6)); // a heartbeat period later: still closed, for good
        for (String service : FOLLOWERS) {
            assertThat(Stack.cooperationAt(service, agreement)).as(service).isEqualTo("NOT_IN_FORCE");
            assertThat(CooperativeActions.refusedWith(CooperativeActions.attempt(service), 409, "cooperation-not-in-force"))
                    .as(service + " refuses with 409").isTrue();
        }
        record("### 6. Kafka broker stopped, then a party walks away\n"
                + "- broker stopped in " + stop.toSeconds() + " s, down for " + Duration.between(down, up).toSeconds()
                + " s (start took " + start.toSeconds() + " s); the withdrawal answered 200 "
                + Duration.between(down, withdrawn).toMillis() + " ms into the outage (held in the outbox)\n"
                + "- refusing with 503 cooperation-status-unknown, ms after the stop began: " + suspendedAfter
                + " (one cooperative action at each, refused)\n"
                + "- WITHDRAWN and refusing with 409 at every follower, ms after the broker was back: " + closedAfter
                + "; still closed a heartbeat period later\n");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** The followers' default (docs/reliability.md); the drills run against services started with it. */
    private static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(30);
    /** Polling and request time on top of the timeout. */
    private static final Duration SLACK = Duration.ofSeconds(5);

    private static void awaitCooperating(String agreementId) {
        for (String service : FOLLOWERS) {
            await(service + " cooperates").atMost(Duration.ofSeconds(30))
                    .until(() -> "IN_FORCE".equals(Stack.cooperationAt(service, agreementId)));
        }
    }

    /**
     * Waits until every follower has the agreement SUSPENDED, then checks that one cooperative action there is refused
     * with 503 cooperation-status-unknown. Records the ms from {@code since}.
     */
    private static void suspendedWithin(Duration limit, Instant since, Map<String, Long> suspendedAfter) {
        for (String service : FOLLOWERS) {
            await(service + " suspends").atMost(limit.minus(Duration.between(since, Instant.now())))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> "SUSPENDED".equals(Stack.cooperationAt(service, agreement)));
            suspendedAfter.put(service, Duration.between(since, Instant.now()).toMillis());
        }
        for (String service : FOLLOWERS) {
            Response refused = CooperativeActions.attempt(service);
            assertThat(CooperativeActions.refusedWith(refused, 503, "cooperation-status-unknown"))
                    .as(service + " answered " + refused.statusCode() + " " + refused.asString()).isTrue();
        }
        // readiness is not asked here: with the broker down, Quarkus' Kafka health check answers only after its admin
        // client's 60 s timeout, which would stretch the outage (CooperationFailClosedTest shows readiness SUSPENDED)
    }

    /** The state the follower's readiness check {@code cooperation} reports (the whole check may be DOWN for Kafka). */
    private static String cooperationReadiness(String service) {
        List<Map<String, Object>> checks = io.restassured.RestAssured.get(url(service, "/q/health/ready")).then()
                .extract().path("checks");
        return checks.stream().filter(c -> "cooperation".equals(c.get("name")))
                .map(c -> (String) ((Map<?, ?>) c.get("data")).get("state")).findFirst().orElse(null);
    }

    private static String statusAt(String service, String agreementId) {
        List<Map<String, Object>> view = as("nato-analyst").get(url(service, "/api/cooperation"))
                .then().statusCode(200).extract().path("$");
        return view.stream().filter(row -> agreementId.equals(row.get("agreementId")))
                .map(row -> (String) row.get("status")).findFirst().orElse(null);
    }

    private static String pidOf(String service) {
        try {
            return Files.readString(Path.of("../.stack/run/" + service + ".pid")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant awaitOutboxDrained(String database) {
        await(database + " outbox drained").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> count(database, "select count(*) from outbox where sent_at is null") == 0);
        return Instant.now();
    }

    private record Published(Set<String> amendmentIds, int duplicates) {
    }

    private static Published amendmentsPublishedSince(Map<TopicPartition, Long> from) {
        Set<String> amendments = new HashSet<>();
        Set<String> eventIds = new HashSet<>();
        int[] duplicates = {0};
        FaultDrill.readSince(from, record -> {
            try {
                JsonNode event = FaultDrill.JSON.readTree(record.value());
                if (!eventIds.add(event.path("eventId").asText())) {
                    duplicates[0]++;
                }
                if ("amendment.proposed".equals(event.path("type").asText())) {
                    amendments.add(event.path("payload").path("amendmentId").asText());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return new Published(amendments, duplicates[0]);
    }

    /** Liaisons of both parties proposing amendments in a loop; remembers which proposals were acknowledged. */
    private static final class Writers {
        private final String label;
        private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();
        private Instant started;
        private Instant stopped;

        Writers(String label) {
            this.label = label;
        }

        void start(int count) {
            started = Instant.now();
            for (int w = 0; w < count; w++) {
                String user = w % 2 == 0 ? "nato-liaison" : "russia-liaison";
                int writer = w;
                Thread t = new Thread(() -> {
                    int n = 0;
                    while (running.get()) {
                        try {
                            Response r = as(user).body("{\"title\":\"" + label + " " + writer + "-" + n++
                                    + "\",\"text\":\"fault drill\"}")
                                    .post(url("agreement", "/api/agreements/" + agreement + "/amendments"));
                            if (r.statusCode() == 201) {
                                acknowledged.add(r.jsonPath().getString("id"));
                            } else {
                                failed.incrementAndGet();
                                FaultDrill.sleep(Duration.ofMillis(200));
                            }
                        } catch (Exception e) { // connection refused or cut off while the service is down (thrown unchecked)
                            failed.incrementAndGet();
                            FaultDrill.sleep(Duration.ofMillis(200));
                        }
                    }
                }, "fault-drill-writer-" + w);
                threads.add(t);
                t.start();
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join();
            }
            stopped = Instant.now();
        }

        Set<String> acknowledged() {
            return acknowledged;
        }

        /** Waits until at least {@code n} writes have been acknowledged. */
        void awaitAcknowledged(int n) {
            await(label + ": " + n + " acknowledged writes").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(100)).until(() -> acknowledged.size() >= n);
        }

        int failed() {
            return failed.get();
        }

        long seconds() {
            return Duration.between(started, stopped).toSeconds();
        }
    }

    // ---- event payloads ------------------------------------------------------------------------------------------

    /** A plausible report of NATO-1: twenty objects 100-120 km up over the Black Sea, moving ~2 km/s. */
    private static ObjectNode report(String reportId, int i, Instant t, UUID exerciseId) {
        int object = i % 20;
        double lat = Math.toRadians(43.0 + object * 0.1);
        double lon = Math.toRadians(34.0 + (i / 20) * 0.0001);
        double r = 6_371_000.0 + 100_000.0 + object * 1_000.0;
        ObjectNode p = FaultDrill.JSON.createObjectNode();
        p.put("reportId", reportId);
        p.put("sensorId", "NATO-1");
        p.put("party", "NATO");
        p.put("t", t.toString());
        p.put("xM", r * Math.cos(lat) * Math.cos(lon));
        p.put("yM", r * Math.cos(lat) * Math.sin(lon));
        p.put("zM", r * Math.sin(lat));
        p.put("sigmaM", 80.0);
        p.put("exercise", true);
        p.put("exerciseId", exerciseId.toString());
        return p;
    }

    private static ObjectNode track(String trackId, Instant t) {
        ObjectNode p = FaultDrill.JSON.createObjectNode();
        p.put("trackId", trackId);
        p.put("t", t.toString());
        p.put("xM", 4_000_000.0);
        p.put("yM", 2_500_000.0);
        p.put("zM", 4_400_000.0);
        p.put("vxMps", 1_000.0);
        p.put("vyMps", 500.0);
        p.put("vzMps", 200.0);
        p.put("latDeg", 43.0);
        p.put("lonDeg", 34.0);
        p.put("altitudeM", 100_000.0);
        p.put("speedMps", 1_136.0);
        p.putArray("contributingParties").add("NATO").add("RUSSIA");
        p.put("missileClass", "SRBM");
        p.put("classConfidence", 0.9);
        p.put("exercise", true);
        p.put("exerciseId", exercise);
        return p;
    }

    private static ObjectNode proposedThenRetracted(UUID agreementId, boolean retracted, Instant sentAt) {
        // the view applies a status only when its revision is higher than the one it holds (agreement-contract)
        ObjectNode status = FaultDrill.JSON.createObjectNode();
        status.put("agreementId", agreementId.toString());
        status.put("revision", retracted ? 2 : 1);
        status.put("status", retracted ? "RETRACTED" : "PROPOSED");
        status.putArray("elements").add("TRANSPARENCY");
        status.put("inForce", false);
        if (retracted) {
            status.put("endedAt", sentAt.toString());
        }
        ObjectNode payload = FaultDrill.JSON.createObjectNode();
        payload.put("agreementId", agreementId.toString());
        payload.set("agreementStatus", status);
        return payload;
    }
}

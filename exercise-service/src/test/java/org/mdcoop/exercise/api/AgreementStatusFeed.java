package org.mdcoop.exercise.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.security.Roles;
import org.mdcoop.common.testing.TestTokens;

/**
 * Plays the agreement-service on the real broker: publishes agreement statuses to this service's test copy of {@code agreement.status} as it
 * would, and waits until this service's cooperation view has applied them.
 *
 * <p>The broker is shared with the other services' tests, whose agreements come and go meanwhile. So every agreement
 * here is fresh, covers only JOINT_EXERCISES (ending it disturbs no other service's element), and its {@code asOf}
 * lies far ahead of any real clock: this service binds a new exercise to the in-force agreement with the newest
 * {@code asOf}, so the tests' exercises are bound to the tests' agreement and only its end halts them.
 */
final class AgreementStatusFeed {

    /** The agreement-status topic this service reads in the test profile (its own, not the running stack's). */
    private static final String STATUS_TOPIC = org.eclipse.microprofile.config.ConfigProvider.getConfig()
            .getValue("mp.messaging.incoming.agreement-status.topic", String.class);
    private static final Duration AHEAD = Duration.ofDays(100L * 365);
    private static UUID current;

    private AgreementStatusFeed() {
    }

    /** The tests' agreement in force (a fresh one after {@link #endCurrent}), applied by this service. */
    static synchronized UUID ensureInForce() {
        if (current == null) {
            UUID id = UUID.randomUUID();
            publish(id, "PROVISIONAL", true, null);
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> inForceInView(id));
            current = id;
        }
        return current;
    }

    /** Ends the tests' agreement: WITHDRAWN, no longer in force (the next {@link #ensureInForce} makes another). */
    static synchronized UUID endCurrent() {
        UUID id = ensureInForce();
        publish(id, "WITHDRAWN", false, Instant.now());
        current = null;
        return id;
    }

    /** Leaves no test agreement in force on the shared broker (call after a test class). */
    static synchronized void endIfInForce() {
        if (current != null) {
            endCurrent();
        }
    }

    static void publish(UUID agreementId, String status, boolean inForce, Instant endedAt) {
        Instant now = Instant.now();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("agreementId", agreementId);
        payload.put("status", status);
        payload.put("elements", List.of("JOINT_EXERCISES"));
        payload.put("inForce", inForce);
        payload.put("effectiveAt", now.minus(Duration.ofDays(1)));
        payload.put("expiresAt", now.plus(Duration.ofDays(4 * 365)));
        payload.put("noticeEndsAt", null);
        payload.put("endedAt", endedAt);
        payload.put("asOf", now.plus(AHEAD)); // newer on every call: the clock moves on
        String json = EventSerde.toJson(EventSerde.envelope("agreement.status", 1, now, "agreement", null,
                "system|scheduler", agreementId, agreementId.toString(), payload));
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(STATUS_TOPIC, agreementId.toString(), json))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish the agreement status", e);
        }
    }

    private static boolean inForceInView(UUID id) {
        List<Map<String, Object>> rows = given().auth().oauth2(TestTokens.nato(Roles.LIAISON))
                .get("/api/cooperation").then().statusCode(200).extract().path("$");
        return rows.stream().anyMatch(r -> id.toString().equals(r.get("agreementId"))
                && Boolean.TRUE.equals(r.get("inForce")));
    }
}

package org.mdcoop.transparency.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.mdcoop.common.events.EventEnvelope;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.security.Roles;
import org.mdcoop.common.testing.TestTokens;

/**
 * Plays the agreement-service: publishes agreement status envelopes to the broker, exactly as the agreement-service
 * does, so the service under test learns whether TRANSPARENCY is in force through its real consumer. The topic is
 * the one the service is configured to read (in {@code %test}, a topic of this service's tests alone, so that other
 * services' test runs on the shared broker cannot change the view).
 */
public final class AgreementFeed {

    public static final Set<String> ALL_ELEMENTS =
            Set.of("TRANSPARENCY", "JOINT_EXERCISES", "DATA_FUSION_CENTRE", "COOPERATION_CENTRE");

    private static KafkaProducer<String, String> producer;
    private static Instant lastAsOf = Instant.EPOCH;

    private AgreementFeed() {
    }

    public static String statusTopic() {
        return ConfigProvider.getConfig().getValue("mp.messaging.incoming.agreement-status.topic", String.class);
    }

    /** A status envelope as the agreement-service publishes it; {@code asOf} always newer than any sent before. */
    public static EventEnvelope status(UUID agreementId, String status, boolean inForce, Set<String> elements,
            Instant effectiveAt, Instant endedAt) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("agreementId", agreementId);
        payload.put("status", status);
        payload.put("elements", elements);
        payload.put("inForce", inForce);
        payload.put("effectiveAt", effectiveAt);
        payload.put("expiresAt", effectiveAt == null ? null : effectiveAt.plus(Duration.ofDays(4 * 365)));
        payload.put("noticeEndsAt", null);
        payload.put("endedAt", endedAt);
        payload.put("asOf", nextAsOf());
        return EventSerde.envelope("agreement.status", 1, Instant.now(), "agreement", null, "system|scheduler",
                agreementId, agreementId.toString(), payload);
    }

    /** Sends one envelope (keyed by its subject) and waits for the broker's acknowledgement. */
    public static synchronized void send(EventEnvelope envelope) {
        try {
            producer().send(new ProducerRecord<>(statusTopic(), envelope.subjectId(), EventSerde.toJson(envelope)))
                    .get(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish " + envelope.type(), e);
        }
    }

    /** Ends every agreement the service believes in force, then activates a fresh one with all elements. */
    public static UUID activateFresh() {
        return activateFresh(ALL_ELEMENTS);
    }

    public static UUID activateFresh(Set<String> elements) {
        endAllInForce();
        UUID id = UUID.randomUUID();
        send(status(id, "PROVISIONAL", true, elements, serviceNow(), null));
        await().atMost(Duration.ofSeconds(30)).until(() -> inForce(id));
        return id;
    }

    /** Activates an agreement unless one covering TRANSPARENCY is already in force. */
    public static void ensureInForce() {
        boolean covered = cooperation().stream().anyMatch(row -> Boolean.TRUE.equals(row.get("inForce"))
                && String.valueOf(row.get("elements")).contains("TRANSPARENCY"));
        if (!covered) {
            activateFresh();
        }
    }

    /** Publishes the agreement's withdrawal (not in force any more) and returns the envelope sent. */
    public static EventEnvelope withdraw(UUID agreementId) {
        EventEnvelope withdrawn = status(agreementId, "WITHDRAWN", false, ALL_ELEMENTS, null, serviceNow());
        send(withdrawn);
        return withdrawn;
    }

    public static void endAllInForce() {
        for (Map<String, Object> row : cooperation()) {
            if (Boolean.TRUE.equals(row.get("inForce"))) {
                UUID id = UUID.fromString((String) row.get("agreementId"));
                withdraw(id);
                await().atMost(Duration.ofSeconds(30)).until(() -> !inForce(id));
            }
        }
    }

    public static boolean inForce(UUID agreementId) {
        return cooperation().stream().anyMatch(row -> agreementId.toString().equals(row.get("agreementId"))
                && Boolean.TRUE.equals(row.get("inForce")));
    }

    /** The service's view of the agreements ({@code GET /api/cooperation}). */
    public static List<Map<String, Object>> cooperation() {
        return given().auth().oauth2(TestTokens.nato(Roles.LIAISON)).get("/api/cooperation")
                .then().statusCode(200).extract().path("$");
    }

    /** The service's clock (tests may have moved it). */
    public static Instant serviceNow() {
        String now = given().auth().oauth2(TestTokens.nato(Roles.ANALYST)).get("/api/clock")
                .then().statusCode(200).extract().path("now");
        return Instant.parse(now);
    }

    public static void advanceClock(Duration by) {
        given().auth().oauth2(TestTokens.nato(Roles.LIAISON)).contentType("application/json")
                .body("{\"seconds\": " + by.toSeconds() + "}").post("/api/clock/advance").then().statusCode(200);
    }

    private static synchronized Instant nextAsOf() {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        lastAsOf = now.isAfter(lastAsOf) ? now : lastAsOf.plusMillis(1);
        return lastAsOf;
    }

    private static KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }
}

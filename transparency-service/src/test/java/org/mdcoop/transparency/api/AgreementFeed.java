package org.mdcoop.transparency.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.ConfigProvider;
import org.mdcoop.agreement.contract.AgreementStatusMessage;
import org.mdcoop.agreement.contract.InForceRule;
import org.mdcoop.agreement.contract.testing.StatusFixture;
import org.mdcoop.common.events.EventEnvelope;
import org.mdcoop.common.security.Roles;
import org.mdcoop.common.testing.StatusFeed;
import org.mdcoop.common.testing.TestTokens;

/**
 * Plays the agreement-service for this service's tests: statuses made with the contract's {@link StatusFixture},
 * published (and repeated as the heartbeat) by common's {@link StatusFeed} on the topic the service is configured to
 * read (in {@code %test}, a topic of this service's tests alone, so that other services' test runs on the shared
 * broker cannot change the view), so the service learns whether TRANSPARENCY is in force through its real consumer.
 */
public final class AgreementFeed {

    public static final Set<String> ALL_ELEMENTS = StatusFixture.ALL_ELEMENTS;

    private static final Map<UUID, StatusFixture> AGREEMENTS = new ConcurrentHashMap<>();

    private AgreementFeed() {
    }

    public static String statusTopic() {
        return ConfigProvider.getConfig().getValue("mp.messaging.incoming.agreement-status.topic", String.class);
    }

    public static StatusFeed feed() {
        return StatusFeed.localBroker(statusTopic());
    }

    /** Publishes a status (the agreement's heartbeat from now on) and returns the envelope sent. */
    public static EventEnvelope publish(AgreementStatusMessage status) {
        return feed().publish(status);
    }

    /** Delivers an envelope once more, as a broker redelivery would. */
    public static void send(EventEnvelope envelope) {
        feed().resend(envelope);
    }

    /** Ends every agreement the service believes in force, then activates a fresh one with all elements. */
    public static UUID activateFresh() {
        return activateFresh(ALL_ELEMENTS);
    }

    public static UUID activateFresh(Set<String> elements) {
        endAllInForce();
        StatusFixture agreement = fresh(elements);
        publish(agreement.provisional(serviceNow()));
        awaitCooperating(agreement.id());
        return agreement.id();
    }

    /** A new agreement of the tests, no status published yet. */
    public static StatusFixture fresh(Set<String> elements) {
        StatusFixture agreement = StatusFixture.agreement(elements);
        AGREEMENTS.put(agreement.id(), agreement);
        return agreement;
    }

    /** Activates an agreement unless one covering TRANSPARENCY is already in force and heard of. */
    public static void ensureInForce() {
        boolean covered = cooperation().stream().anyMatch(row -> "IN_FORCE".equals(row.get("cooperation"))
                && String.valueOf(row.get("elements")).contains("TRANSPARENCY"));
        if (!covered) {
            activateFresh();
        }
    }

    /** Publishes the agreement's withdrawal (not in force any more) and returns the envelope sent. */
    public static EventEnvelope withdraw(UUID agreementId) {
        return publish(agreement(agreementId).withdrawn(serviceNow(), "RUSSIA"));
    }

    /** Publishes that one party stopped {@code element} alone (issue 16): the agreement stays in force. */
    public static EventEnvelope stopElement(UUID agreementId, String element) {
        return publish(agreement(agreementId).elementStopped("PROVISIONAL", element));
    }

    /** Withdraws every agreement the service knows that has not ended (in force, or with a start still ahead). */
    public static void endAllInForce() {
        endAllInForceExcept(null);
    }

    /** {@link #endAllInForce} but for one agreement (the calling test's own). */
    public static void endAllInForceExcept(UUID keep) {
        for (Map<String, Object> row : cooperation()) {
            if (!InForceRule.ended((String) row.get("status")) && !String.valueOf(keep).equals(row.get("agreementId"))) {
                UUID id = UUID.fromString((String) row.get("agreementId"));
                withdraw(id);
                await().atMost(Duration.ofSeconds(30)).until(() -> "WITHDRAWN".equals(statusOf(id)));
            }
        }
    }

    private static String statusOf(UUID agreementId) {
        return cooperation().stream().filter(row -> agreementId.toString().equals(row.get("agreementId")))
                .map(row -> (String) row.get("status")).findFirst().orElse(null);
    }

    /** Waits until the service has the agreement in force and has heard its heartbeat (cooperative actions run). */
    public static void awaitCooperating(UUID agreementId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> "IN_FORCE".equals(stateOf(agreementId)));
    }

    public static boolean inForce(UUID agreementId) {
        return cooperation().stream().anyMatch(row -> agreementId.toString().equals(row.get("agreementId"))
                && Boolean.TRUE.equals(row.get("inForce")));
    }

    /** IN_FORCE, SUSPENDED or NOT_IN_FORCE as the service sees the agreement; null when it does not know it. */
    public static String stateOf(UUID agreementId) {
        return cooperation().stream().filter(row -> agreementId.toString().equals(row.get("agreementId")))
                .map(row -> (String) row.get("cooperation")).findFirst().orElse(null);
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

    /** The fixture of an agreement of the tests, or of one found in the view (its revision taken from there). */
    private static StatusFixture agreement(UUID agreementId) {
        return AGREEMENTS.computeIfAbsent(agreementId, id -> {
            Map<String, Object> row = cooperation().stream()
                    .filter(r -> id.toString().equals(r.get("agreementId"))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("agreement " + id + " is unknown"));
            return StatusFixture.existing(id, Set.of(((String) row.get("elements")).split(",")),
                    ((Number) row.get("revision")).longValue());
        });
    }
}

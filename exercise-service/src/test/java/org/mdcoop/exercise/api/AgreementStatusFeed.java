package org.mdcoop.exercise.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.mdcoop.agreement.contract.testing.StatusFixture;
import org.mdcoop.common.security.Roles;
import org.mdcoop.common.testing.StatusFeed;
import org.mdcoop.common.testing.TestTokens;

/**
 * Plays the agreement-service on the real broker: statuses made with the contract's {@link StatusFixture}, published
 * (and repeated as the heartbeat) by common's {@link StatusFeed} to this service's test copy of
 * {@code agreement.status}, and waits until this service's cooperation view has applied them.
 *
 * <p>Every agreement here is fresh and covers only JOINT_EXERCISES (ending it disturbs no other element). Statuses
 * are ordered by revision, so no clock trick is needed to make them win.
 */
final class AgreementStatusFeed {

    /** The agreement-status topic this service reads in the test profile (its own, not the running stack's). */
    private static final String STATUS_TOPIC = org.eclipse.microprofile.config.ConfigProvider.getConfig()
            .getValue("mp.messaging.incoming.agreement-status.topic", String.class);
    private static StatusFixture current;

    private AgreementStatusFeed() {
    }

    static StatusFeed feed() {
        return StatusFeed.localBroker(STATUS_TOPIC);
    }

    /** The tests' agreement in force (a fresh one after {@link #endCurrent}), applied and heard by this service. */
    static synchronized UUID ensureInForce() {
        if (current == null) {
            StatusFixture agreement = StatusFixture.agreement(Set.of("JOINT_EXERCISES"));
            Instant now = Instant.now();
            feed().publish(agreement.provisional(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(4 * 365))));
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> "IN_FORCE".equals(stateOf(agreement.id())));
            current = agreement;
        }
        return current.id();
    }

    /** Ends the tests' agreement: WITHDRAWN, no longer in force (the next {@link #ensureInForce} makes another). */
    static synchronized UUID endCurrent() {
        return endCurrent(null);
    }

    /** {@link #endCurrent()} as a withdrawal made in the trace {@code traceparent} names (its Kafka header). */
    static synchronized UUID endCurrent(String traceparent) {
        ensureInForce();
        StatusFixture agreement = current;
        feed().publish(agreement.withdrawn(Instant.now(), "RUSSIA"), traceparent);
        current = null;
        return agreement.id();
    }

    /**
     * A fresh agreement in force covering JOINT_EXERCISES and TRANSPARENCY (the current one ended first), so one of
     * its elements can be stopped while it stays in force (issue 16). The caller stops and ends it.
     */
    static synchronized StatusFixture inForceWithTwoElements() {
        endIfInForce();
        StatusFixture agreement = StatusFixture.agreement(Set.of("JOINT_EXERCISES", "TRANSPARENCY"));
        Instant now = Instant.now();
        feed().publish(agreement.provisional(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(4 * 365))));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> "IN_FORCE".equals(stateOf(agreement.id())));
        return agreement;
    }

    /** Leaves no test agreement in force on the shared broker (call after a test class). */
    static synchronized void endIfInForce() {
        if (current != null) {
            endCurrent();
        }
    }

    /** IN_FORCE, SUSPENDED or NOT_IN_FORCE as this service sees the agreement; null when it does not know it. */
    static String stateOf(UUID id) {
        List<Map<String, Object>> rows = given().auth().oauth2(TestTokens.nato(Roles.LIAISON))
                .get("/api/cooperation").then().statusCode(200).extract().path("$");
        return rows.stream().filter(r -> id.toString().equals(r.get("agreementId")))
                .map(r -> (String) r.get("cooperation")).findFirst().orElse(null);
    }
}

package org.mdcoop.transparency.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.mdcoop.common.domain.Party.NATO;
import static org.mdcoop.transparency.api.Api.draft;
import static org.mdcoop.transparency.api.Api.inventory;
import static org.mdcoop.transparency.api.Api.officer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.mdcoop.agreement.contract.AgreementStatusMessage;
import org.mdcoop.agreement.contract.testing.StatusFixture;
import org.mdcoop.common.events.EventEnvelope;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * The follower's side of the agreement contract, end to end through the real broker and consumer: statuses ordered by
 * revision, "in force" decided from the terms with this service's own clock, and fail-closed when the
 * agreement-service's heartbeat is not heard (a short timeout here, so the test need not wait 30 s).
 */
@QuarkusTest
@TestProfile(CooperationFailClosedTest.ShortHeartbeatTimeout.class)
class CooperationFailClosedTest {

    public static class ShortHeartbeatTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mdcoop.cooperation.heartbeat-timeout", "4s");
        }
    }

    @Inject
    EntityManager entityManager;

    /** Leaves no agreement of these tests open (a start still ahead would otherwise come into force later). */
    @org.junit.jupiter.api.AfterEach
    void endTheTestsAgreements() {
        AgreementFeed.endAllInForce();
    }

    @Test
    void anOlderRevisionDeliveredLateDoesNotOverrideTheNewer() {
        AgreementFeed.endAllInForce();
        StatusFixture agreement = AgreementFeed.fresh(StatusFixture.ALL_ELEMENTS);
        Instant now = AgreementFeed.serviceNow();
        AgreementStatusMessage accepted = agreement.provisional(now);
        AgreementFeed.publish(accepted);
        AgreementFeed.awaitCooperating(agreement.id());
        AgreementFeed.publish(agreement.withdrawn(now, "NATO"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "NOT_IN_FORCE".equals(AgreementFeed.stateOf(agreement.id())));

        EventEnvelope late = AgreementFeed.feed().deliverOnly(accepted);
        await("the late status consumed").atMost(Duration.ofSeconds(30)).until(() -> processed(late.eventId()));

        assertThat(row(agreement.id())).containsEntry("status", "WITHDRAWN").containsEntry("revision", 2)
                .containsEntry("inForce", false);
        refusedBecauseNotInForce("2051-H1", agreement.id());
    }

    @Test
    void aClockHoursBehindTheAgreementServiceCannotReopenAnEndedAgreement() {
        AgreementFeed.endAllInForce();
        StatusFixture agreement = AgreementFeed.fresh(StatusFixture.ALL_ELEMENTS);
        Instant now = AgreementFeed.serviceNow();
        // the agreement-service's clock runs three hours ahead of this service's
        Instant theirs = now.plus(Duration.ofHours(3));
        AgreementStatusMessage accepted = agreement.provisional(now.minus(Duration.ofHours(1)));
        AgreementFeed.publish(accepted);
        AgreementFeed.awaitCooperating(agreement.id());
        AgreementFeed.publish(agreement.withdrawn(theirs, "RUSSIA"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "NOT_IN_FORCE".equals(AgreementFeed.stateOf(agreement.id())));

        // the ended agreement is not in force although its end lies in this service's future, and neither a replayed
        // acceptance nor a (buggy) higher revision saying PROVISIONAL reopens it
        EventEnvelope replayed = AgreementFeed.feed().deliverOnly(accepted);
        EventEnvelope reopening = AgreementFeed.feed().deliverOnly(agreement.provisional(now.minus(Duration.ofHours(1))));
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(replayed.eventId()) && processed(reopening.eventId()));

        assertThat(row(agreement.id())).containsEntry("status", "WITHDRAWN").containsEntry("inForce", false)
                .containsEntry("cooperation", "NOT_IN_FORCE");
        refusedBecauseNotInForce("2052-H1", agreement.id());
    }

    @Test
    void aDeferredStartOpensCooperationWithNobodyActing() {
        AgreementFeed.endAllInForce();
        StatusFixture agreement = AgreementFeed.fresh(StatusFixture.ALL_ELEMENTS);
        Instant effective = AgreementFeed.serviceNow().plus(Duration.ofHours(1));
        AgreementFeed.publish(agreement.provisional(effective));
        await().atMost(Duration.ofSeconds(30)).until(() -> AgreementFeed.stateOf(agreement.id()) != null);
        assertThat(AgreementFeed.stateOf(agreement.id())).isEqualTo("NOT_IN_FORCE");
        refusedBecauseNotInForce("2053-H1", agreement.id());

        AgreementFeed.advanceClock(Duration.ofHours(1).plusSeconds(1));

        // no message since the acceptance (the heartbeat repeats the same revision): the terms alone open it
        await().atMost(Duration.ofSeconds(10)).until(() -> "IN_FORCE".equals(AgreementFeed.stateOf(agreement.id())));
        assertThat(row(agreement.id())).containsEntry("revision", 1);
        officer(NATO).post("/api/disclosures/" + draft(NATO, "INVENTORY", "2053-H2", inventory("Site D", 3))
                + "/submit").then().statusCode(200);
    }

    @Test
    void anExpiryWithNoMessageClosesCooperationAtExpiresAt() {
        AgreementFeed.endAllInForce();
        StatusFixture agreement = AgreementFeed.fresh(StatusFixture.ALL_ELEMENTS);
        Instant now = AgreementFeed.serviceNow();
        Instant expiresAt = now.plus(Duration.ofHours(2));
        AgreementFeed.publish(agreement.provisional(now.minus(Duration.ofDays(30)), expiresAt));
        AgreementFeed.awaitCooperating(agreement.id());

        AgreementFeed.advanceClock(Duration.ofHours(2).plusSeconds(1));

        await().atMost(Duration.ofSeconds(10)).until(() -> "NOT_IN_FORCE".equals(AgreementFeed.stateOf(agreement.id())));
        assertThat(row(agreement.id())).containsEntry("status", "PROVISIONAL").containsEntry("inForce", false);
        refusedBecauseNotInForce("2054-H1", agreement.id());
    }

    @Test
    void aLostHeartbeatSuspendsCooperationAndItsReturnResumesIt() {
        UUID id = AgreementFeed.activateFresh();
        String draft = draft(NATO, "INVENTORY", "2055-H1", inventory("Site H", 5));

        AgreementFeed.feed().silence(id);
        await("suspended").atMost(Duration.ofSeconds(20)).until(() -> "SUSPENDED".equals(AgreementFeed.stateOf(id)));
        officer(NATO).post("/api/disclosures/" + draft + "/submit").then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:mdcoop:problem:cooperation-status-unknown"))
                .body("status", equalTo(503))
                .body("detail", containsString("submit a disclosure"));
        // readiness stays UP (the pod must keep answering and listening) and says why
        RestAssured.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'cooperation' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'cooperation' }.data.state", equalTo("SUSPENDED"));

        AgreementFeed.feed().resume(id);
        await("resumed").atMost(Duration.ofSeconds(20)).until(() -> "IN_FORCE".equals(AgreementFeed.stateOf(id)));
        officer(NATO).post("/api/disclosures/" + draft + "/submit").then().statusCode(200);
        RestAssured.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'cooperation' }.data.state", equalTo("IN_FORCE"));
    }

    @Test
    void aWithdrawalSeenWhileSuspendedEndsCooperationForGood() {
        UUID id = AgreementFeed.activateFresh();
        AgreementFeed.feed().silence(id);
        await("suspended").atMost(Duration.ofSeconds(20)).until(() -> "SUSPENDED".equals(AgreementFeed.stateOf(id)));

        AgreementFeed.withdraw(id);
        await("withdrawn").atMost(Duration.ofSeconds(30)).until(() -> "NOT_IN_FORCE".equals(AgreementFeed.stateOf(id)));
        refusedBecauseNotInForce("2056-H1", id);

        // the heartbeat returns, saying WITHDRAWN: nothing reopens
        AgreementFeed.feed().resume(id);
        EventEnvelope marker = AgreementFeed.withdraw(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(marker.eventId()));
        assertThat(row(id)).containsEntry("status", "WITHDRAWN").containsEntry("cooperation", "NOT_IN_FORCE");
        refusedBecauseNotInForce("2056-H2", id);
    }

    private static void refusedBecauseNotInForce(String round, UUID ours) {
        // no other test's agreement may be in force either (a status still in flight when this test began)
        AgreementFeed.endAllInForceExcept(ours);
        officer(NATO).post("/api/disclosures/" + draft(NATO, "INVENTORY", round, inventory("Site X", 1)) + "/submit")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:mdcoop:problem:cooperation-not-in-force"));
    }

    private static Map<String, Object> row(UUID id) {
        List<Map<String, Object>> rows = AgreementFeed.cooperation();
        return rows.stream().filter(r -> id.toString().equals(r.get("agreementId"))).findFirst()
                .orElseThrow(() -> new AssertionError("agreement " + id + " not in the view"));
    }

    private boolean processed(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from processed_event where event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue() > 0);
    }
}

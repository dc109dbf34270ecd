package org.mdcoop.transparency.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.mdcoop.common.domain.Party.NATO;
import static org.mdcoop.common.domain.Party.RUSSIA;
import static org.mdcoop.transparency.api.Api.analyst;
import static org.mdcoop.transparency.api.Api.draft;
import static org.mdcoop.transparency.api.Api.inventory;
import static org.mdcoop.transparency.api.Api.officer;
import static org.mdcoop.transparency.api.Api.performance;
import static org.mdcoop.transparency.api.Api.submitted;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.mdcoop.common.events.EventEnvelope;
import org.mdcoop.common.testing.TopicProbe;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The end of the agreement, observed end to end: a real status message on the broker, consumed by the service's
 * real consumer, stops the exchanges at once; each party keeps reading its own data.
 */
@QuarkusTest
class AgreementEndTest {

    @Inject
    EntityManager entityManager;

    @Test
    void withdrawalOnTheBrokerClosesSubmissionsCancelsInvitationsAndEndsCounterpartAccess_once() {
        UUID agreementId = AgreementFeed.activateFresh();
        String round = "2045-H1";
        String natoInventory = submitted(NATO, "INVENTORY", round, inventory("Site N", 24));
        String russianInventory = submitted(RUSSIA, "INVENTORY", round, inventory("Site R", 12));
        String natoDraft = draft(NATO, "INTERCEPTOR_PERFORMANCE", round, performance(4.5));
        analyst(RUSSIA).get("/api/disclosures/" + natoInventory).then().statusCode(200);
        analyst(NATO).get("/api/disclosures/" + russianInventory).then().statusCode(200);

        Instant now = AgreementFeed.serviceNow();
        String announcement = InterceptorTestObservationTest.announcement(now.plus(Duration.ofDays(35)),
                now.plus(Duration.ofDays(36)));
        String announced = officer(NATO).body(announcement).post("/api/tests").then().statusCode(201)
                .extract().path("id");
        String accepted = officer(RUSSIA).body(announcement).post("/api/tests").then().statusCode(201)
                .extract().path("id");
        officer(NATO).body("{\"observers\":[\"Obs N\"]}").post("/api/tests/" + accepted + "/accept").then()
                .statusCode(200);

        try (TopicProbe probe = TopicProbe.localBroker("transparency.events")) {
            // the agreement-service publishes the withdrawal
            EventEnvelope withdrawn = AgreementFeed.withdraw(agreementId);

            // pending invitations are cancelled at once, by the end itself
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                analyst(NATO).get("/api/tests/" + announced).then().statusCode(200)
                        .body("state", equalTo("CANCELLED"))
                        .body("cancelReason", equalTo("agreement ended"));
                analyst(RUSSIA).get("/api/tests/" + accepted).then().statusCode(200)
                        .body("state", equalTo("CANCELLED"));
            });

            // new submissions and announcements are refused, saying why
            officer(NATO).post("/api/disclosures/" + natoDraft + "/submit").then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:mdcoop:problem:cooperation-not-in-force"))
                    .body("detail", containsString("TRANSPARENCY"))
                    .body("detail", containsString("submit a disclosure"));
            officer(RUSSIA).body(InterceptorTestObservationTest.announcement(now.plus(Duration.ofDays(40)),
                    now.plus(Duration.ofDays(41)))).post("/api/tests").then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:mdcoop:problem:cooperation-not-in-force"));

            // the counterpart's disclosures stop being readable; each party still reads its own
            analyst(RUSSIA).get("/api/disclosures/" + natoInventory).then().statusCode(403)
                    .body("type", equalTo("urn:mdcoop:problem:transparency-not-in-force"));
            analyst(NATO).get("/api/disclosures/" + russianInventory).then().statusCode(403);
            List<String> russianList = analyst(RUSSIA).get("/api/disclosures?round=" + round).then().statusCode(200)
                    .extract().path("id");
            assertThat(russianList).containsExactly(russianInventory);
            List<String> natoList = analyst(NATO).get("/api/disclosures?round=" + round).then().statusCode(200)
                    .extract().path("id");
            assertThat(natoList).containsExactlyInAnyOrder(natoInventory, natoDraft);
            analyst(NATO).get("/api/disclosures/" + natoDraft).then().statusCode(200);
            analyst(NATO).get("/api/compliance").then().statusCode(200).body("inForce", equalTo(false))
                    .body("agreementId", equalTo(agreementId.toString()));

            // the same message delivered again, then a later status of the same agreement (same key, so it is
            // consumed after the duplicate): when the later one has been consumed, the duplicate has been dealt with
            AgreementFeed.send(withdrawn);
            EventEnvelope later = AgreementFeed.withdraw(agreementId);
            await().atMost(Duration.ofSeconds(30)).until(() -> count(
                    "select count(*) from processed_event where event_id = ?1", later.eventId()) == 1);

            assertThat(count("select count(*) from processed_event where event_id = ?1", withdrawn.eventId()))
                    .isEqualTo(1);
            for (String testId : List.of(announced, accepted)) {
                assertThat(count("select count(*) from outbox where message_key = ?1 and payload like "
                        + "'%\"transparency.test-cancelled\"%'", testId)).as(testId).isEqualTo(1);
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<EventEnvelope> cancelled = probe.poll(e -> e.type().equals("transparency.test-cancelled")
                        && (e.subjectId().equals(announced) || e.subjectId().equals(accepted)));
                assertThat(cancelled).hasSize(2);
                assertThat(cancelled).allSatisfy(e -> {
                    assertThat(e.party()).isNull();
                    assertThat(e.agreementId()).isEqualTo(agreementId);
                    assertThat(e.payload().path("reason").asText()).isEqualTo("agreement ended");
                });
            });
        }
    }

    private long count(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }
}

package org.mdcoop.transparency.api;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.mdcoop.common.domain.Party.NATO;
import static org.mdcoop.common.domain.Party.RUSSIA;
import static org.mdcoop.transparency.api.Api.analyst;
import static org.mdcoop.transparency.api.Api.draft;
import static org.mdcoop.transparency.api.Api.officer;
import static org.mdcoop.transparency.api.Api.performance;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 16: a party stops TRANSPARENCY alone. The status that shows it stopped stops the exchanges at once (pending
 * invitations cancelled, submissions and announcements refused) while the agreement stays in force for the rest.
 */
@QuarkusTest
class ElementStopTest {

    @Test
    void transparencyStoppedStopsTheExchangesWhileTheAgreementStaysInForce() {
        UUID agreementId = AgreementFeed.activateFresh();
        try {
            // a round no other test drafts in: a second draft of one kind and round is refused
            String round = "2048-H1";
            String natoDraft = draft(NATO, "INTERCEPTOR_PERFORMANCE", round, performance(4.5));
            Instant now = AgreementFeed.serviceNow();
            String announced = officer(NATO).body(InterceptorTestObservationTest.announcement(
                    now.plus(Duration.ofDays(35)), now.plus(Duration.ofDays(36)))).post("/api/tests").then()
                    .statusCode(201).extract().path("id");

            AgreementFeed.stopElement(agreementId, "TRANSPARENCY");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> analyst(NATO).get("/api/tests/" + announced)
                    .then().statusCode(200).body("state", equalTo("CANCELLED"))
                    .body("cancelReason", equalTo("transparency stopped")));
            officer(NATO).post("/api/disclosures/" + natoDraft + "/submit").then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:mdcoop:problem:cooperation-not-in-force"));
            officer(RUSSIA).body(InterceptorTestObservationTest.announcement(now.plus(Duration.ofDays(40)),
                    now.plus(Duration.ofDays(41)))).post("/api/tests").then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:mdcoop:problem:cooperation-not-in-force"));
            // the agreement itself is still in force: only its transparency stopped
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> "IN_FORCE".equals(AgreementFeed.stateOf(agreementId)));
        } finally {
            AgreementFeed.withdraw(agreementId);
        }
    }
}

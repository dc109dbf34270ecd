package org.mdcoop.agreement.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.mdcoop.agreement.api.AgreementApi.as;
import static org.mdcoop.agreement.api.AgreementApi.command;
import static org.mdcoop.agreement.api.AgreementApi.draftByNato;
import static org.mdcoop.agreement.api.AgreementApi.natoLiaison;
import static org.mdcoop.agreement.api.AgreementApi.russianLiaison;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.mdcoop.common.security.Roles;
import org.mdcoop.common.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Permanence through the REST API: both consents make the agreement PERMANENT; a withdrawal from permanence gives the
 * notice agreed in the draft (a term of the agreement, 0 allowed), and the scheduler ends it when the notice is over.
 */
@QuarkusTest
class PermanenceTest {

    @Test
    void bothConsentsMakeItPermanentAndAWithdrawalEndsAfterTheAgreedNotice() {
        String id = permanentAgreement(1);
        natoLiaison().get("/api/agreements/status").then().statusCode(200)
                .body("find { it.agreementId == '" + id + "' }.status", equalTo("PERMANENT"))
                .body("find { it.agreementId == '" + id + "' }.noticeMonths", equalTo(1))
                .body("find { it.agreementId == '" + id + "' }.expiresAt", equalTo(null));

        Instant before = Instant.parse(natoLiaison().get("/api/clock").then().statusCode(200).extract().path("now"));
        JsonPath notice = russianLiaison().body("{\"reason\":\"changed policy\"}")
                .post("/api/agreements/" + id + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWAL_PENDING"))
                .body("inForce", equalTo(true))
                .body("withdrawnBy", equalTo("RUSSIA")).extract().jsonPath();
        Instant noticeEndsAt = Instant.parse(notice.getString("noticeEndsAt"));
        Instant oneMonthLater = before.atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
        assertThat(noticeEndsAt).isBetween(oneMonthLater, oneMonthLater.plus(Duration.ofMinutes(1)));

        natoLiaison().body("{\"seconds\": " + Duration.ofDays(32).toSeconds() + "}").post("/api/clock/advance")
                .then().statusCode(200);

        await("withdrawn by the scheduler").atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                natoLiaison().get("/api/agreements/" + id).then().statusCode(200)
                        .body("status", equalTo("WITHDRAWN"))
                        .body("inForce", equalTo(false))
                        .body("endedAt", equalTo(noticeEndsAt.toString())));
        as(TestTokens.russia(Roles.AUDITOR)).get("/api/audit").then().statusCode(200)
                .body("entries.action", hasItem("agreement.withdrawal-noticed"));
    }

    @Test
    void aNoticeOfZeroMonthsEndsCooperationAtOnce() {
        String id = permanentAgreement(0);

        russianLiaison().body("{\"reason\":\"walks away\"}").post("/api/agreements/" + id + "/withdraw").then()
                .statusCode(200).body("status", equalTo("WITHDRAWAL_PENDING")).body("inForce", equalTo(false));

        await("withdrawn by the scheduler").atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                natoLiaison().get("/api/agreements/" + id).then().statusCode(200)
                        .body("status", equalTo("WITHDRAWN")).body("inForce", equalTo(false)));
    }

    @Test
    void theNoticeIsATermOfTheDraftWithinBounds() {
        AgreementApi.closeOpenAgreements();
        natoLiaison().body("{\"elements\":[\"TRANSPARENCY\"],\"noticeMonths\":-1}").post("/api/agreements").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("noticeMonths"));
        String id = draftByNato("{\"elements\":[\"TRANSPARENCY\"]}");
        natoLiaison().get("/api/agreements/" + id).then().statusCode(200).body("noticeMonths", equalTo(6));
    }

    /** A fresh agreement with the given notice, accepted, then made permanent by both parties' consents. */
    private static String permanentAgreement(int noticeMonths) {
        AgreementApi.closeOpenAgreements();
        String id = draftByNato("{\"elements\":[\"TRANSPARENCY\",\"JOINT_EXERCISES\"],\"noticeMonths\":" + noticeMonths
                + "}");
        command(natoLiaison(), id, "submit").statusCode(200);
        command(russianLiaison(), id, "accept").statusCode(200);
        natoLiaison().put("/api/agreements/" + id + "/permanence-consent").then().statusCode(200)
                .body("status", equalTo("PROVISIONAL"));
        russianLiaison().put("/api/agreements/" + id + "/permanence-consent").then().statusCode(200)
                .body("status", equalTo("PERMANENT"))
                .body("noticeMonths", equalTo(noticeMonths))
                .body("expiresAt", equalTo(null));
        return id;
    }
}

package org.mdcoop.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.mdcoop.system.Stack.as;
import static org.mdcoop.system.Stack.url;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * Permanence and notice through the real services: both parties' consents make the agreement PERMANENT (no expiry,
 * so cooperation outlives the provisional term everywhere); a withdrawal from permanence only starts the notice agreed
 * in the draft, during which every follower keeps cooperating; when the notice is over every follower closes by its own
 * clock and the agreement-service's scheduler records WITHDRAWN. Clocks move together ({@link Stack#advanceEveryClockTo}).
 */
class PermanenceSystemTest {

    private static final String ALL = "[\"TRANSPARENCY\",\"JOINT_EXERCISES\",\"DATA_FUSION_CENTRE\",\"COOPERATION_CENTRE\"]";

    @BeforeEach
    void noAgreementOpen() {
        Stack.closeOpenAgreements();
        DemoSensors.ensureRegistered();
    }

    @Test
    void bothConsentToPermanenceThenAWithdrawalEndsCooperationEverywhereOnlyWhenTheNoticeIsOver() {
        String id = as("nato-liaison").body("{\"elements\":" + ALL + ",\"termMonths\":12,\"noticeMonths\":2}")
                .post(url("agreement", "/api/agreements")).then().statusCode(201).body("noticeMonths", equalTo(2))
                .extract().path("id");
        as("nato-liaison").post(url("agreement", "/api/agreements/" + id + "/submit")).then().statusCode(200);
        String provisionalExpiry = as("russia-liaison").post(url("agreement", "/api/agreements/" + id + "/accept"))
                .then().statusCode(200).body("status", equalTo("PROVISIONAL")).extract().path("expiresAt");
        awaitAtEveryFollower(id, "IN_FORCE", "PROVISIONAL");

        // permanence needs both: one consent changes nothing
        as("nato-liaison").put(url("agreement", "/api/agreements/" + id + "/permanence-consent")).then().statusCode(200)
                .body("status", equalTo("PROVISIONAL"));
        as("russia-liaison").put(url("agreement", "/api/agreements/" + id + "/permanence-consent")).then()
                .statusCode(200).body("status", equalTo("PERMANENT")).body("expiresAt", nullValue())
                .body("noticeMonths", equalTo(2));
        awaitAtEveryFollower(id, "IN_FORCE", "PERMANENT");
        for (String follower : CooperativeActions.FOLLOWERS) {
            assertThat(row(follower, id)).containsEntry("expiresAt", null).as(follower);
        }

        // a permanent agreement outlives its provisional term at every follower, each judging by its own clock
        Stack.advanceEveryClockTo(Instant.parse(provisionalExpiry).plus(Duration.ofDays(30)));
        FaultDrill.sleep(Duration.ofSeconds(2)); // two re-evaluations of the terms at every follower
        for (String follower : CooperativeActions.FOLLOWERS) {
            assertThat(Stack.cooperationAt(follower, id)).as(follower + " after the provisional term").isEqualTo("IN_FORCE");
        }
        as("nato-analyst").get(url("agreement", "/api/agreements/" + id)).then().statusCode(200)
                .body("status", equalTo("PERMANENT")).body("inForce", equalTo(true));

        // walking away from permanence gives the agreed notice: cooperation goes on meanwhile
        long auditHead = as("nato-auditor").get(url("agreement", "/api/audit/head")).then().statusCode(200).extract()
                .jsonPath().getLong("seq");
        Instant withdrawnAt = Stack.serviceNow("agreement");
        JsonPath notice = as("russia-liaison").body("{\"reason\":\"a change of policy\"}")
                .post(url("agreement", "/api/agreements/" + id + "/withdraw")).then().statusCode(200)
                .body("status", equalTo("WITHDRAWAL_PENDING")).body("inForce", equalTo(true))
                .body("withdrawnBy", equalTo("RUSSIA")).extract().jsonPath();
        Instant noticeEndsAt = Instant.parse(notice.getString("noticeEndsAt"));
        Instant twoMonthsOn = withdrawnAt.atZone(ZoneOffset.UTC).plusMonths(2).toInstant();
        assertThat(noticeEndsAt).isBetween(twoMonthsOn, twoMonthsOn.plus(Duration.ofMinutes(1)));
        awaitAtEveryFollower(id, "IN_FORCE", "WITHDRAWAL_PENDING");
        for (String follower : CooperativeActions.FOLLOWERS) {
            assertThat(Instant.parse((String) row(follower, id).get("noticeEndsAt"))).as(follower).isEqualTo(noticeEndsAt);
            assertThat(row(follower, id)).containsEntry("withdrawnBy", "RUSSIA");
        }
        assertThat(CooperativeActions.reportToTheFusionCentre().statusCode()).as("fusion during the notice").isEqualTo(200);

        Stack.advanceEveryClockTo(noticeEndsAt.minus(Duration.ofMinutes(1)));
        FaultDrill.sleep(Duration.ofSeconds(2));
        for (String follower : CooperativeActions.FOLLOWERS) {
            assertThat(Stack.cooperationAt(follower, id)).as(follower + " a minute before the notice ends")
                    .isEqualTo("IN_FORCE");
        }

        // the notice is over: every follower closes by its own clock, the scheduler records the withdrawal
        Stack.advanceEveryClockTo(noticeEndsAt.plus(Duration.ofMinutes(1)));
        for (String follower : CooperativeActions.FOLLOWERS) {
            await(follower + " closes when the notice ends").atMost(Duration.ofSeconds(15))
                    .until(() -> "NOT_IN_FORCE".equals(Stack.cooperationAt(follower, id)));
        }
        await("withdrawn by the scheduler").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("nato-analyst").get(url("agreement", "/api/agreements/" + id)).then().statusCode(200)
                        .body("status", equalTo("WITHDRAWN")).body("inForce", equalTo(false))
                        .body("endedAt", equalTo(noticeEndsAt.toString())));
        awaitAtEveryFollower(id, "NOT_IN_FORCE", "WITHDRAWN");
        for (String follower : CooperativeActions.FOLLOWERS) {
            assertThat(CooperativeActions.refusedWith(CooperativeActions.attempt(follower), 409,
                    "cooperation-not-in-force")).as(follower + " refuses after the notice").isTrue();
        }
        for (String auditor : List.of("nato-auditor", "russia-auditor")) {
            List<String> actions = as(auditor).get(url("agreement", "/api/audit?limit=1000&fromSeq=" + (auditHead + 1)))
                    .then().statusCode(200).extract().jsonPath().getList("entries.findAll { it.agreementId == '" + id
                            + "' }.action");
            assertThat(actions).as(auditor).contains("agreement.withdrawal-noticed", "agreement.withdrawn");
            as(auditor).get(url("agreement", "/api/audit/verify")).then().statusCode(200).body("valid", equalTo(true));
        }
    }

    private static void awaitAtEveryFollower(String id, String cooperation, String status) {
        for (String follower : CooperativeActions.FOLLOWERS) {
            await(follower + ": " + status + ", " + cooperation).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<String, Object> row = row(follower, id);
                assertThat(row.get("status")).isEqualTo(status);
                assertThat(row.get("cooperation")).isEqualTo(cooperation);
            });
        }
    }

    private static Map<String, Object> row(String follower, String id) {
        List<Map<String, Object>> view = as("nato-analyst").get(url(follower, "/api/cooperation"))
                .then().statusCode(200).extract().path("$");
        return view.stream().filter(r -> id.equals(r.get("agreementId"))).findFirst()
                .orElseThrow(() -> new AssertionError(follower + " does not know agreement " + id));
    }
}

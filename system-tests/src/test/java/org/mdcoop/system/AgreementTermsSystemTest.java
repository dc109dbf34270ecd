package org.mdcoop.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.mdcoop.system.Stack.as;
import static org.mdcoop.system.Stack.url;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every follower judges the agreement's terms with its own clock, through the real services: a deferred start opens
 * cooperation everywhere at its moment with nobody acting, and the end of the term closes it everywhere even while
 * the agreement-service is stopped (no message at all).
 */
class AgreementTermsSystemTest {

    private static final String ALL = "[\"TRANSPARENCY\",\"JOINT_EXERCISES\",\"DATA_FUSION_CENTRE\",\"COOPERATION_CENTRE\"]";

    private boolean agreementStopped;
    private String expiring;

    @BeforeEach
    void noAgreementOpen() {
        Stack.closeOpenAgreements();
    }

    @AfterEach
    void agreementServiceBack() {
        if (agreementStopped) {
            FaultDrill.stack("start", "agreement");
            // its clock catches up with the followers': its scheduler records the expiry (nothing left to withdraw)
            Stack.alignClocks();
            await("the expiry recorded").atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("nato-analyst")
                    .get(url("agreement", "/api/agreements/" + expiring)).then().statusCode(200)
                    .body("status", equalTo("EXPIRED")));
        }
        Stack.closeOpenAgreements();
    }

    private static String proposeAndAccept(String body) {
        String id = as("nato-liaison").body(body).post(url("agreement", "/api/agreements")).then().statusCode(201)
                .extract().path("id");
        as("nato-liaison").post(url("agreement", "/api/agreements/" + id + "/submit")).then().statusCode(200);
        as("russia-liaison").post(url("agreement", "/api/agreements/" + id + "/accept")).then().statusCode(200)
                .body("status", equalTo("PROVISIONAL"));
        return id;
    }

    @Test
    void aDeferredStartOpensCooperationAtEveryFollowerAtItsMomentWithNobodyActing() {
        Instant effectiveAt = Stack.serviceNow("agreement").plusSeconds(20);
        Duration offset = Duration.between(Instant.now(), Stack.serviceNow("agreement"));
        String id = proposeAndAccept("{\"elements\":" + ALL + ",\"effectiveAt\":\"" + effectiveAt + "\"}");
        for (String follower : CooperativeActions.FOLLOWERS) {
            await(follower + " knows the agreement").atMost(Duration.ofSeconds(15))
                    .until(() -> Stack.cooperationAt(follower, id) != null);
            assertThat(Stack.cooperationAt(follower, id)).as(follower + " before the start").isEqualTo("NOT_IN_FORCE");
        }
        Instant effectiveWall = effectiveAt.minus(offset);
        FaultDrill.sleep(Duration.between(Instant.now(), effectiveWall));
        for (String follower : CooperativeActions.FOLLOWERS) {
            // the followers re-evaluate the terms every second; the bound is 2 s
            await(follower + " opens at the start").atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                    .until(() -> "IN_FORCE".equals(Stack.cooperationAt(follower, id)));
        }
        System.out.println("deferred start: every follower in force " + Duration.between(effectiveWall, Instant.now())
                .toMillis() + " ms after the moment");
    }

    @Test
    void theEndOfTheTermClosesCooperationAtEveryFollowerWhileTheAgreementServiceIsStopped() {
        String id = proposeAndAccept("{\"elements\":" + ALL + ",\"termMonths\":1}");
        expiring = id;
        String expiresAt = as("nato-analyst").get(url("agreement", "/api/agreements/" + id)).then().statusCode(200)
                .extract().path("expiresAt");
        for (String follower : CooperativeActions.FOLLOWERS) {
            await(follower + " in force").atMost(Duration.ofSeconds(30))
                    .until(() -> "IN_FORCE".equals(Stack.cooperationAt(follower, id)));
        }
        FaultDrill.stack("stop", "agreement");
        agreementStopped = true;
        // only the followers' clocks move: nobody can tell them the term is over
        Instant after = Instant.parse(expiresAt).plusSeconds(60);
        for (String follower : CooperativeActions.FOLLOWERS) {
            long seconds = Duration.between(Stack.serviceNow(follower), after).toSeconds();
            as("nato-liaison").body("{\"seconds\":" + seconds + "}").post(url(follower, "/api/clock/advance"))
                    .then().statusCode(200);
        }
        // closed by the terms (409), well before the heartbeat's silence would suspend them (503 after 30 s)
        for (String follower : CooperativeActions.FOLLOWERS) {
            await(follower + " closes at the end of the term").atMost(Duration.ofSeconds(10))
                    .until(() -> "NOT_IN_FORCE".equals(Stack.cooperationAt(follower, id)));
            assertThat(CooperativeActions.refusedWith(CooperativeActions.attempt(follower), 409,
                    "cooperation-not-in-force")).as(follower + " refuses after the term").isTrue();
        }
    }
}

package org.mdcoop.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.mdcoop.system.Stack.as;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The heart of the trial marriage across all four services: once the agreement is accepted the other services see
 * cooperation in force; the moment one party walks away, every service sees it end — through the real broker,
 * with real Keycloak tokens.
 */
class WalkAwaySystemTest {

    private static final String AGREEMENT = Stack.SERVICES.get("agreement");
    private static final List<String> FOLLOWERS = List.of("transparency", "exercise", "fusion");

    @BeforeEach
    void noAgreementOpen() {
        Stack.closeOpenAgreements();
    }

    @Test
    void russiaWalksAwayAndEveryServiceSeesCooperationEndWithinSeconds() {
        String id = as("nato-liaison")
                .body("{\"elements\":[\"TRANSPARENCY\",\"JOINT_EXERCISES\",\"DATA_FUSION_CENTRE\",\"COOPERATION_CENTRE\"]}")
                .post(AGREEMENT + "/api/agreements").then().statusCode(201).extract().path("id");
        as("nato-liaison").post(AGREEMENT + "/api/agreements/" + id + "/submit").then().statusCode(200);
        as("russia-liaison").post(AGREEMENT + "/api/agreements/" + id + "/accept").then().statusCode(200)
                .body("status", equalTo("PROVISIONAL"));

        for (String service : FOLLOWERS) {
            await("cooperation in force at " + service).atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(inForce(service, id)).isTrue());
        }

        as("russia-liaison").body("{\"reason\":\"the other party deployed new interceptors\"}")
                .post(AGREEMENT + "/api/agreements/" + id + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));

        for (String service : FOLLOWERS) {
            await("cooperation ended at " + service).atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> assertThat(inForce(service, id)).isFalse());
        }
        as("russia-auditor").get(AGREEMENT + "/api/audit/verify").then().statusCode(200)
                .body("valid", equalTo(true));
    }

    private static Boolean inForce(String service, String agreementId) {
        return Stack.inForceAt(service, agreementId);
    }
}

package org.mdcoop.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The heart of the trial marriage across all four services: once the agreement is accepted the other services see
 * cooperation in force; the moment one party walks away, every service sees it end — through the real broker,
 * with real Keycloak tokens.
 */
class WalkAwaySystemTest {

    private static final String AGREEMENT = Stack.SERVICES.get("agreement");
    private static final List<String> FOLLOWERS = List.of("transparency", "exercise", "fusion");

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Stack.token(user)).contentType(ContentType.JSON);
    }

    @BeforeEach
    void noAgreementOpen() {
        List<Map<String, Object>> all = as("nato-liaison").get(AGREEMENT + "/api/agreements")
                .then().statusCode(200).extract().path("$");
        for (Map<String, Object> agreement : all) {
            String id = (String) agreement.get("id");
            switch ((String) agreement.get("status")) {
                case "PROPOSED" -> {
                    String proposer = (String) agreement.get("proposer");
                    as(proposer.toLowerCase() + "-liaison").post(AGREEMENT + "/api/agreements/" + id + "/retract")
                            .then().statusCode(200);
                }
                case "PROVISIONAL", "PERMANENT" -> as("nato-liaison").body("{\"reason\":\"system test clean-up\"}")
                        .post(AGREEMENT + "/api/agreements/" + id + "/withdraw").then().statusCode(200);
                default -> {
                }
            }
        }
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
        List<Map<String, Object>> view = as("nato-analyst").get(Stack.SERVICES.get(service) + "/api/cooperation")
                .then().statusCode(200).extract().path("$");
        return view.stream().filter(row -> agreementId.equals(row.get("agreementId")))
                .map(row -> (Boolean) row.get("inForce")).findFirst().orElse(null);
    }
}

package org.mdcoop.agreement.api;

import static io.restassured.RestAssured.given;

import org.mdcoop.common.security.Roles;
import org.mdcoop.common.testing.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Small helpers so the tests read as the story they tell. */
final class AgreementApi {

    static final String ALL_ELEMENTS =
            "{\"elements\":[\"TRANSPARENCY\",\"JOINT_EXERCISES\",\"DATA_FUSION_CENTRE\",\"COOPERATION_CENTRE\"]}";

    /** The topics the service publishes to in the test profile (its own, not the running stack's). */
    static final String EVENTS_TOPIC = org.eclipse.microprofile.config.ConfigProvider.getConfig()
            .getValue("mdcoop.agreement.events-topic", String.class);
    static final String STATUS_TOPIC = org.eclipse.microprofile.config.ConfigProvider.getConfig()
            .getValue("mdcoop.agreement.status-topic", String.class);

    private AgreementApi() {
    }

    static RequestSpecification natoLiaison() {
        return as(TestTokens.nato(Roles.LIAISON));
    }

    static RequestSpecification russianLiaison() {
        return as(TestTokens.russia(Roles.LIAISON));
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static String draftByNato(String body) {
        return natoLiaison().body(body).post("/api/agreements").then().statusCode(201).extract().path("id");
    }

    static ValidatableResponse command(RequestSpecification who, String id, String action) {
        return who.post("/api/agreements/" + id + "/" + action).then();
    }

    /** A fresh agreement with all four elements, proposed by NATO and accepted by Russia: in force. */
    static String provisionalAgreement() {
        closeOpenAgreements();
        String id = draftByNato(ALL_ELEMENTS);
        command(natoLiaison(), id, "submit").statusCode(200);
        command(russianLiaison(), id, "accept").statusCode(200);
        return id;
    }

    /** Makes sure no agreement from an earlier test is still open (the rule allows only one at a time). */
    static void closeOpenAgreements() {
        java.util.List<java.util.Map<String, Object>> all =
                natoLiaison().get("/api/agreements").then().statusCode(200).extract().path("$");
        for (java.util.Map<String, Object> a : all) {
            String id = (String) a.get("id");
            switch ((String) a.get("status")) {
                case "PROPOSED" -> command(natoLiaison(), id, "retract").statusCode(200);
                case "PROVISIONAL" -> natoLiaison().body("{\"reason\":\"test clean-up\"}")
                        .post("/api/agreements/" + id + "/withdraw").then().statusCode(200);
                case "PERMANENT" -> {
                    natoLiaison().body("{\"reason\":\"test clean-up\"}")
                            .post("/api/agreements/" + id + "/withdraw").then().statusCode(200);
                }
                default -> {
                }
            }
        }
    }
}

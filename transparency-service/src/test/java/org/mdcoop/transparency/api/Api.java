package org.mdcoop.transparency.api;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import org.mdcoop.common.domain.Party;
import org.mdcoop.common.security.Roles;
import org.mdcoop.common.testing.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Small helpers so the tests read as the story they tell. */
final class Api {

    static {
        io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private Api() {
    }

    static RequestSpecification as(Party party, String role) {
        return given().auth().oauth2(TestTokens.of(party, role)).contentType(ContentType.JSON);
    }

    static RequestSpecification officer(Party party) {
        return as(party, Roles.TRANSPARENCY_OFFICER);
    }

    static RequestSpecification analyst(Party party) {
        return as(party, Roles.ANALYST);
    }

    static String inventory(String designation, int count) {
        return "{\"components\":[{\"type\":\"INTERCEPTOR_SITE\",\"designation\":\"" + designation + "\",\"count\":"
                + count + ",\"lat\":54.48,\"lon\":17.1,\"status\":\"OPERATIONAL\"}]}";
    }

    static String performance(double burnoutKmS) {
        return "{\"interceptors\":[{\"interceptorType\":\"Type A\",\"maxRangeKm\":700,\"maxAltitudeKm\":500,"
                + "\"burnoutVelocityKmS\":3.0},{\"interceptorType\":\"Type B\",\"maxRangeKm\":2500,"
                + "\"maxAltitudeKm\":1200,\"burnoutVelocityKmS\":" + burnoutKmS + "}]}";
    }

    static String plan() {
        return "{\"phases\":[{\"name\":\"Phase 1\",\"startDate\":\"2027-01-01\",\"endDate\":\"2027-12-31\","
                + "\"sites\":[{\"designation\":\"Site Alpha\",\"lat\":54.48,\"lon\":17.1,\"count\":24}]}]}";
    }

    /** Creates a draft and returns its id. */
    static String draft(Party party, String kind, String round, String content) {
        return officer(party).body("{\"kind\":\"" + kind + "\",\"round\":\"" + round + "\",\"content\":" + content + "}")
                .post("/api/disclosures").then().statusCode(201).extract().path("id");
    }

    static void submit(Party party, String id) {
        officer(party).post("/api/disclosures/" + id + "/submit").then().statusCode(200);
    }

    /** Creates and submits a disclosure, returning its id. */
    static String submitted(Party party, String kind, String round, String content) {
        String id = draft(party, kind, round, content);
        submit(party, id);
        return id;
    }

    static String randomId() {
        return UUID.randomUUID().toString();
    }
}

package org.mdcoop.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Real Keycloak tokens of both realms against all four services started from their jars. */
class TwoPartyIdentityTest {

    private static final String[] ROLES =
            { "liaison", "transparency-officer", "exercise-planner", "fusion-operator", "analyst", "auditor" };

    static Stream<Arguments> everyServiceAndDemoUser() {
        return Stack.SERVICES.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .flatMap(service -> Stream.of("nato", "russia").flatMap(realm -> Stream.of(ROLES)
                        .map(role -> Arguments.of(service.getKey(), service.getValue(), realm, role))));
    }

    @ParameterizedTest(name = "{0}: {2}-{3}")
    @MethodSource("everyServiceAndDemoUser")
    void demoUserIsSeenWithItsRealmsPartyAndItsRole(String service, String baseUrl, String realm, String role) {
        String user = realm + "-" + role;
        given().auth().oauth2(Stack.token(user))
                .when().get(baseUrl + "/api/me")
                .then().statusCode(200)
                .body("party", equalTo(realm.toUpperCase()))
                .body("username", equalTo(user))
                .body("roles", hasItem(role));
    }

    static Stream<Arguments> everyServiceAndRealm() {
        return Stack.SERVICES.entrySet().stream()
                .flatMap(service -> Stream.of("nato", "russia")
                        .map(realm -> Arguments.of(service.getKey(), service.getValue(), realm)));
    }

    @ParameterizedTest(name = "{0}: sensor-gateway of {2}")
    @MethodSource("everyServiceAndRealm")
    void sensorGatewayServiceAccountIsAFusionOperatorOfItsParty(String service, String baseUrl, String realm) {
        String token = Stack.clientCredentials(realm, "sensor-gateway", "sensor-gateway-secret");
        given().auth().oauth2(token)
                .when().get(baseUrl + "/api/me")
                .then().statusCode(200)
                .body("party", equalTo(realm.toUpperCase()))
                .body("roles", hasItem("fusion-operator"));
    }

    @ParameterizedTest(name = "{0}: {2} token re-labelled as the other party")
    @MethodSource("everyServiceAndRealm")
    void tokenOfOneRealmIsNeverAcceptedAsTheOtherParty(String service, String baseUrl, String realm)
            throws Exception {
        String other = realm.equals("nato") ? "russia" : "nato";
        String token = Stack.token(realm + "-analyst");
        // rewrite the issuer to the other realm, keeping the signature: must be refused, not re-labelled
        String[] parts = token.split("\\.");
        ObjectMapper json = new ObjectMapper();
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        ((com.fasterxml.jackson.databind.node.ObjectNode) claims)
                .put("iss", Stack.KEYCLOAK + "/realms/" + other);
        String forged = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(json.writeValueAsString(claims).getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        given().auth().oauth2(forged)
                .when().get(baseUrl + "/api/me")
                .then().statusCode(401);
        // and the genuine token still says its own party
        given().auth().oauth2(token)
                .when().get(baseUrl + "/api/me")
                .then().statusCode(200)
                .body("party", equalTo(realm.toUpperCase()));
    }
}

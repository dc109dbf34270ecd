package org.mdcoop.system;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.response.Response;

/** Addresses of the running local stack and password-grant tokens from its Keycloak realms. */
final class Stack {

    static final String KEYCLOAK = System.getProperty("mdcoop.keycloak", "http://localhost:8180");
    static final Map<String, String> SERVICES = Map.of(
            "agreement", "http://localhost:8081",
            "transparency", "http://localhost:8082",
            "exercise", "http://localhost:8083",
            "fusion", "http://localhost:8084");

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Stack() {
    }

    static String realmOf(String username) {
        return username.startsWith("nato-") ? "nato" : "russia";
    }

    /** A token for a demo user (password = user name) from its own realm, via the password grant. */
    static String token(String username) {
        return TOKENS.computeIfAbsent(username, user -> passwordGrant(realmOf(user), user, user));
    }

    static String passwordGrant(String realm, String username, String password) {
        Response response = given()
                .formParam("grant_type", "password")
                .formParam("client_id", "mdcoop")
                .formParam("username", username)
                .formParam("password", password)
                .when().post(KEYCLOAK + "/realms/" + realm + "/protocol/openid-connect/token");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + username + " from realm " + realm + ": "
                    + response.statusCode() + " " + response.asString());
        }
        return response.jsonPath().getString("access_token");
    }

    static String clientCredentials(String realm, String clientId, String secret) {
        Response response = given()
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .when().post(KEYCLOAK + "/realms/" + realm + "/protocol/openid-connect/token");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no client token for " + clientId + " from realm " + realm + ": "
                    + response.statusCode() + " " + response.asString());
        }
        return response.jsonPath().getString("access_token");
    }
}

package org.mdcoop.system;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Addresses of the running local stack and password-grant tokens from its Keycloak realms. */
final class Stack {

    static final String KEYCLOAK = System.getProperty("mdcoop.keycloak", "http://localhost:8180");
    static final Map<String, String> SERVICES = Map.of(
            "agreement", "http://localhost:8081",
            "transparency", "http://localhost:8082",
            "exercise", "http://localhost:8083",
            "fusion", "http://localhost:8084");

    /** Tokens by user or client, reused for a minute: well inside the realms' five-minute token lifetime. */
    private static final Map<String, Cached> TOKENS = new ConcurrentHashMap<>();
    private static final Duration REUSE = Duration.ofMinutes(1);

    private record Cached(String token, Instant fetchedAt) {
        boolean fresh() {
            return fetchedAt.plus(REUSE).isAfter(Instant.now());
        }
    }

    private Stack() {
    }

    /** A JSON request as a demo user (e.g. {@code nato-liaison}), with that user's real token. */
    static RequestSpecification as(String user) {
        return given().auth().oauth2(token(user)).contentType(ContentType.JSON);
    }

    static String url(String service, String path) {
        return SERVICES.get(service) + path;
    }

    /**
     * Ends whatever agreement earlier runs left open (the stack's databases outlive a test run), so that a test can
     * propose the one open agreement the rules allow.
     */
    static void closeOpenAgreements() {
        alignClocks();
        List<Map<String, Object>> all = as("nato-liaison").get(url("agreement", "/api/agreements"))
                .then().statusCode(200).extract().path("$");
        for (Map<String, Object> agreement : all) {
            String id = (String) agreement.get("id");
            switch ((String) agreement.get("status")) {
                case "PROPOSED" -> as(((String) agreement.get("proposer")).toLowerCase() + "-liaison")
                        .post(url("agreement", "/api/agreements/" + id + "/retract")).then().statusCode(200);
                case "PROVISIONAL", "PERMANENT" -> as("nato-liaison").body("{\"reason\":\"system test clean-up\"}")
                        .post(url("agreement", "/api/agreements/" + id + "/withdraw")).then().statusCode(200);
                default -> {
                }
            }
        }
    }

    /** The services whose clocks the tests may move (dev profile: {@code POST /api/clock/advance}). */
    static final List<String> CLOCKED = List.of("agreement", "transparency", "exercise", "fusion");

    /** A service's own clock. */
    static Instant serviceNow(String service) {
        return Instant.parse(as("nato-analyst").get(url(service, "/api/clock")).then().statusCode(200)
                .extract().path("now"));
    }

    /**
     * Moves every service's clock to at least {@code target} (clocks only go forward). Every follower judges the
     * agreement's terms with its own clock, so a test that lets the term run out moves them all, as real time would.
     */
    static void advanceEveryClockTo(Instant target) {
        for (String service : CLOCKED) {
            long seconds = Duration.between(serviceNow(service), target).toSeconds();
            if (seconds > 0) {
                as("nato-liaison").body("{\"seconds\":" + seconds + "}").post(url(service, "/api/clock/advance"))
                        .then().statusCode(200);
            }
        }
    }

    /** Brings every clock up to the latest one (a stack reused after earlier runs may have them apart). */
    static void alignClocks() {
        advanceEveryClockTo(CLOCKED.stream().map(Stack::serviceNow).max(Instant::compareTo).orElseThrow());
    }

    /** Whether the service's cooperation view has the agreement in force; null while it has not heard of it. */
    static Boolean inForceAt(String service, String agreementId) {
        List<Map<String, Object>> view = as("nato-analyst").get(url(service, "/api/cooperation"))
                .then().statusCode(200).extract().path("$");
        return view.stream().filter(row -> agreementId.equals(row.get("agreementId")))
                .map(row -> (Boolean) row.get("inForce")).findFirst().orElse(null);
    }

    /** IN_FORCE, SUSPENDED or NOT_IN_FORCE as the service's cooperation view has the agreement; null if unknown. */
    static String cooperationAt(String service, String agreementId) {
        List<Map<String, Object>> view = as("nato-analyst").get(url(service, "/api/cooperation"))
                .then().statusCode(200).extract().path("$");
        return view.stream().filter(row -> agreementId.equals(row.get("agreementId")))
                .map(row -> (String) row.get("cooperation")).findFirst().orElse(null);
    }

    static String realmOf(String username) {
        return username.startsWith("nato-") ? "nato" : "russia";
    }

    /** A token for a demo user (password = user name) from its own realm, via the password grant. */
    static String token(String username) {
        return cached("user " + username, () -> passwordGrant(realmOf(username), username, username));
    }

    private static String cached(String key, Supplier<String> fetch) {
        return TOKENS.compute(key, (k, old) -> old != null && old.fresh() ? old : new Cached(fetch.get(), Instant.now()))
                .token();
    }

    static String passwordGrant(String realm, String username, String password) {
        return passwordGrant(realm, username, password, "mdcoop");
    }

    static String passwordGrant(String realm, String username, String password, String clientId) {
        Response response = given()
                .formParam("grant_type", "password")
                .formParam("client_id", clientId)
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
        return cached("client " + realm + "/" + clientId, () -> clientCredentialsGrant(realm, clientId, secret));
    }

    private static String clientCredentialsGrant(String realm, String clientId, String secret) {
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

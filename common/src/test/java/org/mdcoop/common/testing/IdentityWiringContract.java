package org.mdcoop.common.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.security.Roles;

import io.restassured.http.ContentType;

/**
 * What every service must prove about its identity and error wiring. Each service runs it as a {@code @QuarkusTest}
 * subclass against the real PostgreSQL and broker of the local stack.
 */
public abstract class IdentityWiringContract {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void readinessIsUpWithDatabaseAndBroker() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @Test
    void natoTokenIsSeenAsNato() {
        given().auth().oauth2(TestTokens.nato(Roles.ANALYST))
                .when().get("/api/me")
                .then().statusCode(200)
                .body("party", equalTo("NATO"))
                .body("username", equalTo("nato-analyst"))
                .body("roles", hasItem(Roles.ANALYST));
    }

    @Test
    void russianTokenIsSeenAsRussia() {
        given().auth().oauth2(TestTokens.russia(Roles.LIAISON, Roles.AUDITOR))
                .when().get("/api/me")
                .then().statusCode(200)
                .body("party", equalTo("RUSSIA"))
                .body("username", equalTo("russia-liaison"))
                .body("roles", hasItems(Roles.LIAISON, Roles.AUDITOR));
    }

    @Test
    void russianTokenClaimingToBeNatoIsStillRussia() {
        String token = TestTokens.claims(Party.RUSSIA, "russia-analyst", Roles.ANALYST)
                .claim("party", "NATO")
                .claim("tenant-id", "nato")
                .sign(TestTokens.key(Party.RUSSIA));
        given().auth().oauth2(token).header("X-Party", "NATO")
                .when().get("/api/me")
                .then().statusCode(200)
                .body("party", equalTo("RUSSIA"));
    }

    @Test
    void noTokenIsUnauthorizedProblem() {
        given().when().get("/api/me")
                .then().statusCode(401)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(401))
                .body("type", equalTo("urn:mdcoop:problem:unauthenticated"));
    }

    @Test
    void tokenFromUnknownIssuerIsUnauthorized() {
        String token = TestTokens.claims(Party.NATO, "nato-analyst", Roles.ANALYST)
                .issuer("https://idp.elsewhere.test/realms/nato")
                .sign(TestTokens.key(Party.NATO));
        given().auth().oauth2(token).when().get("/api/me").then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void natoSignedTokenPresentedAsRussianIsUnauthorized() {
        // right issuer of the other party, but signed by NATO's key: the Russian tenant must refuse it
        String token = TestTokens.claims(Party.NATO, "nato-analyst", Roles.ANALYST)
                .issuer(TestTokens.RUSSIA_ISSUER)
                .sign(TestTokens.key(Party.NATO));
        given().auth().oauth2(token).when().get("/api/me").then().statusCode(401);
    }

    @Test
    void tokenForAnotherAudienceIsUnauthorized() {
        String token = TestTokens.claims(Party.NATO, "nato-analyst", Roles.ANALYST)
                .audience(Set.of("some-other-api"))
                .sign(TestTokens.key(Party.NATO));
        given().auth().oauth2(token).when().get("/api/me").then().statusCode(401);
    }

    @Test
    void expiredTokenIsUnauthorized() {
        Instant past = Instant.now().minusSeconds(3600);
        String token = TestTokens.claims(Party.NATO, "nato-analyst", Roles.ANALYST)
                .issuedAt(past.minusSeconds(600))
                .expiresAt(past)
                .sign(TestTokens.key(Party.NATO));
        given().auth().oauth2(token).when().get("/api/me").then().statusCode(401);
    }

    @Test
    void notYetValidTokenIsUnauthorized() {
        Instant later = Instant.now().plusSeconds(3600);
        String token = TestTokens.claims(Party.NATO, "nato-analyst", Roles.ANALYST)
                .claim("nbf", later.getEpochSecond())
                .issuedAt(later)
                .expiresAt(later.plusSeconds(600))
                .sign(TestTokens.key(Party.NATO));
        given().auth().oauth2(token).when().get("/api/me").then().statusCode(401);
    }

    @Test
    void unsignedTokenWithAlgNoneIsUnauthorized() {
        String valid = TestTokens.nato(Roles.ANALYST);
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        given().auth().oauth2(header + "." + valid.split("\\.")[1] + ".")
                .when().get("/api/me").then().statusCode(401);
    }

    @Test
    void tokenSignedWithHs256UsingThePublicKeyIsUnauthorized() throws Exception {
        // the classic key-confusion attack: HMAC keyed with the party's public key
        String valid = TestTokens.nato(Roles.LIAISON);
        String signingInput = base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + valid.split("\\.")[1];
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        byte[] publicKey = TestTokens.publicKeyPem(Party.NATO).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        mac.init(new javax.crypto.spec.SecretKeySpec(publicKey, "HmacSHA256"));
        String signature = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(signingInput.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        given().auth().oauth2(signingInput + "." + signature).when().get("/api/me").then().statusCode(401);
    }

    @Test
    void tamperedPayloadIsUnauthorized() {
        String[] parts = TestTokens.nato(Roles.ANALYST).split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]),
                java.nio.charset.StandardCharsets.UTF_8).replace("\"analyst\"", "\"liaison\"");
        given().auth().oauth2(parts[0] + "." + base64Url(payload) + "." + parts[2])
                .when().get("/api/me").then().statusCode(401);
    }

    @Test
    void tokenSignedWithAnUnknownKeyIsUnauthorized() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String token = TestTokens.claims(Party.NATO, "nato-liaison", Roles.LIAISON)
                .jws().keyId("unknown-key").sign(generator.generateKeyPair().getPrivate());
        given().auth().oauth2(token).when().get("/api/me").then().statusCode(401);
    }

    private static String base64Url(String json) {
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void tokenWithoutTheRequiredRoleIsForbiddenProblem() {
        given().auth().oauth2(TestTokens.nato(Roles.ANALYST))
                .contentType(ContentType.JSON).body("{\"seconds\": 1}")
                .when().post("/api/clock/advance")
                .then().statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:mdcoop:problem:forbidden"));
    }

    @Test
    void malformedJsonIsBadRequestProblem() {
        given().auth().oauth2(TestTokens.nato(Roles.LIAISON))
                .contentType(ContentType.JSON).body("{\"seconds\": ")
                .when().post("/api/clock/advance")
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(400))
                .body("title", not(containsString("Exception")));
    }

    @Test
    void unknownJsonFieldIsBadRequestNamingTheField() {
        given().auth().oauth2(TestTokens.nato(Roles.LIAISON))
                .contentType(ContentType.JSON).body("{\"seconds\": 1, \"party\": \"RUSSIA\"}")
                .when().post("/api/clock/advance")
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("party"));
    }

    @Test
    void outOfRangeValueIsBadRequestNamingTheField() {
        given().auth().oauth2(TestTokens.nato(Roles.LIAISON))
                .contentType(ContentType.JSON).body("{\"seconds\": 0}")
                .when().post("/api/clock/advance")
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("seconds"));
    }
}

package org.mdcoop.agreement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mdcoop.common.security.Roles;
import org.mdcoop.common.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** NATO's identity provider cannot be reached: its callers get 503 problem+json, Russia's callers are unaffected. */
@QuarkusTest
@TestProfile(IdentityProviderUnreachableTest.NatoIdpDown.class)
class IdentityProviderUnreachableTest {

    public static class NatoIdpDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.oidc.nato.public-key", "",
                    "quarkus.oidc.nato.auth-server-url", "http://127.0.0.1:1/realms/nato",
                    "quarkus.oidc.nato.token.issuer", TestTokens.NATO_ISSUER);
        }
    }

    @Test
    void natoCallerGets503WhileRussianCallerIsServed() {
        given().auth().oauth2(TestTokens.nato(Roles.ANALYST))
                .when().get("/api/me")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:mdcoop:problem:identity-provider-unavailable"));
        given().auth().oauth2(TestTokens.russia(Roles.ANALYST))
                .when().get("/api/me")
                .then().statusCode(200)
                .body("party", equalTo("RUSSIA"));
    }
}

package org.mdcoop.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What the console does for a browser without a session, against the local realms' discovery documents (the stack's
 * Keycloak). Starting this test also builds the SPA with Quinoa and runs its Vitest suite (package.json "test"):
 * a failing front-end test fails the module.
 */
@QuarkusTest
class ConsoleEdgeTest {

    @Test
    void thePartyPickerAndTheSpaAreServedWithoutASession() {
        given().redirects().follow(false).get("/").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body(containsString("<div id=\"root\">"));
    }

    @Test
    void aPartysPageStartsThatPartysCodeFlowWithPkce() {
        for (String party : new String[] { "nato", "russia" }) {
            given().redirects().follow(false).get("/" + party + "/").then().statusCode(302)
                    .header("Location", allOf(
                            startsWith("http://localhost:8180/realms/" + party + "/protocol/openid-connect/auth"),
                            containsString("client_id=mdcoop-console"),
                            containsString("response_type=code"),
                            containsString("code_challenge_method=S256")));
        }
    }

    @Test
    void anApiCallWithoutASessionIs401AndNeverARedirect() {
        given().redirects().follow(false).get("/api/nato/session").then().statusCode(401)
                .header("Location", emptyOrNullString());
        given().redirects().follow(false).header("X-Requested-With", "XMLHttpRequest")
                .get("/api/russia/fusion/picture").then().statusCode(401);
        given().redirects().follow(false).get("/api/russia/fusion/picture/stream").then().statusCode(401);
        given().redirects().follow(false).contentType("application/json").body("{}")
                .post("/api/nato/agreement/agreements").then().statusCode(401);
    }

    @Test
    void aPathOfNoPartyHasNoSession() {
        // no tenant, so no login: the console's API exists only under a party's path
        given().redirects().follow(false).get("/api/session").then().statusCode(404);
    }
}

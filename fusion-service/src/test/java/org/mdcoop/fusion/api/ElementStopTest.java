package org.mdcoop.fusion.api;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.mdcoop.fusion.api.FusionTestSupport.as;
import static org.mdcoop.fusion.api.FusionTestSupport.natoOperator;
import static org.mdcoop.fusion.api.FusionTestSupport.registerSensor;
import static org.mdcoop.fusion.api.FusionTestSupport.restReport;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mdcoop.common.security.Roles;
import org.mdcoop.common.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 16: a party stops the fusion centre alone. The status that shows DATA_FUSION_CENTRE stopped closes the centre
 * at once (ingest refused, the picture closed) while the agreement stays in force for its transparency.
 */
@QuarkusTest
class ElementStopTest {

    @Test
    void theFusionCentreStoppedClosesTheCentreWhileTheAgreementStaysInForce() {
        UUID agreementId = FusionTestSupport.openCentre();
        String run = agreementId.toString().substring(0, 8);
        try {
            String nato = registerSensor(natoOperator(), "NATO-STOP-" + run, 52, 21, 60);
            FusionTestSupport.Point p = FusionTestSupport.arc(5, Duration.ofSeconds(5), 30, 3).get(0);

            FusionTestSupport.stopElement(agreementId, "DATA_FUSION_CENTRE");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(TestTokens.nato(Roles.ANALYST))
                    .get("/api/picture").then().statusCode(200).body("centreOpen", equalTo(false)));
            natoOperator().body(List.of(restReport(run + "-after-stop", nato, p, 60))).post("/api/reports")
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo("urn:mdcoop:problem:cooperation-not-in-force"));
            // the agreement itself is still in force: only its fusion centre stopped
            List<Map<String, Object>> rows = as(TestTokens.nato(Roles.LIAISON)).get("/api/cooperation").then()
                    .statusCode(200).extract().path("$");
            org.assertj.core.api.Assertions.assertThat(rows).anySatisfy(r -> {
                org.assertj.core.api.Assertions.assertThat(r.get("agreementId")).isEqualTo(agreementId.toString());
                org.assertj.core.api.Assertions.assertThat(r.get("cooperation")).isEqualTo("IN_FORCE");
            });
        } finally {
            FusionTestSupport.closeCentre(agreementId);
        }
    }
}

package org.mdcoop.transparency.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.mdcoop.common.domain.Party.NATO;
import static org.mdcoop.common.domain.Party.RUSSIA;
import static org.mdcoop.transparency.api.Api.analyst;
import static org.mdcoop.transparency.api.Api.as;
import static org.mdcoop.transparency.api.Api.inventory;
import static org.mdcoop.transparency.api.Api.performance;
import static org.mdcoop.transparency.api.Api.plan;
import static org.mdcoop.transparency.api.Api.submitted;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.security.Roles;

import io.quarkus.test.junit.QuarkusTest;

/** The reachability question with hand-worked answers, and the deadline clocks as time moves. */
@QuarkusTest
class AssessmentAndComplianceTest {

    /** Degrees of longitude along the equator for a surface distance (R = 6,371 km). */
    static double eastKm(double km) {
        return Math.toDegrees(km / 6371.0);
    }

    @Test
    void interceptorBelowTheMidpointOfAMinimumEnergyIcbmCanReachIt() {
        // 10,000 km minimum-energy arc: apogee ≈1,319 km at mid-range after ≈965 s. A 5 km/s interceptor right below
        // it: vertical reach ≈1,606 km; fly-out 1,319.5 km / 3.5 km/s ≈ 377 s; slack 965.5 − 60 − 377 ≈ 528 s.
        analyst(RUSSIA).body("{\"interceptor\":{\"site\":{\"lat\":0,\"lon\":" + eastKm(5000) + "},"
                + "\"burnoutVelocityKmS\":5.0},\"trajectories\":[{\"id\":\"ICBM-10K\",\"launch\":{\"lat\":0,\"lon\":0},"
                + "\"target\":{\"lat\":0,\"lon\":" + eastKm(10_000) + "}}]}").post("/api/assessments").then()
                .statusCode(200)
                .body("source", equalTo("DIRECT"))
                .body("anyReachable", equalTo(true))
                .body("trajectories[0].reachable", equalTo(true))
                .body("trajectories[0].verdict", equalTo("REACHABLE"))
                .body("trajectories[0].marginS", greaterThanOrEqualTo(528.0f))
                .body("trajectories[0].earliestInterceptTimeS", lessThan(966.0f))
                .body("trajectories[0].earliestInterceptPoint.altitudeKm", greaterThanOrEqualTo(70.0f))
                .body("assumptions.size()", greaterThan(3))
                .body("disclaimer", nullValue());
    }

    @Test
    void threeKmPerSecondInterceptorTwoThousandKilometresBehindASevenKmPerSecondIcbmCannotCatchIt() {
        analyst(NATO).body("{\"interceptor\":{\"site\":{\"lat\":0,\"lon\":" + (-eastKm(2000)) + "},"
                + "\"burnoutVelocityKmS\":3.0},\"trajectories\":[{\"id\":\"ICBM-7\",\"launch\":{\"lat\":0,\"lon\":0},"
                + "\"target\":{\"lat\":0,\"lon\":" + eastKm(8000) + "},\"burnoutSpeedKmS\":7.0}]}")
                .post("/api/assessments").then().statusCode(200)
                .body("anyReachable", equalTo(false))
                .body("trajectories[0].reachable", equalTo(false))
                .body("trajectories[0].verdict", equalTo("OUT_OF_ENVELOPE"))
                .body("trajectories[0].earliestInterceptTimeS", nullValue())
                .body("trajectories[0].threat.burnoutSpeedKmS", equalTo(7.0f));
    }

    @Test
    void builtInReferenceTrajectoriesAreIllustrativeAndUsableById() {
        analyst(NATO).get("/api/assessments/reference-trajectories").then().statusCode(200)
                .body("disclaimer", notNullValue())
                .body("trajectories.id", hasItems("ILL-1", "ILL-4"));
        analyst(NATO).body("{\"interceptor\":{\"site\":{\"lat\":54.5,\"lon\":17},\"burnoutVelocityKmS\":4.5},"
                + "\"trajectoryIds\":[\"ILL-1\",\"ILL-4\"],\"parameters\":{\"launchDelayS\":120}}")
                .post("/api/assessments").then().statusCode(200)
                .body("trajectories.trajectoryId", equalTo(List.of("ILL-1", "ILL-4")))
                .body("parameters.launchDelayS", equalTo(120.0f))
                .body("parameters.flyoutSpeedFactor", equalTo(0.7f))
                .body("disclaimer", notNullValue());
        // invalid input: every field named
        analyst(NATO).body("{\"interceptor\":{\"site\":{\"lat\":-91,\"lon\":0},\"burnoutVelocityKmS\":0},"
                + "\"trajectories\":[{\"id\":\"\",\"launch\":{\"lat\":0,\"lon\":200}}],\"trajectoryIds\":[\"ILL-99\"],"
                + "\"parameters\":{\"flyoutSpeedFactor\":1.5}}").post("/api/assessments").then().statusCode(400)
                .body("errors.field", equalTo(List.of("trajectoryIds[0]")));
        analyst(NATO).body("{\"interceptor\":{\"site\":{\"lat\":-91,\"lon\":0},\"burnoutVelocityKmS\":0},"
                + "\"trajectories\":[{\"id\":\"\",\"launch\":{\"lat\":0,\"lon\":200}}],"
                + "\"parameters\":{\"flyoutSpeedFactor\":1.5}}").post("/api/assessments").then().statusCode(400)
                .body("errors.field", equalTo(List.of("interceptor.site.lat", "interceptor.burnoutVelocityKmS",
                        "parameters.flyoutSpeedFactor", "trajectories[0].id", "trajectories[0].launch.lon",
                        "trajectories[0].target")));
        as(NATO, Roles.FUSION_OPERATOR).body("{}").post("/api/assessments").then().statusCode(403);
    }

    @Test
    void assessmentFromADisclosedInterceptorTypeFollowsTheReadRule() {
        AgreementFeed.ensureInForce();
        String round = "2046-H1";
        String natoPerformance = submitted(NATO, "INTERCEPTOR_PERFORMANCE", round, performance(4.5));
        String body = "{\"interceptor\":{\"site\":{\"lat\":54.5,\"lon\":17},\"disclosureId\":\"" + natoPerformance
                + "\",\"interceptorType\":\"Type B\"},\"trajectoryIds\":[\"ILL-1\"]}";
        analyst(NATO).body(body).post("/api/assessments").then().statusCode(200)
                .body("source", equalTo("DISCLOSURE"))
                .body("disclosureId", equalTo(natoPerformance))
                .body("interceptor.burnoutVelocityKmS", equalTo(4.5f))
                .body("interceptor.maxRangeKm", equalTo(2500.0f));
        // Russia has not disclosed its own interceptor performance for the round: NATO's is not readable yet
        analyst(RUSSIA).body(body).post("/api/assessments").then().statusCode(403)
                .body("type", equalTo("urn:mdcoop:problem:reciprocity-not-met"));
        submitted(RUSSIA, "INTERCEPTOR_PERFORMANCE", round, performance(3.5));
        analyst(RUSSIA).body(body).post("/api/assessments").then().statusCode(200)
                .body("disclosureParty", equalTo("NATO"));
        analyst(NATO).body(body.replace("Type B", "Type Z")).post("/api/assessments").then().statusCode(400)
                .body("errors.field", equalTo(List.of("interceptor.interceptorType")));
    }

    @Test
    void deadlineClocksShowWhatIsDueOnTimeLateAndOverdueAsTimeMoves() {
        AgreementFeed.activateFresh();
        Map<String, Object> view = analyst(RUSSIA).get("/api/compliance").then().statusCode(200)
                .body("inForce", equalTo(true))
                .body("policy.initialDays", equalTo(45))
                .extract().path("$");
        LocalDate activation = LocalDate.ofInstant(Instant.parse((String) view.get("activatedAt")), ZoneOffset.UTC);
        String initialRound = activation.getYear() + "-H" + (activation.getMonthValue() <= 6 ? 1 : 2);
        String due = activation.plusDays(45).toString();

        assertInitial(NATO, "INVENTORY", "PENDING", due, 0);
        assertInitial(RUSSIA, "DEPLOYMENT_PLAN", "PENDING", due, 0);

        // NATO delivers its inventory and performance in time
        submitted(NATO, "INVENTORY", initialRound, inventory("Site A", 24));
        submitted(NATO, "INTERCEPTOR_PERFORMANCE", initialRound, performance(4.5));
        assertInitial(NATO, "INVENTORY", "ON_TIME", due, 0);

        // 46 days later: one day past the deadline
        AgreementFeed.advanceClock(Duration.ofDays(46));
        assertInitial(NATO, "INVENTORY", "ON_TIME", due, 0);
        assertInitial(NATO, "INTERCEPTOR_PERFORMANCE", "ON_TIME", due, 0);
        assertInitial(NATO, "DEPLOYMENT_PLAN", "OVERDUE", due, 1);
        assertInitial(RUSSIA, "INVENTORY", "OVERDUE", due, 1);
        analyst(NATO).get("/api/compliance?party=RUSSIA").then().statusCode(200)
                .body("parties.party", equalTo(List.of("RUSSIA")))
                .body("parties[0].overdue", greaterThanOrEqualTo(3));

        // Russia catches up one day late; NATO's plan is still overdue
        submitted(RUSSIA, "INVENTORY", initialRound, inventory("Site R", 12));
        assertInitial(RUSSIA, "INVENTORY", "LATE", due, 1);
        submitted(NATO, "DEPLOYMENT_PLAN", initialRound, plan());
        assertInitial(NATO, "DEPLOYMENT_PLAN", "LATE", due, 1);
        analyst(NATO).get("/api/compliance?party=SWITZERLAND").then().statusCode(400);
    }

    @Test
    void openApiDocumentsEveryOperationOfTheServiceWithASummary() {
        Map<String, Map<String, Map<String, Object>>> paths = io.restassured.RestAssured.given()
                .get("/q/openapi?format=json").then().statusCode(200).extract().path("paths");
        List<String> ours = paths.keySet().stream().filter(p -> p.startsWith("/api/disclosures")
                || p.startsWith("/api/tests") || p.startsWith("/api/assessments") || p.startsWith("/api/compliance"))
                .toList();
        assertThat(ours).contains("/api/disclosures", "/api/disclosures/{id}", "/api/disclosures/{id}/submit",
                "/api/disclosures/{id}/revisions", "/api/tests", "/api/tests/{id}/accept", "/api/tests/{id}/decline",
                "/api/tests/{id}/results", "/api/tests/{id}/observations", "/api/tests/{id}/comparison",
                "/api/assessments", "/api/assessments/reference-trajectories", "/api/compliance");
        for (String path : ours) {
            paths.get(path).forEach((method, operation) -> assertThat(operation.get("summary"))
                    .as(method + " " + path).isNotNull());
        }
    }

    private static void assertInitial(Party party, String kind, String status, String dueDate, int daysLate) {
        List<Map<String, Object>> rows = analyst(NATO).get("/api/compliance?party=" + party).then().statusCode(200)
                .extract().path("parties[0].rows");
        Map<String, Object> row = rows.stream()
                .filter(r -> "INITIAL".equals(r.get("obligation")) && kind.equals(r.get("kind")))
                .findFirst().orElseThrow(() -> new AssertionError("no INITIAL " + kind + " row for " + party));
        assertThat(row).as(party + " INITIAL " + kind)
                .containsEntry("status", status)
                .containsEntry("dueDate", dueDate)
                .containsEntry("daysLate", daysLate);
    }
}

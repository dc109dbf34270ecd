package org.mdcoop.transparency.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.mdcoop.common.domain.Party.NATO;
import static org.mdcoop.common.domain.Party.RUSSIA;
import static org.mdcoop.transparency.api.Api.analyst;
import static org.mdcoop.transparency.api.Api.officer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mdcoop.common.events.EventEnvelope;
import org.mdcoop.common.testing.TopicProbe;

import io.quarkus.test.junit.QuarkusTest;

/** An interceptor test from announcement to the comparison of declared and observed values. */
@QuarkusTest
class InterceptorTestObservationTest {

    @BeforeEach
    void transparencyInForce() {
        AgreementFeed.ensureInForce();
    }

    static String announcement(Instant start, Instant end) {
        return "{\"windowStart\":\"" + start + "\",\"windowEnd\":\"" + end + "\","
                + "\"site\":{\"lat\":54.48,\"lon\":17.1},\"interceptorType\":\"Type B\","
                + "\"launchArea\":{\"shape\":\"CIRCLE\",\"centre\":{\"lat\":54.5,\"lon\":17.0},\"radiusKm\":5},"
                + "\"impactArea\":{\"shape\":\"POLYGON\",\"vertices\":[{\"lat\":56,\"lon\":18},{\"lat\":56,\"lon\":19},"
                + "{\"lat\":57,\"lon\":18.5}]}}";
    }

    @Test
    void hostAnnouncesGuestAcceptsObserversMeasureAndDiscrepanciesAreListed() {
        try (TopicProbe probe = TopicProbe.localBroker("transparency.events")) {
            Instant now = AgreementFeed.serviceNow();
            // 40 days ahead: in time; 10 days ahead: allowed but flagged late
            officer(NATO).body(announcement(now.plus(Duration.ofDays(40)), now.plus(Duration.ofDays(41))))
                    .post("/api/tests").then().statusCode(201).body("late", equalTo(false));
            String id = officer(NATO).body(announcement(now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2))))
                    .post("/api/tests").then().statusCode(201)
                    .body("state", equalTo("ANNOUNCED"))
                    .body("host", equalTo("NATO"))
                    .body("guest", equalTo("RUSSIA"))
                    .body("late", equalTo(true))
                    .body("minNoticeDays", equalTo(30))
                    .body("role", equalTo("HOST"))
                    .extract().path("id");

            // the host cannot accept its own invitation; the guest can, naming its observers
            officer(NATO).body("{\"observers\":[\"Obs A\"]}").post("/api/tests/" + id + "/accept").then()
                    .statusCode(403);
            officer(RUSSIA).body("{\"observers\":[]}").post("/api/tests/" + id + "/accept").then()
                    .statusCode(400).body("errors.field", hasItem("observers"));
            officer(RUSSIA).body("{\"observers\":[\"Obs A\",\"Obs B\"]}").post("/api/tests/" + id + "/accept")
                    .then().statusCode(200)
                    .body("state", equalTo("ACCEPTED"))
                    .body("role", equalTo("GUEST"))
                    .body("observers", equalTo(List.of("Obs A", "Obs B")));

            // nothing to observe and no results before the window
            String measured = "{\"observer\":\"Obs A\",\"measurements\":{\"interceptAltitudeKm\":250.0}}";
            officer(RUSSIA).body(measured).post("/api/tests/" + id + "/observations").then().statusCode(409)
                    .body("type", equalTo("urn:mdcoop:problem:test-window-not-started"));
            officer(NATO).body("{\"interceptAltitudeKm\":250}").post("/api/tests/" + id + "/results").then()
                    .statusCode(409).body("type", equalTo("urn:mdcoop:problem:test-window-not-over"));

            AgreementFeed.advanceClock(Duration.ofHours(3));

            officer(NATO).body("{\"interceptAltitudeKm\":250,\"interceptRangeKm\":400,\"burnoutVelocityKmS\":4.5,"
                    + "\"flightTimeS\":180,\"missDistanceM\":0.5}").post("/api/tests/" + id + "/results").then()
                    .statusCode(200).body("state", equalTo("RESULTS_RECORDED"));
            // only the guest's named observers record, each once
            officer(NATO).body(measured).post("/api/tests/" + id + "/observations").then().statusCode(403);
            officer(RUSSIA).body("{\"observer\":\"Somebody\",\"measurements\":{\"interceptAltitudeKm\":1}}")
                    .post("/api/tests/" + id + "/observations").then().statusCode(400)
                    .body("errors.field", hasItem("observer"));
            officer(RUSSIA).body("{\"observer\":\"Obs B\",\"measurements\":{\"burnoutVelocityKmS\":13}}")
                    .post("/api/tests/" + id + "/observations").then().statusCode(400)
                    .body("errors.field", equalTo(List.of("measurements.burnoutVelocityKmS")));
            officer(RUSSIA).body("{\"observer\":\"Obs A\",\"measurements\":{\"interceptAltitudeKm\":251,"
                    + "\"burnoutVelocityKmS\":4.52,\"missDistanceM\":3}}").post("/api/tests/" + id + "/observations")
                    .then().statusCode(200);
            officer(RUSSIA).body("{\"observer\":\"Obs A\",\"measurements\":{\"interceptAltitudeKm\":251}}")
                    .post("/api/tests/" + id + "/observations").then().statusCode(409)
                    .body("type", equalTo("urn:mdcoop:problem:observation-already-recorded"));
            officer(RUSSIA).body("{\"observer\":\"Obs B\",\"measurements\":{\"interceptAltitudeKm\":300,"
                    + "\"burnoutVelocityKmS\":5.2,\"flightTimeS\":181}}").post("/api/tests/" + id + "/observations")
                    .then().statusCode(200);

            // both parties read the comparison: Obs A consistent, Obs B's altitude and velocity flagged
            for (var party : List.of(NATO, RUSSIA)) {
                analyst(party).get("/api/tests/" + id + "/comparison").then().statusCode(200)
                        .body("comparisons.observer", equalTo(List.of("Obs A", "Obs B")))
                        .body("comparisons[0].discrepancies.size()", equalTo(0))
                        .body("comparisons[1].discrepancies.quantity",
                                equalTo(List.of("INTERCEPT_ALTITUDE_KM", "BURNOUT_VELOCITY_KM_S")))
                        .body("comparisons[1].discrepancies[0].difference", equalTo(50.0f))
                        .body("comparisons[1].discrepancies[0].allowed", equalTo(12.5f))
                        .body("discrepancyCount", equalTo(2));
            }

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    probe.poll(e -> e.subjectId().equals(id)).stream().map(EventEnvelope::type).toList())
                    .containsExactly("transparency.test-announced", "transparency.test-accepted",
                            "transparency.test-results-recorded", "transparency.test-observed",
                            "transparency.test-observed"));
            EventEnvelope observedB = probe.poll(e -> e.subjectId().equals(id)).get(4);
            assertThat(observedB.party()).hasToString("RUSSIA");
            assertThat(observedB.payload().path("discrepancies").asInt()).isEqualTo(2);
        }
    }

    @Test
    void guestMayDeclineAndTheHostMayCancelBeforeTheWindow() {
        Instant now = AgreementFeed.serviceNow();
        String declined = officer(RUSSIA).body(announcement(now.plus(Duration.ofDays(31)), now.plus(Duration.ofDays(32))))
                .post("/api/tests").then().statusCode(201).body("host", equalTo("RUSSIA")).extract().path("id");
        officer(NATO).body("{\"reason\":\"no observers available\"}").post("/api/tests/" + declined + "/decline")
                .then().statusCode(200)
                .body("state", equalTo("DECLINED"))
                .body("declineReason", equalTo("no observers available"));
        officer(NATO).body("{\"observers\":[\"Late mind change\"]}").post("/api/tests/" + declined + "/accept")
                .then().statusCode(409).body("currentState", equalTo("DECLINED"));

        String cancelled = officer(RUSSIA).body(announcement(now.plus(Duration.ofDays(31)), now.plus(Duration.ofDays(32))))
                .post("/api/tests").then().statusCode(201).extract().path("id");
        officer(NATO).post("/api/tests/" + cancelled + "/cancel").then().statusCode(403);
        officer(RUSSIA).body("{\"reason\":\"range unavailable\"}").post("/api/tests/" + cancelled + "/cancel").then()
                .statusCode(200).body("state", equalTo("CANCELLED"));
        analyst(NATO).get("/api/tests?state=CANCELLED").then().statusCode(200).body("id", hasItems(cancelled));

        // invalid announcement: every field listed
        officer(NATO).body("{\"windowStart\":\"" + now.minusSeconds(60) + "\",\"windowEnd\":\"" + now.minusSeconds(120)
                + "\",\"site\":{\"lat\":95,\"lon\":17},\"interceptorType\":\"\",\"launchArea\":{\"shape\":\"CIRCLE\","
                + "\"centre\":{\"lat\":0,\"lon\":0},\"radiusKm\":0},\"impactArea\":{\"shape\":\"POLYGON\","
                + "\"vertices\":[{\"lat\":0,\"lon\":0}]}}").post("/api/tests").then().statusCode(400)
                .body("errors.field", equalTo(List.of("windowStart", "windowEnd", "site.lat", "interceptorType",
                        "launchArea.radiusKm", "impactArea.vertices")));
    }
}

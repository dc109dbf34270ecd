package org.mdcoop.exercise.api;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.mdcoop.common.security.Roles;
import org.mdcoop.common.testing.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Small helpers so the tests read as the story they tell. */
final class ExerciseApi {

    static final String PROBLEM_JSON = "application/problem+json";

    /** An SRBM of ~590 km seen by all four default sensors; about 11 minutes from launch to the 20 km descent. */
    static String srbm(double offsetS) {
        return "{\"timeOffsetS\":" + offsetS + ",\"launchLat\":45.0,\"launchLon\":33.0,\"impactLat\":42.0,"
                + "\"impactLon\":39.0,\"missileClass\":\"SRBM\",\"burnoutSpeedKmS\":2.6}";
    }

    /** A second SRBM, launched from further west. */
    static String srbm2(double offsetS) {
        return "{\"timeOffsetS\":" + offsetS + ",\"launchLat\":44.0,\"launchLon\":30.0,\"impactLat\":41.5,"
                + "\"impactLon\":35.0,\"missileClass\":\"SRBM\",\"burnoutSpeedKmS\":2.5}";
    }

    private static final AtomicInteger SLOT = new AtomicInteger();
    private static final Instant FAR = Instant.parse("2031-01-01T00:00:00Z");

    private ExerciseApi() {
    }

    static RequestSpecification natoPlanner() {
        return as(TestTokens.nato(Roles.EXERCISE_PLANNER));
    }

    static RequestSpecification russianPlanner() {
        return as(TestTokens.russia(Roles.EXERCISE_PLANNER));
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A window of its own in 2031 that no other test uses (20 h long, one per day). */
    static String freshFutureWindow() {
        Instant start = FAR.plus(Duration.ofDays(SLOT.getAndIncrement()));
        return window(start, start.plus(Duration.ofHours(20)));
    }

    private static final AtomicInteger STARTABLE = new AtomicInteger();
    private static Instant anchor;

    /**
     * A 2-minute window of its own that can be started now (an approved exercise may start 15 minutes before its
     * window opens): consecutive slots from the first call on, so no two tests' windows overlap whatever the host
     * and the test order. Good for seven slots used within a minute of the first.
     */
    static synchronized String startableWindow() {
        if (anchor == null) {
            anchor = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        }
        Instant start = anchor.plus(Duration.ofMinutes(1L + 2L * STARTABLE.getAndIncrement()));
        return window(start, start.plus(Duration.ofMinutes(2)));
    }

    static String window(Instant start, Instant end) {
        return "{\"start\":\"" + start + "\",\"end\":\"" + end + "\"}";
    }

    static String proposal(String name, String window, String... injects) {
        return "{\"name\":\"" + name + "\",\"kind\":\"COMPUTER_ASSISTED\",\"window\":" + window + ",\"injects\":["
                + String.join(",", injects) + "]}";
    }

    static String propose(RequestSpecification planner, String body) {
        return planner.body(body).post("/api/exercises").then().statusCode(201).extract().path("id");
    }

    static ValidatableResponse approve(RequestSpecification planner, String id, int version) {
        return planner.body("{\"scenarioVersion\":" + version + "}").post("/api/exercises/" + id + "/approve")
                .then();
    }

    static ValidatableResponse command(RequestSpecification who, String id, String action) {
        return who.post("/api/exercises/" + id + "/" + action).then();
    }
}

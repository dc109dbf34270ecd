package org.mdcoop.system;

import static org.mdcoop.system.Stack.as;
import static org.mdcoop.system.Stack.url;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.response.Response;

/**
 * One cooperative action per follower, as its staff would take it: an interceptor-test announcement (transparency),
 * an exercise proposal (exercise), a sensor report (fusion; needs {@link DemoSensors}). Each runs only under an
 * agreement in force: 409 {@code cooperation-not-in-force} otherwise, 503 {@code cooperation-status-unknown} while
 * the follower has not heard the agreement-service lately. Succeeding, they create what they create (an announcement
 * 40 days ahead, a proposed exercise at a random date, one report), so callers attempt them when they expect a refusal.
 */
final class CooperativeActions {

    static final List<String> FOLLOWERS = List.of("transparency", "exercise", "fusion");

    private CooperativeActions() {
    }

    /** Attempts the follower's cooperative action and returns its answer. */
    static Response attempt(String follower) {
        return switch (follower) {
            case "transparency" -> announceInterceptorTest();
            case "exercise" -> proposeExercise();
            case "fusion" -> reportToTheFusionCentre();
            default -> throw new IllegalArgumentException("not a follower: " + follower);
        };
    }

    /** The follower's answer is the problem {@code urn:mdcoop:problem:<type>} with the status. */
    static boolean refusedWith(Response response, int status, String type) {
        return response.statusCode() == status && response.contentType().startsWith("application/problem+json")
                && response.asString().contains("urn:mdcoop:problem:" + type);
    }

    static Response announceInterceptorTest() {
        Instant now = Stack.serviceNow("transparency");
        return as("nato-transparency-officer").body("{\"windowStart\":\"" + now.plus(Duration.ofDays(40))
                + "\",\"windowEnd\":\"" + now.plus(Duration.ofDays(41)) + "\",\"site\":{\"lat\":54.48,\"lon\":17.1},"
                + "\"interceptorType\":\"SM-3 IIA\",\"launchArea\":{\"shape\":\"CIRCLE\",\"centre\":{\"lat\":54.5,"
                + "\"lon\":17.0},\"radiusKm\":5},\"impactArea\":{\"shape\":\"POLYGON\",\"vertices\":[{\"lat\":56,"
                + "\"lon\":18},{\"lat\":56,\"lon\":19},{\"lat\":57,\"lon\":18.5}]}}").post(url("transparency", "/api/tests"));
    }

    static Response proposeExercise() {
        Instant start = Stack.serviceNow("exercise").plus(Duration.ofDays(1 + ThreadLocalRandom.current().nextInt(3000)));
        return as("russia-exercise-planner").body("{\"name\":\"Cooperative action " + start.getEpochSecond()
                + "\",\"kind\":\"COMPUTER_ASSISTED\",\"window\":{\"start\":\"" + start + "\",\"end\":\""
                + start.plus(Duration.ofHours(1)) + "\"},\"injects\":[{\"timeOffsetS\":0,\"launchLat\":45.0,"
                + "\"launchLon\":33.0,\"impactLat\":42.0,\"impactLon\":39.0,\"missileClass\":\"SRBM\","
                + "\"burnoutSpeedKmS\":2.6}]}").post(url("exercise", "/api/exercises"));
    }

    static Response reportToTheFusionCentre() {
        return as("nato-fusion-operator").body("[{\"reportId\":\"CA-" + System.nanoTime() + "\",\"sensorId\":\"NATO-1\","
                + "\"t\":\"" + Stack.serviceNow("fusion") + "\",\"xM\":3360793.9,\"yM\":4225258.4,\"zM\":3568452.5,"
                + "\"sigmaM\":80.0}]").post(url("fusion", "/api/reports"));
    }
}

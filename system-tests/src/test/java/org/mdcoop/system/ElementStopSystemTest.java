package org.mdcoop.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.mdcoop.system.Stack.as;
import static org.mdcoop.system.Stack.url;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

/**
 * Issue 16 across the running services: Russia stops JOINT_EXERCISES alone. The running exercise halts at once and
 * exercise-service refuses new ones, while transparency and the fusion centre go on under the same agreement, which
 * stays in force. Re-opening the element takes an ADD_ELEMENT amendment that needs both parties: Russia's proposal
 * alone changes nothing; NATO's endorsement opens the element in exercise-service again.
 */
class ElementStopSystemTest {

    private static final String ALL_ELEMENTS =
            "[\"TRANSPARENCY\",\"JOINT_EXERCISES\",\"DATA_FUSION_CENTRE\",\"COOPERATION_CENTRE\"]";

    @BeforeEach
    void noAgreementOpen() {
        Stack.closeOpenAgreements();
        DemoSensors.ensureRegistered();
    }

    @Test
    void russiaStopsJointExercisesAloneAndOnlyExercisesStopUntilBothReopenThem() {
        String agreement = inForceEverywhere();
        String running = runningExercise();

        as("russia-liaison").body("{\"reason\":\"the exercises come too close to our border\"}")
                .post(url("agreement", "/api/agreements/" + agreement + "/elements/JOINT_EXERCISES/stop")).then()
                .statusCode(200).body("status", equalTo("PROVISIONAL")).body("inForce", equalTo(true))
                .body("elements", not(hasItem("JOINT_EXERCISES")));

        await("the running exercise halts").atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                as("nato-analyst").get(url("exercise", "/api/exercises/" + running)).then().statusCode(200)
                        .body("status", equalTo("HALTED")));
        await("exercise-service refuses a new exercise").atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(CooperativeActions.refusedWith(CooperativeActions.proposeExercise(), 409,
                        "cooperation-not-in-force")).isTrue());
        // the rest of the agreement goes on
        CooperativeActions.announceInterceptorTest().then().statusCode(201);
        CooperativeActions.reportToTheFusionCentre().then().statusCode(200);
        as("russia-analyst").get(url("fusion", "/api/picture")).then().statusCode(200)
                .body("centreOpen", equalTo(true));
        assertThat(Stack.inForceAt("transparency", agreement)).isTrue();

        // Russia proposes to re-open the exercises: its proposal alone opens nothing
        String reopen = as("russia-liaison").body("{\"title\":\"Exercises again\",\"text\":\"Resume joint exercises."
                + "\",\"type\":\"ADD_ELEMENT\",\"element\":\"JOINT_EXERCISES\"}")
                .post(url("agreement", "/api/agreements/" + agreement + "/amendments")).then().statusCode(201)
                .extract().path("id");
        assertThat(CooperativeActions.refusedWith(CooperativeActions.proposeExercise(), 409,
                "cooperation-not-in-force")).isTrue();
        as("russia-liaison").post(url("agreement", "/api/agreements/" + agreement + "/amendments/" + reopen
                + "/endorse")).then().statusCode(409)
                .body("type", equalTo("urn:mdcoop:problem:already-endorsed"));

        as("nato-liaison").post(url("agreement", "/api/agreements/" + agreement + "/amendments/" + reopen
                + "/endorse")).then().statusCode(200).body("status", equalTo("ADOPTED"))
                .body("effect", equalTo("JOINT_EXERCISES opened"));
        await("exercise-service takes exercises again").atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                CooperativeActions.proposeExercise().then().statusCode(201));
        // the halted exercise stays halted: re-opening the element does not restart what the stop ended
        as("nato-analyst").get(url("exercise", "/api/exercises/" + running)).then().statusCode(200)
                .body("status", equalTo("HALTED"));
        as("nato-auditor").get(url("agreement", "/api/audit/verify")).then().statusCode(200)
                .body("valid", equalTo(true));
    }

    private static String inForceEverywhere() {
        String id = as("nato-liaison").body("{\"elements\":" + ALL_ELEMENTS + "}")
                .post(url("agreement", "/api/agreements")).then().statusCode(201).extract().path("id");
        as("nato-liaison").post(url("agreement", "/api/agreements/" + id + "/submit")).then().statusCode(200);
        as("russia-liaison").post(url("agreement", "/api/agreements/" + id + "/accept")).then().statusCode(200)
                .body("status", equalTo("PROVISIONAL"));
        for (String service : CooperativeActions.FOLLOWERS) {
            await("cooperation in force at " + service).atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(Stack.inForceAt(service, id)).isTrue());
        }
        return id;
    }

    /** A NATO exercise approved by Russia and started inside its window, which opens now. */
    private static String runningExercise() {
        Instant start = Stack.serviceNow("exercise");
        String body = "{\"name\":\"Element stop " + start.getEpochSecond() + "\",\"kind\":\"COMPUTER_ASSISTED\","
                + "\"window\":{\"start\":\"" + start + "\",\"end\":\"" + start.plus(Duration.ofMinutes(20)) + "\"},"
                + "\"injects\":[{\"timeOffsetS\":0,\"launchLat\":45.0,\"launchLon\":33.0,\"impactLat\":42.0,"
                + "\"impactLon\":39.0,\"missileClass\":\"SRBM\",\"burnoutSpeedKmS\":2.6}]}";
        Response proposed = as("nato-exercise-planner").body(body).post(url("exercise", "/api/exercises"));
        String id = proposed.then().statusCode(201).extract().path("id");
        as("russia-exercise-planner").body("{\"scenarioVersion\":1}")
                .post(url("exercise", "/api/exercises/" + id + "/approve")).then().statusCode(200);
        as("nato-exercise-planner").post(url("exercise", "/api/exercises/" + id + "/start")).then().statusCode(200)
                .body("status", equalTo("RUNNING"));
        return id;
    }
}

package org.mdcoop.exercise.api;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.mdcoop.exercise.api.ExerciseApi.approve;
import static org.mdcoop.exercise.api.ExerciseApi.command;
import static org.mdcoop.exercise.api.ExerciseApi.freshFutureWindow;
import static org.mdcoop.exercise.api.ExerciseApi.natoPlanner;
import static org.mdcoop.exercise.api.ExerciseApi.proposal;
import static org.mdcoop.exercise.api.ExerciseApi.propose;
import static org.mdcoop.exercise.api.ExerciseApi.russianPlanner;
import static org.mdcoop.exercise.api.ExerciseApi.srbm;
import static org.mdcoop.exercise.api.ExerciseApi.startableWindow;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.mdcoop.agreement.contract.testing.StatusFixture;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 16: a party stops JOINT_EXERCISES alone. The status that shows it stopped halts the running and pending
 * exercises at once, while the agreement stays in force for its other element; new exercises are refused.
 */
@QuarkusTest
class ElementStopTest {

    @Test
    void jointExercisesStoppedHaltsRunningExercisesWhileTheAgreementStaysInForce() {
        StatusFixture agreement = AgreementStatusFeed.inForceWithTwoElements();
        try {
            String running = propose(russianPlanner(), proposal("Stopped run", startableWindow(), srbm(0)));
            String pending = propose(russianPlanner(), proposal("Stopped pending", freshFutureWindow(), srbm(0)));
            approve(natoPlanner(), running, 1).statusCode(200);
            command(russianPlanner(), running, "start").statusCode(200)
                    .body("agreementId", equalTo(agreement.id().toString()));

            AgreementStatusFeed.feed().publish(agreement.elementStopped("PROVISIONAL", "JOINT_EXERCISES"));

            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> "HALTED"
                    .equals(natoPlanner().get("/api/exercises/" + running).then().extract().path("status")));
            natoPlanner().get("/api/exercises/" + running).then().statusCode(200)
                    .body("haltReason", containsString("JOINT_EXERCISES stopped"));
            natoPlanner().get("/api/exercises/" + pending).then().body("status", equalTo("HALTED"));
            // the agreement itself is still in force (its transparency continues)
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> "IN_FORCE".equals(AgreementStatusFeed.stateOf(agreement.id())));
            // and no new exercise under it
            russianPlanner().body(proposal("After the stop", freshFutureWindow(), srbm(0))).post("/api/exercises")
                    .then().statusCode(409).contentType("application/problem+json");
        } finally {
            AgreementStatusFeed.feed().publish(agreement.withdrawn(Instant.now(), "RUSSIA"));
        }
    }
}

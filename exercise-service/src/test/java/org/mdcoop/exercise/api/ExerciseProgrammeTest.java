package org.mdcoop.exercise.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.mdcoop.exercise.api.ExerciseApi.PROBLEM_JSON;
import static org.mdcoop.exercise.api.ExerciseApi.approve;
import static org.mdcoop.exercise.api.ExerciseApi.as;
import static org.mdcoop.exercise.api.ExerciseApi.command;
import static org.mdcoop.exercise.api.ExerciseApi.freshFutureWindow;
import static org.mdcoop.exercise.api.ExerciseApi.natoPlanner;
import static org.mdcoop.exercise.api.ExerciseApi.proposal;
import static org.mdcoop.exercise.api.ExerciseApi.propose;
import static org.mdcoop.exercise.api.ExerciseApi.russianPlanner;
import static org.mdcoop.exercise.api.ExerciseApi.srbm;
import static org.mdcoop.exercise.api.ExerciseApi.window;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mdcoop.common.security.Roles;
import org.mdcoop.common.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

/** The exercise programme through the API: co-approval, re-approval, rosters, calendar, input and overlap rules. */
@QuarkusTest
class ExerciseProgrammeTest {

    @BeforeEach
    void cooperationInForce() {
        AgreementStatusFeed.ensureInForce();
    }

    @AfterAll
    static void noTestAgreementLeftInForce() {
        AgreementStatusFeed.endIfInForce();
    }

    @Test
    void onlyTheOtherPartysPlannerApprovesTheReviewedScenarioVersion() {
        try (TopicTail events = new TopicTail("exercise.events")) {
            String id = propose(natoPlanner(), proposal("Shield 31", freshFutureWindow(), srbm(60)));
            as(TestTokens.russia(Roles.ANALYST)).get("/api/exercises/" + id).then().statusCode(200)
                    .body("host", equalTo("NATO"))
                    .body("status", equalTo("PROPOSED"))
                    .body("scenarioVersion", equalTo(1))
                    .body("allowedActions", hasItems("approve", "cancel", "manage-participants"));

            // a party never approves its own exercise
            approve(natoPlanner(), id, 1).statusCode(403).contentType(PROBLEM_JSON);
            // approving is the planner's job
            approve(as(TestTokens.russia(Roles.ANALYST)), id, 1).statusCode(403)
                    .body("type", equalTo("urn:mdcoop:problem:forbidden"));
            approve(as(TestTokens.russia(Roles.LIAISON)), id, 1).statusCode(403);
            // only the reviewed version
            approve(russianPlanner(), id, 2).statusCode(409).body("type", equalTo(
                    "urn:mdcoop:problem:scenario-version-mismatch"));
            // a body without the version names the field
            russianPlanner().body("{}").post("/api/exercises/" + id + "/approve").then().statusCode(400)
                    .body("errors.field", hasItem("scenarioVersion"));

            approve(russianPlanner(), id, 1).statusCode(200)
                    .body("status", equalTo("APPROVED"))
                    .body("approvedBy", equalTo("RUSSIA"))
                    .body("approvedScenarioVersion", equalTo(1));
            // and only once
            approve(russianPlanner(), id, 1).statusCode(409).body("currentState", equalTo("APPROVED"));

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                    events.poll(r -> id.equals(r.key())).stream().map(r -> r.event().type()).toList())
                    .containsExactly("exercise.proposed", "exercise.approved"));
            var approved = events.poll(r -> id.equals(r.key())).get(1).event();
            assertThat(approved.party()).hasToString("RUSSIA");
            assertThat(approved.agreementId()).isEqualTo(AgreementStatusFeed.ensureInForce());
            assertThat(approved.payload().path("approvedScenarioVersion").asInt()).isEqualTo(1);
        }
    }

    @Test
    void changingTheScenarioAfterApprovalNeedsApprovalAgain() {
        String id = propose(natoPlanner(), proposal("Shield 31b", freshFutureWindow(), srbm(60)));
        approve(russianPlanner(), id, 1).statusCode(200);

        // the guest cannot change the host's scenario
        russianPlanner().body("{\"injects\":[" + srbm(90) + "]}").put("/api/exercises/" + id + "/scenario")
                .then().statusCode(403);
        natoPlanner().body("{\"injects\":[" + srbm(90) + "," + srbm(300) + "]}")
                .put("/api/exercises/" + id + "/scenario").then().statusCode(200)
                .body("version", equalTo(2))
                .body("approvedVersion", nullValue())
                .body("status", equalTo("PROPOSED"))
                .body("injects", hasSize(2))
                .body("sensors.sensorId", contains("NATO-1", "NATO-2", "RUSSIA-1", "RUSSIA-2"));
        natoPlanner().get("/api/exercises/" + id).then().statusCode(200)
                .body("status", equalTo("PROPOSED"))
                .body("approvedBy", nullValue())
                .body("allowedActions", not(hasItem("start")));
        command(natoPlanner(), id, "start").statusCode(409).body("currentState", equalTo("PROPOSED"));

        // the approval of version 1 does not carry over
        approve(russianPlanner(), id, 1).statusCode(409)
                .body("type", equalTo("urn:mdcoop:problem:scenario-version-mismatch"));
        approve(russianPlanner(), id, 2).statusCode(200).body("status", equalTo("APPROVED"))
                .body("approvedScenarioVersion", equalTo(2));

        // a change of the details withdraws it as well; an unchanged update does not
        String sameDetails = "{\"name\":\"Shield 31b\",\"kind\":\"COMPUTER_ASSISTED\",\"window\":"
                + natoPlanner().get("/api/exercises/" + id).then().extract().jsonPath().getMap("window")
                        .entrySet().stream().map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                        .reduce((a, b) -> a + "," + b).map(s -> "{" + s + "}").orElseThrow()
                + "}";
        natoPlanner().body(sameDetails).put("/api/exercises/" + id).then().statusCode(200)
                .body("status", equalTo("APPROVED"));
        natoPlanner().body(sameDetails.replace("COMPUTER_ASSISTED", "COMMAND_POST")).put("/api/exercises/" + id)
                .then().statusCode(200).body("status", equalTo("PROPOSED")).body("kind", equalTo("COMMAND_POST"));
    }

    @Test
    void invalidInputIsRefusedWithTheFieldsNamed() {
        String bad = "{\"name\":\" \",\"kind\":\"COMPUTER_ASSISTED\",\"window\":" + freshFutureWindow()
                + ",\"injects\":[{\"timeOffsetS\":10,\"launchLat\":95,\"launchLon\":33,\"impactLat\":42,"
                + "\"impactLon\":39,\"missileClass\":\"SRBM\",\"burnoutSpeedKmS\":2.6},"
                + "{\"timeOffsetS\":10,\"launchLat\":45,\"launchLon\":33,\"impactLat\":42,\"impactLon\":39,"
                + "\"burnoutSpeedKmS\":2.6},"
                + "{\"timeOffsetS\":10,\"launchLat\":45,\"launchLon\":33,\"impactLat\":42,\"impactLon\":39,"
                + "\"missileClass\":\"ICBM\",\"burnoutSpeedKmS\":2.6}],"
                + "\"sensors\":[{\"sensorId\":\"NATO-9\",\"party\":\"NATO\",\"latDeg\":40,\"lonDeg\":30,\"altM\":0,"
                + "\"sigmaM\":-1,\"revisitS\":1}]}";
        natoPlanner().body(bad).post("/api/exercises").then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:mdcoop:problem:validation"))
                .body("errors.field", containsInAnyOrder("name", "injects[0].launchLat", "injects[1].missileClass",
                        "injects[2].missileClass", "sensors[0].sigmaM"));
        // an inverted window, and an inject after the window's end
        Instant start = Instant.parse("2032-06-01T00:00:00Z");
        natoPlanner().body(proposal("Backwards", window(start, start.minusSeconds(60)), srbm(0)))
                .post("/api/exercises").then().statusCode(400).body("errors.field", contains("window.end"));
        natoPlanner().body(proposal("Too late", window(start, start.plusSeconds(600)), srbm(900)))
                .post("/api/exercises").then().statusCode(400)
                .body("errors.field", contains("injects[0].timeOffsetS"));
        // an unknown kind, and a server-owned field in the body
        natoPlanner().body(proposal("Kind", freshFutureWindow(), srbm(0)).replace("COMPUTER_ASSISTED", "WARGAME"))
                .post("/api/exercises").then().statusCode(400).body("errors.field", hasItem("kind"));
        natoPlanner().body(proposal("Host", freshFutureWindow(), srbm(0)).replace("{\"name\"",
                "{\"host\":\"RUSSIA\",\"name\"")).post("/api/exercises").then().statusCode(400)
                .body("errors.field", hasItem("host"));
        // a cancellation needs a reason
        String id = propose(natoPlanner(), proposal("Reasonless", freshFutureWindow(), srbm(0)));
        russianPlanner().body("{}").post("/api/exercises/" + id + "/cancel").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
    }

    @Test
    void exercisesOfTheSameHostMustNotOverlap() {
        Instant start = Instant.parse("2033-03-01T08:00:00Z");
        String w = window(start, start.plus(Duration.ofHours(8)));
        String first = propose(natoPlanner(), proposal("Overlap A", w, srbm(0)));
        String overlapping = window(start.plus(Duration.ofHours(6)), start.plus(Duration.ofHours(8)));
        natoPlanner().body(proposal("Overlap B", overlapping, srbm(0))).post("/api/exercises").then()
                .statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:mdcoop:problem:exercise-overlap"))
                .body("detail", org.hamcrest.Matchers.containsString(first));
        // back to back is fine, and the other host may use the same time
        propose(natoPlanner(), proposal("Overlap C", window(start.plus(Duration.ofHours(8)),
                start.plus(Duration.ofHours(9))), srbm(0)));
        propose(russianPlanner(), proposal("Overlap R", w, srbm(0)));
        // moving another exercise of the host into the slot is refused too
        String later = propose(natoPlanner(), proposal("Overlap D", window(start.plus(Duration.ofDays(2)),
                start.plus(Duration.ofDays(2)).plus(Duration.ofHours(1))), srbm(0)));
        natoPlanner().body("{\"name\":\"Overlap D\",\"kind\":\"COMMAND_POST\",\"window\":" + overlapping + "}")
                .put("/api/exercises/" + later).then().statusCode(409)
                .body("type", equalTo("urn:mdcoop:problem:exercise-overlap"));
        // a cancelled exercise frees its slot
        russianPlanner().body("{\"reason\":\"weather\"}").post("/api/exercises/" + first + "/cancel").then()
                .statusCode(200).body("status", equalTo("CANCELLED")).body("cancelledBy", equalTo("RUSSIA"));
        propose(natoPlanner(), proposal("Overlap B", overlapping, srbm(0)));
    }

    @Test
    void eachPartyManagesOnlyItsOwnRoster() {
        String id = propose(natoPlanner(), proposal("Rosters", freshFutureWindow(), srbm(60)));
        String natoMember = natoPlanner().body("{\"name\":\"Col. Smith\",\"role\":\"exercise director\"}")
                .post("/api/exercises/" + id + "/participants").then().statusCode(201)
                .body("party", equalTo("NATO")).extract().path("id");
        String russianMember = russianPlanner().body("{\"name\":\"Col. Petrov\",\"role\":\"observer\"}")
                .post("/api/exercises/" + id + "/participants").then().statusCode(201)
                .body("party", equalTo("RUSSIA")).extract().path("id");
        // the other party's participant does not exist for the caller's roster
        russianPlanner().delete("/api/exercises/" + id + "/participants/" + natoMember).then().statusCode(404);
        russianPlanner().body("{\"name\":\"\",\"role\":\"observer\"}").post("/api/exercises/" + id
                + "/participants").then().statusCode(400).body("errors.field", contains("name"));
        as(TestTokens.nato(Roles.AUDITOR)).get("/api/exercises/" + id + "/participants").then().statusCode(200)
                .body("name", containsInAnyOrder("Col. Smith", "Col. Petrov"));
        russianPlanner().delete("/api/exercises/" + id + "/participants/" + russianMember).then().statusCode(204);
        as(TestTokens.russia(Roles.ANALYST)).get("/api/exercises/" + id + "/participants").then().statusCode(200)
                .body("name", contains("Col. Smith"));
        // readers read, nobody else writes
        as(TestTokens.nato(Roles.ANALYST)).body("{\"name\":\"X\",\"role\":\"Y\"}")
                .post("/api/exercises/" + id + "/participants").then().statusCode(403);
        as(TestTokens.russia(Roles.TRANSPARENCY_OFFICER)).get("/api/exercises/" + id + "/participants").then()
                .statusCode(403);
        as(TestTokens.nato(Roles.FUSION_OPERATOR)).get("/api/exercises/" + id).then().statusCode(403);
        as(TestTokens.nato(Roles.LIAISON)).get("/api/exercises/" + java.util.UUID.randomUUID()).then()
                .statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void theCalendarShowsTheYearInTimeOrderWithTheHostRotation() {
        Instant jan = Instant.parse("2035-01-10T08:00:00Z");
        propose(natoPlanner(), proposal("Cal N1", window(jan, jan.plus(Duration.ofHours(4))), srbm(0)));
        String r1 = propose(russianPlanner(), proposal("Cal R1", window(jan.plus(Duration.ofDays(30)),
                jan.plus(Duration.ofDays(30)).plus(Duration.ofHours(4))), srbm(0)));
        propose(natoPlanner(), proposal("Cal N2", window(jan.plus(Duration.ofDays(60)),
                jan.plus(Duration.ofDays(60)).plus(Duration.ofHours(4))), srbm(0)));
        String cancelled = propose(russianPlanner(), proposal("Cal R2", window(jan.plus(Duration.ofDays(90)),
                jan.plus(Duration.ofDays(90)).plus(Duration.ofHours(4))), srbm(0)));
        natoPlanner().body("{\"reason\":\"budget\"}").post("/api/exercises/" + cancelled + "/cancel").then()
                .statusCode(200);
        propose(natoPlanner(), proposal("Next year", window(Instant.parse("2036-02-01T00:00:00Z"),
                Instant.parse("2036-02-01T04:00:00Z")), srbm(0)));

        as(TestTokens.russia(Roles.AUDITOR)).get("/api/exercises/calendar?year=2035").then().statusCode(200)
                .body("year", equalTo(2035))
                .body("exercises.name", contains("Cal N1", "Cal R1", "Cal N2", "Cal R2"))
                .body("exercises.find { it.id == '" + r1 + "' }.host", equalTo("RUSSIA"))
                .body("hostSequence", contains("NATO", "RUSSIA", "NATO"))
                .body("hostCounts.NATO", equalTo(2))
                .body("hostCounts.RUSSIA", equalTo(1));
        as(TestTokens.nato(Roles.ANALYST)).get("/api/exercises/calendar").then().statusCode(400)
                .body("errors.field", hasItem("year"));
        List<String> hosts = as(TestTokens.nato(Roles.ANALYST)).get("/api/exercises?host=RUSSIA").then()
                .statusCode(200).extract().path("host");
        assertThat(hosts).isNotEmpty().containsOnly("RUSSIA");
    }
}

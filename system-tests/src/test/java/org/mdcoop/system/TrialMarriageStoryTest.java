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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * The whole trial marriage across the four running services, with real Keycloak tokens of both parties: from the
 * proposal through reciprocal transparency, an observed interceptor test, a joint exercise fused in the data fusion
 * centre, an amendment and an extension, to Russia walking away — and the other ending, the term running out.
 * Every step is checked through the services' APIs, as the parties' staff would see it.
 */
class TrialMarriageStoryTest {

    private static final List<String> FOLLOWERS = List.of("transparency", "exercise", "fusion");
    private static final String ALL_ELEMENTS =
            "[\"TRANSPARENCY\",\"JOINT_EXERCISES\",\"DATA_FUSION_CENTRE\",\"COOPERATION_CENTRE\"]";
    private static final String INJECT = "{\"timeOffsetS\":0,\"launchLat\":45.0,\"launchLon\":33.0,"
            + "\"impactLat\":42.0,\"impactLon\":39.0,\"missileClass\":\"SRBM\",\"burnoutSpeedKmS\":2.6}";

    private static final Duration WINDOW = Duration.ofMinutes(20);

    @BeforeEach
    void noAgreementOpen() {
        Stack.closeOpenAgreements();
        DemoSensors.ensureRegistered();
    }

    @Test
    void fromProposalToWalkAway_everyServiceStopsAtOnceAndEachPartyKeepsItsOwnRecords() {
        String agreement = natoProposesRussiaAccepts(48);

        // Reciprocal transparency: Russia reads NATO's disclosures only once it has submitted the same kind itself.
        String round = (2100 + ThreadLocalRandom.current().nextInt(899)) + "-H" + (1 + ThreadLocalRandom.current().nextInt(2));
        String natoInventory = submitDisclosure("nato", "INVENTORY", round, inventory("Site A", 24));
        String natoPerformance = submitDisclosure("nato", "INTERCEPTOR_PERFORMANCE", round, performance("SM-3 IIA"));
        as("russia-transparency-officer").get(url("transparency", "/api/disclosures/" + natoInventory)).then()
                .statusCode(403).body("type", equalTo("urn:mdcoop:problem:reciprocity-not-met"));
        assertThat(otherPartysDisclosures("russia-analyst", round)).isEmpty();
        String russianInventory = submitDisclosure("russia", "INVENTORY", round, inventory("Voronezh-DM A", 1));
        as("russia-transparency-officer").get(url("transparency", "/api/disclosures/" + natoInventory)).then()
                .statusCode(200).body("party", equalTo("NATO"));
        as("russia-analyst").get(url("transparency", "/api/disclosures/" + natoPerformance)).then()
                .statusCode(403).body("type", equalTo("urn:mdcoop:problem:reciprocity-not-met"));
        String russianPerformance = submitDisclosure("russia", "INTERCEPTOR_PERFORMANCE", round, performance("S-500"));
        as("russia-analyst").get(url("transparency", "/api/disclosures/" + natoPerformance)).then().statusCode(200);
        as("nato-analyst").get(url("transparency", "/api/disclosures/" + russianPerformance)).then().statusCode(200);
        assertThat(otherPartysDisclosures("russia-analyst", round)).containsExactlyInAnyOrder(natoInventory, natoPerformance);

        observedInterceptorTestListsItsDiscrepancies();

        // A joint exercise proposed by Russia, approved by NATO, fused for both parties' analysts.
        Instant exerciseNow = serviceNow("exercise");
        String exercise = proposeExercise("russia", "Shield of Europe", exerciseNow);
        as("russia-exercise-planner").body("{\"scenarioVersion\":1}")
                .post(url("exercise", "/api/exercises/" + exercise + "/approve")).then().statusCode(403);
        as("nato-exercise-planner").body("{\"scenarioVersion\":1}")
                .post(url("exercise", "/api/exercises/" + exercise + "/approve")).then().statusCode(200)
                .body("status", equalTo("APPROVED"));
        as("russia-exercise-planner").post(url("exercise", "/api/exercises/" + exercise + "/start")).then()
                .statusCode(200).body("status", equalTo("RUNNING"));
        String track = await("a fused track of the exercise").atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(2)).until(() -> firstExerciseTrack("nato-analyst", exercise),
                        id -> id != null);
        await("the same track for Russia's analyst").atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(exerciseTrackIds("russia-analyst", exercise)).contains(track));
        as("russia-analyst").get(url("fusion", "/api/tracks/" + track)).then().statusCode(200)
                .body("updates[0].exercise", equalTo(true))
                .body("updates[0].exerciseId", equalTo(exercise));
        as("russia-exercise-planner").post(url("exercise", "/api/exercises/" + exercise + "/complete")).then()
                .statusCode(200).body("status", equalTo("COMPLETED"));
        int revision = as("nato-exercise-planner").post(url("exercise", "/api/exercises/" + exercise + "/report/compute"))
                .then().statusCode(200).body("status", equalTo("DRAFT")).body("launches", equalTo(1))
                .body("detectedLaunches", equalTo(1)).extract().path("revision");
        as("nato-exercise-planner").body("{\"revision\":" + revision + "}")
                .post(url("exercise", "/api/exercises/" + exercise + "/report/approve")).then().statusCode(200)
                .body("status", equalTo("DRAFT"));
        as("russia-exercise-planner").body("{\"revision\":" + revision + "}")
                .post(url("exercise", "/api/exercises/" + exercise + "/report/approve")).then().statusCode(200)
                .body("status", equalTo("FINAL"));

        // The cooperation centre adopts an amendment; both consent to a two-year extension.
        String amendment = as("nato-liaison")
                .body("{\"title\":\"Joint launch-notification hotline\",\"text\":\"Exchange pre-launch notices.\"}")
                .post(url("agreement", "/api/agreements/" + agreement + "/amendments")).then().statusCode(201)
                .extract().path("id");
        as("russia-liaison").post(url("agreement", "/api/agreements/" + agreement + "/amendments/" + amendment + "/endorse"))
                .then().statusCode(200).body("status", equalTo("ADOPTED"));
        String expiresBefore = as("nato-analyst").get(url("agreement", "/api/agreements/" + agreement)).then()
                .statusCode(200).extract().path("expiresAt");
        as("nato-liaison").body("{\"months\":24}").put(url("agreement", "/api/agreements/" + agreement + "/extension-consent"))
                .then().statusCode(200).body("expiresAt", equalTo(expiresBefore));
        String expiresAfter = as("russia-liaison").body("{\"months\":24}")
                .put(url("agreement", "/api/agreements/" + agreement + "/extension-consent")).then().statusCode(200)
                .extract().path("expiresAt");
        assertThat(Duration.between(Instant.parse(expiresBefore), Instant.parse(expiresAfter)).toDays())
                .isBetween(730L, 731L);

        // A second exercise is running when Russia walks away.
        String running = proposeExercise("nato", "Northern Watch", serviceNow("exercise"));
        as("russia-exercise-planner").body("{\"scenarioVersion\":1}")
                .post(url("exercise", "/api/exercises/" + running + "/approve")).then().statusCode(200);
        as("nato-exercise-planner").post(url("exercise", "/api/exercises/" + running + "/start")).then()
                .statusCode(200).body("status", equalTo("RUNNING"));
        // the extension published a new status revision: until fusion-service has applied it (its view reads the
        // status topic in its own transaction, the heartbeat may be heard first) the centre fails closed, so wait
        await("fusion centre open").atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                as("nato-fusion-operator").get(url("fusion", "/api/picture")).then().statusCode(200)
                        .body("centreOpen", equalTo(true)));

        as("russia-liaison").body("{\"reason\":\"national security interests\"}")
                .post(url("agreement", "/api/agreements/" + agreement + "/withdraw")).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));

        // Within seconds: disclosures close, the running exercise halts, the fusion centre stops.
        await("disclosures close").atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                as("russia-analyst").get(url("transparency", "/api/disclosures/" + natoInventory)).then()
                        .statusCode(403).body("type", equalTo("urn:mdcoop:problem:transparency-not-in-force")));
        String lateDraft = as("nato-transparency-officer")
                .body("{\"kind\":\"DEPLOYMENT_PLAN\",\"round\":\"" + round + "\",\"content\":" + plan() + "}")
                .post(url("transparency", "/api/disclosures")).then().statusCode(201).extract().path("id");
        as("nato-transparency-officer").post(url("transparency", "/api/disclosures/" + lateDraft + "/submit")).then()
                .statusCode(409).body("type", equalTo("urn:mdcoop:problem:cooperation-not-in-force"));
        assertThat(otherPartysDisclosures("russia-analyst", round)).isEmpty();
        await("the running exercise halts").atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                as("nato-analyst").get(url("exercise", "/api/exercises/" + running)).then().statusCode(200)
                        .body("status", equalTo("HALTED")));
        await("the fusion centre stops").atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                as("russia-analyst").get(url("fusion", "/api/picture")).then().statusCode(200)
                        .body("centreOpen", equalTo(false)).body("count", equalTo(0)));
        // The centre closes as soon as fusion-service hears of a newer status than its view holds (suspended: 503
        // for a report); once the view has applied the withdrawal the answer is that cooperation is not in force.
        await("fusion's view applies the withdrawal").atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                as("nato-fusion-operator").body("[" + report("NATO-1") + "]").post(url("fusion", "/api/reports"))
                        .then().statusCode(409).body("type", equalTo("urn:mdcoop:problem:cooperation-not-in-force")));
        as("nato-liaison").body("{\"title\":\"Too late\",\"text\":\"-\"}")
                .post(url("agreement", "/api/agreements/" + agreement + "/amendments")).then().statusCode(409);
        for (String service : FOLLOWERS) {
            assertThat(Stack.inForceAt(service, agreement)).as(service).isFalse();
        }

        // Each party still reads its own records; the joint records stay joint; the audit chain verifies.
        as("nato-transparency-officer").get(url("transparency", "/api/disclosures/" + natoInventory)).then().statusCode(200);
        as("russia-transparency-officer").get(url("transparency", "/api/disclosures/" + russianInventory)).then()
                .statusCode(200);
        as("nato-analyst").get(url("transparency", "/api/disclosures?round=" + round + "&party=NATO")).then()
                .statusCode(200).body("id", hasItem(natoPerformance)).body("id", not(hasItem(russianPerformance)));
        as("russia-analyst").get(url("exercise", "/api/exercises/" + exercise + "/report")).then().statusCode(200)
                .body("status", equalTo("FINAL"));
        as("nato-fusion-operator").get(url("fusion", "/api/sensors/NATO-1")).then().statusCode(200)
                .body("sigmaM", equalTo(80.0f));
        as("nato-analyst").get(url("agreement", "/api/agreements/" + agreement)).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        for (String auditor : List.of("nato-auditor", "russia-auditor")) {
            as(auditor).get(url("agreement", "/api/audit/verify")).then().statusCode(200).body("valid", equalTo(true));
        }
    }

    @Test
    void theOtherEnding_theTermRunsOutWithoutAnExtensionAndEveryServiceSeesIt() {
        String agreement = natoProposesRussiaAccepts(48);
        String expiresAt = as("nato-analyst").get(url("agreement", "/api/agreements/" + agreement)).then()
                .statusCode(200).extract().path("expiresAt");
        Duration toExpiry = Duration.between(serviceNow("agreement"), Instant.parse(expiresAt));
        assertThat(toExpiry.toDays()).isBetween(4L * 365, 4L * 366);

        // one minute short of the end: still in force (every service's clock moves: each judges the terms itself)
        Stack.advanceEveryClockTo(Instant.parse(expiresAt).minus(Duration.ofMinutes(1)));
        as("nato-analyst").get(url("agreement", "/api/agreements/" + agreement)).then().statusCode(200)
                .body("status", equalTo("PROVISIONAL"));
        for (String service : FOLLOWERS) {
            assertThat(Stack.inForceAt(service, agreement)).as(service).isTrue();
        }
        Stack.advanceEveryClockTo(Instant.parse(expiresAt).plus(Duration.ofMinutes(1)));
        await("the term runs out").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("russia-analyst").get(url("agreement", "/api/agreements/" + agreement)).then().statusCode(200)
                        .body("status", equalTo("EXPIRED")));
        for (String service : FOLLOWERS) {
            await("the end at " + service).atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> assertThat(Stack.inForceAt(service, agreement)).isFalse());
        }
        as("nato-fusion-operator").body("[" + report("NATO-1") + "]").post(url("fusion", "/api/reports")).then()
                .statusCode(409).body("type", equalTo("urn:mdcoop:problem:cooperation-not-in-force"));
        Instant later = serviceNow("exercise").plus(Duration.ofDays(1 + ThreadLocalRandom.current().nextInt(3000)));
        as("russia-exercise-planner").body(exerciseBody("After the end", later))
                .post(url("exercise", "/api/exercises")).then().statusCode(409)
                .body("type", equalTo("urn:mdcoop:problem:cooperation-not-in-force"));
        as("russia-auditor").get(url("agreement", "/api/audit/verify")).then().statusCode(200)
                .body("valid", equalTo(true));
    }

    private static String natoProposesRussiaAccepts(int termMonths) {
        String id = as("nato-liaison").body("{\"elements\":" + ALL_ELEMENTS + ",\"termMonths\":" + termMonths + "}")
                .post(url("agreement", "/api/agreements")).then().statusCode(201).body("status", equalTo("DRAFT"))
                .extract().path("id");
        as("russia-liaison").get(url("agreement", "/api/agreements/" + id)).then().statusCode(404);
        as("nato-liaison").post(url("agreement", "/api/agreements/" + id + "/submit")).then().statusCode(200)
                .body("status", equalTo("PROPOSED"));
        as("nato-liaison").post(url("agreement", "/api/agreements/" + id + "/accept")).then().statusCode(409);
        as("russia-liaison").post(url("agreement", "/api/agreements/" + id + "/accept")).then().statusCode(200)
                .body("status", equalTo("PROVISIONAL"));
        for (String service : FOLLOWERS) {
            await("cooperation in force at " + service).atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(Stack.inForceAt(service, id)).isTrue());
        }
        return id;
    }

    private static void observedInterceptorTestListsItsDiscrepancies() {
        Instant now = serviceNow("transparency");
        String test = as("nato-transparency-officer").body("{\"windowStart\":\"" + now.plus(Duration.ofHours(1))
                        + "\",\"windowEnd\":\"" + now.plus(Duration.ofHours(2)) + "\",\"site\":{\"lat\":54.48,\"lon\":17.1},"
                        + "\"interceptorType\":\"SM-3 IIA\",\"launchArea\":{\"shape\":\"CIRCLE\",\"centre\":{\"lat\":54.5,"
                        + "\"lon\":17.0},\"radiusKm\":5},\"impactArea\":{\"shape\":\"POLYGON\",\"vertices\":[{\"lat\":56,"
                        + "\"lon\":18},{\"lat\":56,\"lon\":19},{\"lat\":57,\"lon\":18.5}]}}")
                .post(url("transparency", "/api/tests")).then().statusCode(201).body("host", equalTo("NATO"))
                .extract().path("id");
        as("russia-transparency-officer").body("{\"observers\":[\"Obs A\",\"Obs B\"]}")
                .post(url("transparency", "/api/tests/" + test + "/accept")).then().statusCode(200)
                .body("state", equalTo("ACCEPTED"));
        advanceClock("transparency", Duration.ofHours(3));
        as("nato-transparency-officer").body("{\"interceptAltitudeKm\":250,\"interceptRangeKm\":400,"
                        + "\"burnoutVelocityKmS\":4.5,\"flightTimeS\":180,\"missDistanceM\":0.5}")
                .post(url("transparency", "/api/tests/" + test + "/results")).then().statusCode(200);
        as("russia-transparency-officer").body("{\"observer\":\"Obs A\",\"measurements\":{\"interceptAltitudeKm\":251,"
                        + "\"burnoutVelocityKmS\":4.52}}")
                .post(url("transparency", "/api/tests/" + test + "/observations")).then().statusCode(200);
        as("russia-transparency-officer").body("{\"observer\":\"Obs B\",\"measurements\":{\"interceptAltitudeKm\":300,"
                        + "\"burnoutVelocityKmS\":5.2}}")
                .post(url("transparency", "/api/tests/" + test + "/observations")).then().statusCode(200);
        for (String analyst : List.of("nato-analyst", "russia-analyst")) {
            as(analyst).get(url("transparency", "/api/tests/" + test + "/comparison")).then().statusCode(200)
                    .body("discrepancyCount", equalTo(2))
                    .body("comparisons[1].discrepancies.quantity",
                            equalTo(List.of("INTERCEPT_ALTITUDE_KM", "BURNOUT_VELOCITY_KM_S")));
        }
    }

    private static String submitDisclosure(String party, String kind, String round, String content) {
        String officer = party + "-transparency-officer";
        String id = as(officer).body("{\"kind\":\"" + kind + "\",\"round\":\"" + round + "\",\"content\":" + content + "}")
                .post(url("transparency", "/api/disclosures")).then().statusCode(201).extract().path("id");
        as(officer).post(url("transparency", "/api/disclosures/" + id + "/submit")).then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));
        return id;
    }

    /** Ids of the other party's disclosures of the round that the user's list shows. */
    private static List<String> otherPartysDisclosures(String user, String round) {
        String other = user.startsWith("nato-") ? "RUSSIA" : "NATO";
        List<Map<String, Object>> rows = as(user).get(url("transparency", "/api/disclosures?round=" + round))
                .then().statusCode(200).extract().path("$");
        return rows.stream().filter(r -> other.equals(r.get("party"))).map(r -> (String) r.get("id")).toList();
    }

    private static String proposeExercise(String party, String name, Instant now) {
        return as(party + "-exercise-planner").body(exerciseBody(name, now)).post(url("exercise", "/api/exercises"))
                .then().statusCode(201).body("host", equalTo(party.toUpperCase())).extract().path("id");
    }

    /** A window opening now (an exercise starts only inside its window), as long as the story needs. */
    private static String exerciseBody(String name, Instant start) {
        return "{\"name\":\"" + name + " " + start.getEpochSecond() + "\",\"kind\":\"COMPUTER_ASSISTED\","
                + "\"window\":{\"start\":\"" + start + "\",\"end\":\"" + start.plus(WINDOW) + "\"},"
                + "\"injects\":[" + INJECT + "]}";
    }

    private static String firstExerciseTrack(String analyst, String exercise) {
        List<String> ids = exerciseTrackIds(analyst, exercise);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private static List<String> exerciseTrackIds(String analyst, String exercise) {
        JsonPath picture = as(analyst).get(url("fusion", "/api/picture?exerciseId=" + exercise)).then()
                .statusCode(200).extract().jsonPath();
        return picture.getList("tracks.trackId", String.class);
    }

    private static Instant serviceNow(String service) {
        return Stack.serviceNow(service);
    }

    private static void advanceClock(String service, Duration by) {
        as("nato-liaison").body("{\"seconds\":" + by.toSeconds() + "}").post(url(service, "/api/clock/advance"))
                .then().statusCode(200);
    }

    private static String inventory(String designation, int count) {
        return "{\"components\":[{\"type\":\"INTERCEPTOR_SITE\",\"designation\":\"" + designation + "\",\"count\":"
                + count + ",\"lat\":54.48,\"lon\":17.1,\"status\":\"OPERATIONAL\"}]}";
    }

    private static String performance(String type) {
        return "{\"interceptors\":[{\"interceptorType\":\"" + type + "\",\"maxRangeKm\":2500,\"maxAltitudeKm\":1000,"
                + "\"burnoutVelocityKmS\":4.5}]}";
    }

    private static String plan() {
        return "{\"phases\":[{\"name\":\"Phase 1\",\"startDate\":\"2027-01-01\",\"endDate\":\"2027-12-31\","
                + "\"sites\":[{\"designation\":\"Site Alpha\",\"lat\":54.48,\"lon\":17.1,\"count\":24}]}]}";
    }

    private static String report(String sensorId) {
        return "{\"reportId\":\"ST-" + System.nanoTime() + "\",\"sensorId\":\"" + sensorId + "\",\"t\":\""
                + Instant.now() + "\",\"xM\":3360793.9,\"yM\":4225258.4,\"zM\":3568452.5,\"sigmaM\":80.0}";
    }
}

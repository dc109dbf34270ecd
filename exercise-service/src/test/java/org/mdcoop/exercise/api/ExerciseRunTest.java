package org.mdcoop.exercise.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.mdcoop.exercise.api.ExerciseApi.approve;
import static org.mdcoop.exercise.api.ExerciseApi.as;
import static org.mdcoop.exercise.api.ExerciseApi.command;
import static org.mdcoop.exercise.api.ExerciseApi.freshFutureWindow;
import static org.mdcoop.exercise.api.ExerciseApi.natoPlanner;
import static org.mdcoop.exercise.api.ExerciseApi.proposal;
import static org.mdcoop.exercise.api.ExerciseApi.propose;
import static org.mdcoop.exercise.api.ExerciseApi.russianPlanner;
import static org.mdcoop.exercise.api.ExerciseApi.srbm;
import static org.mdcoop.exercise.api.ExerciseApi.srbm2;
import static org.mdcoop.exercise.api.ExerciseApi.startableWindow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.events.EventEnvelope;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.events.FusedTrackMessage;
import org.mdcoop.common.events.SensorReportMessage;
import org.mdcoop.common.security.Roles;
import org.mdcoop.common.testing.TestTokens;
import org.mdcoop.exercise.domain.physics.Earth;
import org.mdcoop.exercise.domain.physics.GeoPoint;
import org.mdcoop.exercise.domain.physics.StateVector;
import org.mdcoop.exercise.domain.report.GroundTruthRow;
import org.mdcoop.exercise.domain.report.PlannedLaunch;
import org.mdcoop.exercise.domain.report.ScenarioRun;
import org.mdcoop.exercise.domain.scenario.Inject;
import org.mdcoop.exercise.domain.scenario.MissileClass;
import org.mdcoop.exercise.domain.scenario.Scenario;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Running exercises against the real broker: the synthetic reports on {@code fusion.sensor-reports}, the halt on a
 * real withdrawal from {@code agreement.status}, and the after-action report from tracks on {@code fusion.tracks}.
 * The test profile plays scenarios 40 times faster than real time.
 */
@QuarkusTest
class ExerciseRunTest {

    /** The topics this service is configured with in the test profile (its own, not the fusion centre's). */
    private static final String SENSOR_REPORTS_TOPIC = org.eclipse.microprofile.config.ConfigProvider.getConfig()
            .getValue("mdcoop.exercise.sensor-reports-topic", String.class);
    private static final String FUSED_TRACKS_TOPIC = org.eclipse.microprofile.config.ConfigProvider.getConfig()
            .getValue("mp.messaging.incoming.fused-tracks.topic", String.class);


    private static final Map<String, Double> DEFAULT_SIGMA =
            Map.of("NATO-1", 80.0, "NATO-2", 150.0, "RUSSIA-1", 300.0, "RUSSIA-2", 200.0);

    @BeforeEach
    void cooperationInForce() {
        AgreementStatusFeed.ensureInForce();
    }

    @AfterAll
    static void noTestAgreementLeftInForce() {
        AgreementStatusFeed.endIfInForce();
    }

    @Test
    void aRunningExercisePublishesPlausibleReportsNeverAheadOfTimeUntilItIsCompleted() {
        try (TopicTail topic = new TopicTail(SENSOR_REPORTS_TOPIC)) {
            String id = propose(natoPlanner(), proposal("Run plausible", startableWindow(), srbm(0)));
            approve(russianPlanner(), id, 1).statusCode(200);
            command(russianPlanner(), id, "start").statusCode(403); // only the host starts
            JsonPath started = command(natoPlanner(), id, "start").statusCode(200)
                    .body("status", equalTo("RUNNING")).extract().jsonPath();
            Instant startedAt = Instant.parse(started.getString("run.startedAt"));
            Instant epoch = Instant.parse(started.getString("run.epoch"));
            Instant scenarioEnd = Instant.parse(started.getString("run.scenarioEnd"));
            Instant wallEnd = Instant.parse(started.getString("run.wallEnd"));
            double factor = started.getDouble("run.pacingFactor");
            assertThat(factor).isEqualTo(40.0);
            // epoch = startedAt − D + D/f: the last report is due exactly when it is published
            double dS = seconds(epoch, scenarioEnd);
            assertThat(seconds(startedAt, wallEnd)).isCloseTo(dS / factor, within(0.01));
            assertThat(seconds(wallEnd, scenarioEnd)).isCloseTo(0.0, within(0.01));

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                    .until(() -> reportsOf(topic, id).size() >= 120);
            List<TopicTail.Received> received = reportsOf(topic, id);

            ScenarioRun truth = ScenarioRun.plan(UUID.fromString(id), epoch,
                    new Scenario(1, List.of(new Inject(0, 45.0, 33.0, 42.0, 39.0, MissileClass.SRBM, 2.6))));
            double sumSquares = 0;
            int components = 0;
            Map<String, List<SensorReportMessage>> bySensor = new java.util.TreeMap<>();
            java.util.Set<String> reportIds = new HashSet<>();
            for (TopicTail.Received r : received) {
                EventEnvelope e = r.event();
                SensorReportMessage m = EventSerde.payloadAs(e, SensorReportMessage.class);
                assertThat(e.type()).isEqualTo("fusion.sensor-report");
                assertThat(e.version()).isEqualTo(1);
                assertThat(e.producer()).isEqualTo("exercise");
                // keyed by the exercise's stream: one fusion instance owns all of its reports
                assertThat(r.key()).isEqualTo("exercise:" + id);
                assertThat(e.subjectId()).isEqualTo(m.sensorId());
                assertThat(m.exercise()).isTrue();
                assertThat(m.exerciseId()).hasToString(id);
                assertThat(reportIds.add(m.reportId())).as("unique report id %s", m.reportId()).isTrue();
                assertThat(DEFAULT_SIGMA).containsKey(m.sensorId());
                assertThat(m.party()).isEqualTo(e.party())
                        .isEqualTo(m.sensorId().startsWith("NATO") ? Party.NATO : Party.RUSSIA);
                assertThat(m.sigmaM()).isEqualTo(DEFAULT_SIGMA.get(m.sensorId()));
                // never from the future of its publication, and inside the run
                assertThat(m.t()).isAfterOrEqualTo(epoch).isBeforeOrEqualTo(scenarioEnd)
                        .isBeforeOrEqualTo(e.occurredAt());
                double altitudeM = Earth.altitudeM(m.xM(), m.yM(), m.zM());
                assertThat(altitudeM).isBetween(20_000.0 - 5 * m.sigmaM(), 430_000.0 + 5 * m.sigmaM());
                List<GroundTruthRow> inFlight = truth.groundTruthAt(m.t());
                assertThat(inFlight).hasSize(1);
                GroundTruthRow g = inFlight.get(0);
                for (double d : new double[] {m.xM() - g.x(), m.yM() - g.y(), m.zM() - g.z()}) {
                    assertThat(Math.abs(d)).isLessThan(5.5 * m.sigmaM());
                    sumSquares += (d / m.sigmaM()) * (d / m.sigmaM());
                    components++;
                }
                bySensor.computeIfAbsent(m.sensorId(), k -> new ArrayList<>()).add(m);
            }
            // noise per axis matches the declared sigma (rms of the normalised errors about 1)
            assertThat(Math.sqrt(sumSquares / components)).isBetween(0.75, 1.25);
            // no report lost or repeated between batches: each sensor's numbers run 1, 2, 3, ... in order
            bySensor.forEach((sensor, list) -> {
                List<Long> numbers = list.stream()
                        .map(m -> Long.parseLong(m.reportId().substring(m.reportId().lastIndexOf('-') + 1))).toList();
                assertThat(numbers).as(sensor).isEqualTo(java.util.stream.LongStream.rangeClosed(1, numbers.size())
                        .boxed().toList());
            });
            // ballistic speeds between a sensor's reports ten or more seconds apart
            List<SensorReportMessage> nato1 = bySensor.get("NATO-1");
            assertThat(nato1).hasSizeGreaterThan(20);
            for (int i = 0; i + 10 < nato1.size(); i += 10) {
                SensorReportMessage a = nato1.get(i);
                SensorReportMessage b = nato1.get(i + 10);
                double dt = seconds(a.t(), b.t());
                assertThat(dt).isGreaterThanOrEqualTo(10.0);
                double speed = Math.sqrt(Math.pow(b.xM() - a.xM(), 2) + Math.pow(b.yM() - a.yM(), 2)
                        + Math.pow(b.zM() - a.zM(), 2)) / dt;
                assertThat(speed).isBetween(500.0, 3_500.0);
            }

            JsonPath completed = command(natoPlanner(), id, "complete").statusCode(200)
                    .body("status", equalTo("COMPLETED")).extract().jsonPath();
            Instant completedAt = Instant.parse(completed.getString("completedAt"));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> reportsOf(topic, id).stream().noneMatch(
                            r -> r.event().occurredAt().isAfter(completedAt)));
            natoPlanner().get("/api/exercises/" + id).then().statusCode(200)
                    .body("run.finishReason", equalTo("exercise COMPLETED"));
            // completing drafts the after-action report
            as(TestTokens.russia(Roles.ANALYST)).get("/api/exercises/" + id + "/report").then().statusCode(200)
                    .body("status", equalTo("DRAFT")).body("revision", equalTo(1)).body("launches", equalTo(1));
        }
    }

    @Test
    void withdrawalOfTheAgreementHaltsItsExercisesAndTheReportsStopAtOnce() {
        UUID agreement = AgreementStatusFeed.ensureInForce();
        try (TopicTail topic = new TopicTail(SENSOR_REPORTS_TOPIC);
                TopicTail events = new TopicTail("exercise.events")) {
            String running = propose(russianPlanner(), proposal("Halt running", startableWindow(), srbm(0)));
            String pending = propose(russianPlanner(), proposal("Halt pending", freshFutureWindow(), srbm(0)));
            approve(natoPlanner(), running, 1).statusCode(200);
            command(russianPlanner(), running, "start").statusCode(200)
                    .body("agreementId", equalTo(agreement.toString()));
            await().atMost(Duration.ofSeconds(20)).until(() -> reportsOf(topic, running).size() >= 10);

            AgreementStatusFeed.endCurrent();

            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> "HALTED"
                    .equals(natoPlanner().get("/api/exercises/" + running).then().extract().path("status")));
            JsonPath halted = natoPlanner().get("/api/exercises/" + running).then().statusCode(200)
                    .body("haltReason", containsString(agreement.toString()))
                    .body("allowedActions", empty())
                    .extract().jsonPath();
            Instant haltedAt = Instant.parse(halted.getString("haltedAt"));
            natoPlanner().get("/api/exercises/" + pending).then().body("status", equalTo("HALTED"));

            // nothing published after the halt, although the scenario had much left to play
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
                    .until(() -> reportsOf(topic, running).stream().noneMatch(
                            r -> r.event().occurredAt().isAfter(haltedAt)));
            assertThat(reportsOf(topic, running)).isNotEmpty();
            JsonPath run = natoPlanner().get("/api/exercises/" + running).then().statusCode(200)
                    .body("run.finishReason", equalTo("exercise HALTED")).extract().jsonPath();
            assertThat(seconds(Instant.parse(run.getString("run.publishedUntil")),
                    Instant.parse(run.getString("run.scenarioEnd")))).isGreaterThan(60.0);
            command(russianPlanner(), running, "complete").statusCode(409).body("currentState", equalTo("HALTED"));

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(events
                    .poll(r -> running.equals(r.key()) && r.event().type().equals("exercise.halted")))
                    .singleElement().satisfies(r -> {
                        assertThat(r.event().party()).isNull();
                        assertThat(r.event().actor()).isEqualTo("system");
                        assertThat(r.event().agreementId()).isEqualTo(agreement);
                    }));
        }
    }

    @Test
    void theAfterActionReportScoresKnownTracksAndIsFinalOnceBothPartiesApproveIt() {
        try (TopicTail events = new TopicTail("exercise.events")) {
            String id = propose(natoPlanner(), proposal("AAR", startableWindow(), srbm(0), srbm2(20)));
            approve(russianPlanner(), id, 1).statusCode(200);
            Instant epoch = Instant.parse(command(natoPlanner(), id, "start").statusCode(200).extract()
                    .path("run.epoch"));
            UUID exerciseId = UUID.fromString(id);
            ScenarioRun truth = ScenarioRun.plan(exerciseId, epoch, new Scenario(1, List.of(
                    new Inject(0, 45.0, 33.0, 42.0, 39.0, MissileClass.SRBM, 2.6),
                    new Inject(20, 44.0, 30.0, 41.5, 35.0, MissileClass.SRBM, 2.5))));
            PlannedLaunch first = truth.launches().get(0);
            PlannedLaunch second = truth.launches().get(1);
            String prefix = id.substring(0, 8) + "-";

            // object 0: one track 100 m off from 4 s after burnout, with launch/impact estimates
            List<EventEnvelope> messages = new ArrayList<>();
            GeoPoint launchEstimate = new GeoPoint(45.1, 33.0);
            GeoPoint impactEstimate = new GeoPoint(42.0, 39.05);
            messages.addAll(track(prefix + "A", first, first.burnoutTime().plusSeconds(4), first.endTime(),
                    new double[] {100, 0, 0}, launchEstimate, impactEstimate, exerciseId));
            // object 1: lost halfway and picked up again as a new track (one break), 50 m off
            Instant mid = second.burnoutTime().plusSeconds(250);
            messages.addAll(track(prefix + "B1", second, second.burnoutTime().plusSeconds(10), mid,
                    new double[] {0, 50, 0}, null, null, exerciseId));
            messages.addAll(track(prefix + "B2", second, mid.plusSeconds(5), second.endTime(),
                    new double[] {0, 50, 0}, null, null, exerciseId));
            // a false track 200 km off object 0
            messages.addAll(track(prefix + "F", first, first.burnoutTime().plusSeconds(30),
                    first.burnoutTime().plusSeconds(80), new double[] {0, 0, 200_000}, null, null, exerciseId));
            int expectedSamples = messages.size();
            // ignored: a redelivery, the real picture, and another exercise's track
            messages.add(messages.get(0));
            messages.addAll(track(prefix + "REAL", first, first.burnoutTime(), first.burnoutTime().plusSeconds(20),
                    new double[] {0, 0, 0}, null, null, null));
            messages.addAll(track(prefix + "OTHER", first, first.burnoutTime(), first.burnoutTime().plusSeconds(20),
                    new double[] {0, 0, 0}, null, null, UUID.randomUUID()));
            TopicTail.sendAll(FUSED_TRACKS_TOPIC, messages);

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
                Number n = natoPlanner().get("/api/exercises/" + id).then().extract().path("run.trackSamples");
                return n.intValue() >= expectedSamples;
            });
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> ((Number) natoPlanner()
                    .get("/api/exercises/" + id).then().extract().path("run.trackSamples")).intValue()
                    == expectedSamples);

            command(natoPlanner(), id, "complete").statusCode(200);
            JsonPath report = as(TestTokens.russia(Roles.AUDITOR)).get("/api/exercises/" + id + "/report").then()
                    .statusCode(200)
                    .body("status", equalTo("DRAFT"))
                    .body("revision", equalTo(1))
                    .body("launches", equalTo(2))
                    .body("detectedLaunches", equalTo(2))
                    .body("falseTracks", equalTo(1))
                    .body("metrics.falseTrackIds", contains(prefix + "F"))
                    .body("totalTrackBreaks", equalTo(1))
                    .extract().jsonPath();
            assertThat(report.getString("metrics.launches[0].primaryTrackId")).isEqualTo(prefix + "A");
            assertThat(report.getDouble("metrics.launches[0].detectionLatencyS")).isCloseTo(4.0, within(0.01));
            assertThat(report.getDouble("metrics.launches[0].latencyFromLaunchS"))
                    .isCloseTo(4.0 + seconds(first.launchTime(), first.burnoutTime()), within(0.01));
            assertThat(report.getDouble("metrics.launches[0].launchPointErrorKm")).isCloseTo(
                    Earth.greatCircleDistanceM(launchEstimate, new GeoPoint(45.0, 33.0)) / 1000, within(0.01));
            assertThat(report.getDouble("metrics.launches[0].impactPointErrorKm")).isCloseTo(
                    Earth.greatCircleDistanceM(impactEstimate, first.trajectory().impactPoint()) / 1000,
                    within(0.01));
            assertThat(report.getDouble("metrics.launches[0].meanPositionErrorM")).isCloseTo(100.0, within(1.0));
            assertThat(report.getInt("metrics.launches[0].trackBreaks")).isZero();
            assertThat(report.getList("metrics.launches[1].trackIds")).containsExactly(prefix + "B1", prefix + "B2");
            assertThat(report.getDouble("metrics.launches[1].detectionLatencyS")).isCloseTo(10.0, within(0.01));
            assertThat(report.getDouble("metrics.launches[1].meanPositionErrorM")).isCloseTo(50.0, within(1.0));

            String path = "/api/exercises/" + id + "/report";
            natoPlanner().body("{\"revision\":1}").post(path + "/approve").then().statusCode(200)
                    .body("status", equalTo("DRAFT")).body("approvals.NATO", notNullValue());
            natoPlanner().body("{\"revision\":1}").post(path + "/approve").then().statusCode(409)
                    .body("type", equalTo("urn:mdcoop:problem:already-approved"));
            as(TestTokens.russia(Roles.ANALYST)).body("{\"revision\":1}").post(path + "/approve").then()
                    .statusCode(403);
            String comment = russianPlanner().body("{\"text\":\"Launch 1 was picked up late by RUSSIA-1.\"}")
                    .post(path + "/comments").then().statusCode(201).body("party", equalTo("RUSSIA"))
                    .body("author", equalTo("russia-exercise-planner")).extract().path("id");
            natoPlanner().delete(path + "/comments/" + comment).then().statusCode(404);
            natoPlanner().body("{\"text\":\"\"}").post(path + "/comments").then().statusCode(400)
                    .body("errors.field", hasItem("text"));

            // new figures need new approvals; comments stay
            russianPlanner().post(path + "/compute").then().statusCode(200)
                    .body("revision", equalTo(2)).body("approvals.size()", equalTo(0))
                    .body("comments.id", contains(comment));
            russianPlanner().body("{\"revision\":1}").post(path + "/approve").then().statusCode(409)
                    .body("type", equalTo("urn:mdcoop:problem:report-revision-mismatch"));
            natoPlanner().body("{\"revision\":2}").post(path + "/approve").then().statusCode(200)
                    .body("status", equalTo("DRAFT"));
            russianPlanner().body("{\"revision\":2}").post(path + "/approve").then().statusCode(200)
                    .body("status", equalTo("FINAL")).body("finalizedAt", notNullValue());

            // the final record is frozen
            natoPlanner().body("{\"text\":\"late remark\"}").post(path + "/comments").then().statusCode(409);
            natoPlanner().post(path + "/compute").then().statusCode(409);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(events
                    .poll(r -> id.equals(r.key())).stream().map(r -> r.event().type()).toList())
                    .contains("exercise.started", "exercise.completed", "exercise.report-computed",
                            "exercise.report-approved", "exercise.report-finalised"));
        }
    }

    @Test
    void aPoisonTrackIsDeadLetteredWithItsReasonAndTheRestOfItsBatchIsStored() {
        String dlqTopic = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("mp.messaging.incoming.fused-tracks.dead-letter-queue.topic", String.class);
        try (TopicTail dlq = new TopicTail(dlqTopic)) {
            String id = propose(natoPlanner(), proposal("POISON", startableWindow(), srbm(0), srbm2(20)));
            approve(russianPlanner(), id, 1).statusCode(200);
            Instant epoch = Instant.parse(command(natoPlanner(), id, "start").statusCode(200).extract()
                    .path("run.epoch"));
            UUID exerciseId = UUID.fromString(id);
            PlannedLaunch first = ScenarioRun.plan(exerciseId, epoch, new Scenario(1, List.of(
                    new Inject(0, 45.0, 33.0, 42.0, 39.0, MissileClass.SRBM, 2.6)))).launches().get(0);
            List<EventEnvelope> good = track(id.substring(0, 8) + "-A", first, first.burnoutTime(),
                    first.burnoutTime().plusSeconds(20), new double[] {0, 0, 0}, null, null, exerciseId);
            EventEnvelope poison = EventSerde.envelope(FusedTrackMessage.TYPE, FusedTrackMessage.VERSION,
                    first.burnoutTime(), "fusion", null, "system", null, id.substring(0, 8) + "-P",
                    java.util.Map.of("trackId", id.substring(0, 8) + "-P", "exercise", true,
                            "exerciseId", "not-a-uuid"));
            List<EventEnvelope> batch = new ArrayList<>(good);
            batch.add(2, poison);
            TopicTail.sendAll(FUSED_TRACKS_TOPIC, batch);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    dlq.poll(r -> r.event().eventId().equals(poison.eventId()))).singleElement()
                    .satisfies(r -> assertThat(r.deadLetterReason()).contains("is not a UUID")));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> ((Number)
                    natoPlanner().get("/api/exercises/" + id).then().extract().path("run.trackSamples"))
                    .intValue() == good.size());
            command(natoPlanner(), id, "complete").statusCode(200);
        }
    }

    /** Track updates every 5 s from {@code from} to before {@code to}: the truth of the launch plus an offset. */
    static List<EventEnvelope> track(String trackId, PlannedLaunch launch, Instant from, Instant to,
            double[] offsetM, GeoPoint launchEstimate, GeoPoint impactEstimate, UUID exerciseId) {
        List<EventEnvelope> out = new ArrayList<>();
        for (Instant t = from; t.isBefore(to); t = t.plusSeconds(5)) {
            StateVector s = launch.stateAt(t);
            double x = s.x() + offsetM[0];
            double y = s.y() + offsetM[1];
            double z = s.z() + offsetM[2];
            GeoPoint g = Earth.toGeo(x, y, z);
            FusedTrackMessage m = new FusedTrackMessage(trackId, t, x, y, z, s.vx(), s.vy(), s.vz(), g.latDeg(),
                    g.lonDeg(), Earth.altitudeM(x, y, z), Math.sqrt(s.vx() * s.vx() + s.vy() * s.vy()
                            + s.vz() * s.vz()), List.of(Party.NATO, Party.RUSSIA), "SRBM", 0.9,
                    launchEstimate == null ? null : launchEstimate.latDeg(),
                    launchEstimate == null ? null : launchEstimate.lonDeg(),
                    impactEstimate == null ? null : impactEstimate.latDeg(),
                    impactEstimate == null ? null : impactEstimate.lonDeg(), null, null, null, null,
                    exerciseId != null, exerciseId, "exercise:" + exerciseId, out.size() + 3, 100.0, null,
                    List.of(), null);
            out.add(EventSerde.envelope(FusedTrackMessage.TYPE, FusedTrackMessage.VERSION, t, "fusion", null,
                    "system", null, trackId, m));
        }
        return out;
    }

    private static List<TopicTail.Received> reportsOf(TopicTail topic, String exerciseId) {
        return topic.poll(r -> SensorReportMessage.TYPE.equals(r.event().type())
                && exerciseId.equals(r.event().payload().path("exerciseId").asText()));
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }
}

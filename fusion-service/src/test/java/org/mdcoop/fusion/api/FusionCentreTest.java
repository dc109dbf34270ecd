package org.mdcoop.fusion.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.mdcoop.fusion.api.FusionTestSupport.runExercise;
import static org.mdcoop.fusion.api.FusionTestSupport.REPORTS_DLQ;
import static org.mdcoop.fusion.api.FusionTestSupport.REPORTS_TOPIC;
import static org.mdcoop.fusion.api.FusionTestSupport.TRACKS_TOPIC;
import static org.mdcoop.fusion.api.FusionTestSupport.arc;
import static org.mdcoop.fusion.api.FusionTestSupport.as;
import static org.mdcoop.fusion.api.FusionTestSupport.natoOperator;
import static org.mdcoop.fusion.api.FusionTestSupport.publishStatus;
import static org.mdcoop.fusion.api.FusionTestSupport.registerSensor;
import static org.mdcoop.fusion.api.FusionTestSupport.report;
import static org.mdcoop.fusion.api.FusionTestSupport.reportEnvelope;
import static org.mdcoop.fusion.api.FusionTestSupport.restReport;
import static org.mdcoop.fusion.api.FusionTestSupport.russianOperator;
import static org.mdcoop.fusion.api.FusionTestSupport.send;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.events.EventEnvelope;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.events.FusedTrackMessage;
import org.mdcoop.common.events.SensorReportMessage;
import org.mdcoop.common.security.Roles;
import org.mdcoop.common.testing.TestTokens;
import org.mdcoop.fusion.api.FusionTestSupport.Point;
import org.mdcoop.fusion.api.FusionTestSupport.TailProbe;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The fusion centre through its API and its topics, against the real PostgreSQL and broker. Every test opens the
 * centre with a fresh in-force agreement (published to the broker as the agreement-service would) and ends it after.
 */
@QuarkusTest
class FusionCentreTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    private UUID agreementId;
    private String run;

    @BeforeEach
    void openTheCentre() {
        agreementId = FusionTestSupport.openCentre();
        run = agreementId.toString().substring(0, 8);
    }

    @AfterEach
    void endTheAgreement() {
        FusionTestSupport.closeCentre(agreementId);
    }

    @Test
    void batchIsCheckedReportByReport_validOnesAreStoredAndEachRefusalHasItsReason() {
        String sensor = registerSensor(natoOperator(), "NATO-EWR-" + run, 52, 21, 80);
        String russianSensor = registerSensor(russianOperator(), "RU-EWR-" + run, 55, 37, 150);
        List<Point> arc = arc(5, Duration.ofSeconds(20), 0, 1);
        Point ok = arc.get(0);
        List<Map<String, Object>> batch = new ArrayList<>();
        batch.add(restReport(run + "-ok", sensor, ok, 80));                                            // 0 accepted
        batch.add(restReport(run + "-future", sensor, new Point(Instant.now().plusSeconds(60), ok.x(), ok.y(), ok.z()), 80));
        batch.add(restReport(run + "-old", sensor, new Point(Instant.now().minusSeconds(3600), ok.x(), ok.y(), ok.z()), 80));
        batch.add(restReport(run + "-high", sensor, new Point(ok.t(), ok.x() * 2, ok.y() * 2, ok.z() * 2), 80)); // ~6,500 km up
        Map<String, Object> fast = restReport(run + "-fast", sensor, arc.get(1), 80);
        fast.putAll(Map.of("vxMps", 9_000.0, "vyMps", 9_000.0, "vzMps", 0.0));                           // 12.7 km/s
        batch.add(fast);
        batch.add(restReport(run + "-foreign", russianSensor, arc.get(2), 80));                         // not NATO's
        batch.add(restReport(run + "-ok", sensor, ok, 80));                                              // 6 duplicate
        Map<String, Object> slow = restReport(run + "-slow", sensor, arc.get(3), 80);
        slow.putAll(Map.of("vxMps", 2_000.0, "vyMps", 1_000.0, "vzMps", 500.0));
        batch.add(slow);                                                                                  // 7 accepted

        natoOperator().body(batch).post("/api/reports").then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:mdcoop:problem:invalid-reports"))
                .body("accepted", equalTo(2))
                .body("duplicates", equalTo(1))
                .body("rejected.index", contains(1, 2, 3, 4, 5))
                .body("rejected[0].reason", containsString("future"))
                .body("rejected[1].reason", containsString("horizon"))
                .body("rejected[2].reason", containsString("altitude"))
                .body("rejected[3].reason", containsString("speed"))
                .body("rejected[4].reason", containsString("not a registered sensor of NATO"))
                .body("rejected[4].reportId", equalTo(run + "-foreign"))
                .body("errors.field", hasItem("[3]"));
        natoOperator().get("/api/reports?sensorId=" + sensor).then().statusCode(200)
                .body("reportId", org.hamcrest.Matchers.containsInAnyOrder(run + "-ok", run + "-slow"))
                .body("party", everyItem(equalTo("NATO")));

        // the same reports again are ignored, not stored twice
        natoOperator().body(List.of(batch.get(0), batch.get(7))).post("/api/reports").then().statusCode(200)
                .body("accepted", equalTo(0)).body("duplicates", equalTo(2)).body("rejected", empty());
        // a body that is not a batch of reports (here: a party field) is refused whole: nothing is written
        Map<String, Object> claimsParty = restReport(run + "-party", sensor, arc.get(4), 80);
        claimsParty.put("party", "RUSSIA");
        natoOperator().body(List.of(restReport(run + "-fine", sensor, arc.get(4), 80), claimsParty))
                .post("/api/reports").then().statusCode(400).contentType(PROBLEM_JSON);
        natoOperator().body(List.of()).post("/api/reports").then().statusCode(400).contentType(PROBLEM_JSON);
        natoOperator().get("/api/reports?sensorId=" + sensor).then().statusCode(200)
                .body("size()", equalTo(2));
    }

    @Test
    void sensorDetailsAndRawReportsStayWithTheOwner_thePictureIsShared() {
        String sensor = registerSensor(natoOperator(), "NATO-TR-" + run, 48, 12, 50);
        natoOperator().body(List.of(restReport(run + "-1", sensor, arc(1, Duration.ofSeconds(5), 0, 2).get(0), 50)))
                .post("/api/reports").then().statusCode(200).body("accepted", equalTo(1));

        // the owner sees everything, the other party only id, party and type
        as(TestTokens.nato(Roles.ANALYST)).get("/api/sensors/" + sensor).then().statusCode(200)
                .body("latDeg", equalTo(48.0f)).body("sigmaM", equalTo(50.0f)).body("version", equalTo(0));
        as(TestTokens.russia(Roles.ANALYST)).get("/api/sensors/" + sensor).then().statusCode(200)
                .body("party", equalTo("NATO")).body("type", equalTo("EARLY_WARNING_RADAR"))
                .body("$", not(hasKey("latDeg"))).body("$", not(hasKey("xM"))).body("$", not(hasKey("sigmaM")))
                .body("$", not(hasKey("revisitS")));
        as(TestTokens.russia(Roles.FUSION_OPERATOR)).get("/api/sensors").then().statusCode(200)
                .body("find { it.id == '" + sensor + "' }.party", equalTo("NATO"))
                .body("find { it.id == '" + sensor + "' }.latDeg", nullValue());
        // only the owner changes a sensor
        Map<String, Object> change = Map.of("type", "TRACKING_RADAR", "latDeg", 48.0, "lonDeg", 12.0, "altM", 0.0,
                "sigmaM", 40.0, "revisitS", 0.5);
        russianOperator().body(change).put("/api/sensors/" + sensor).then().statusCode(403).contentType(PROBLEM_JSON);
        natoOperator().body(change).put("/api/sensors/" + sensor).then().statusCode(200)
                .body("type", equalTo("TRACKING_RADAR")).body("sigmaM", equalTo(40.0f));
        natoOperator().body(Map.of("id", "bad-" + run, "type", "OPTICAL", "latDeg", 95.0, "lonDeg", 0.0, "altM", 0.0,
                "sigmaM", 10.0, "revisitS", 1.0)).post("/api/sensors").then().statusCode(400)
                .body("errors.field", hasItem("latDeg"));
        natoOperator().body(Map.of("id", "nowhere-" + run, "type", "OPTICAL", "sigmaM", 10.0, "revisitS", 1.0))
                .post("/api/sensors").then().statusCode(400).body("errors.field", hasItem("location"));

        // raw reports: the owner's analyst reads them, the other party's cannot
        as(TestTokens.nato(Roles.ANALYST)).get("/api/reports?sensorId=" + sensor).then().statusCode(200)
                .body("reportId", contains(run + "-1"));
        as(TestTokens.russia(Roles.ANALYST)).get("/api/reports?sensorId=" + sensor).then().statusCode(403)
                .contentType(PROBLEM_JSON);
        as(TestTokens.russia(Roles.FUSION_OPERATOR)).get("/api/reports?sensorId=" + sensor).then().statusCode(403);
        // the other party's fusion operator cannot submit for a NATO sensor
        russianOperator().body(List.of(restReport(run + "-2", sensor, arc(1, Duration.ofSeconds(5), 0, 3).get(0), 50)))
                .post("/api/reports").then().statusCode(400).body("rejected[0].reason", containsString("RUSSIA"));

        // the common picture: both parties' analysts and operators; other roles are forbidden
        for (String token : List.of(TestTokens.nato(Roles.ANALYST), TestTokens.russia(Roles.ANALYST),
                TestTokens.russia(Roles.FUSION_OPERATOR))) {
            as(token).get("/api/picture").then().statusCode(200).body("centreOpen", equalTo(true));
        }
        for (String role : List.of(Roles.LIAISON, Roles.AUDITOR, Roles.EXERCISE_PLANNER, Roles.TRANSPARENCY_OFFICER)) {
            as(TestTokens.russia(role)).get("/api/picture").then().statusCode(403).contentType(PROBLEM_JSON);
            as(TestTokens.nato(role)).get("/api/sensors").then().statusCode(403);
        }
        as(TestTokens.nato(Roles.ANALYST)).body(List.of()).post("/api/reports").then().statusCode(403);
        as(TestTokens.nato(Roles.ANALYST)).body(change).post("/api/sensors").then().statusCode(403);
    }

    @Test
    void aBallisticArcFedThroughKafkaBecomesOneFusedTrackOfBothParties_duplicatesAndPoisonAreHandled() {
        String nato = registerSensor(natoOperator(), "NATO-K-" + run, 52, 21, 60);
        String russia = registerSensor(russianOperator(), "RU-K-" + run, 55, 37, 90);
        UUID exercise = runExercise(nato, russia);
        List<Point> arc = arc(20, Duration.ofSeconds(10), 30, 7);
        try (TailProbe tracks = new TailProbe(TRACKS_TOPIC); TailProbe dlq = new TailProbe(REPORTS_DLQ)) {
            EventEnvelope first = null;
            for (int k = 0; k < arc.size(); k++) {
                boolean russian = k % 2 == 1;
                SensorReportMessage m = report(run + "-k" + k, russian ? russia : nato, russian ? Party.RUSSIA : Party.NATO,
                        arc.get(k), russian ? 90 : 60, exercise);
                EventEnvelope e = reportEnvelope(m);
                first = first == null ? e : first;
                send(REPORTS_TOPIC, m.sensorId(), EventSerde.toJson(e));
            }
            // redelivery of an event, and the same report in a new event: both ignored
            send(REPORTS_TOPIC, nato, EventSerde.toJson(first));
            SensorReportMessage again = EventSerde.payloadAs(first, SensorReportMessage.class);
            send(REPORTS_TOPIC, nato, EventSerde.toJson(reportEnvelope(again)));
            // an implausible report goes to the DLQ with its reason
            Point p = arc.get(0);
            SensorReportMessage tooHigh = report(run + "-poison", nato, Party.NATO,
                    new Point(p.t(), p.x() * 3, p.y() * 3, p.z() * 3), 60, exercise);
            send(REPORTS_TOPIC, nato, EventSerde.toJson(reportEnvelope(tooHigh)));

            List<EventEnvelope> updates = await().atMost(Duration.ofSeconds(40)).until(
                    () -> tracks.envelopes(e -> exercise.toString().equals(e.payload().path("exerciseId").asText())),
                    list -> list.stream().anyMatch(e -> e.payload().path("contributingParties").size() == 2));
            FusedTrackMessage last = EventSerde.payloadAs(updates.get(updates.size() - 1), FusedTrackMessage.class);
            assertThat(updates).allSatisfy(e -> assertThat(e.type()).isEqualTo(FusedTrackMessage.TYPE));
            assertThat(updates).extracting(e -> e.payload().path("trackId").asText()).containsOnly(last.trackId());
            assertThat(last.exercise()).isTrue();
            assertThat(last.contributingParties()).containsExactly(Party.NATO, Party.RUSSIA);
            assertThat(last.altitudeM()).isBetween(100_000.0, 400_000.0);
            assertThat(last.speedMps()).isBetween(2_500.0, 4_000.0);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(dlq.poll()).anySatisfy(r -> {
                assertThat(r.value()).contains(run + "-poison");
                assertThat(reason(r)).contains("altitude");
            }));
            // archived beside the tracker, so shortly after
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> natoOperator()
                    .get("/api/reports?sensorId=" + nato).then().statusCode(200).body("size()", equalTo(10)));

            // the picture shows it as an exercise track, filterable
            as(TestTokens.russia(Roles.ANALYST)).get("/api/picture?exerciseId=" + exercise).then().statusCode(200)
                    .body("tracks.trackId", contains(last.trackId()))
                    .body("tracks[0].exercise", equalTo(true))
                    .body("tracks[0].missileClass", not(nullValue()));
            as(TestTokens.russia(Roles.ANALYST)).get("/api/picture?exercise=false").then().statusCode(200)
                    .body("tracks.trackId", not(hasItem(last.trackId())));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> as(TestTokens.nato(Roles.ANALYST))
                    .get("/api/tracks/" + last.trackId()).then().statusCode(200)
                    .body("updates.size()", org.hamcrest.Matchers.greaterThan(0)));
            as(TestTokens.nato(Roles.ANALYST)).get("/api/tracks/nope").then().statusCode(404);
        }
    }

    @Test
    void whenTheAgreementEndsOnTheBrokerTheCentreRefusesIngestAndStopsPublishing() {
        String nato = registerSensor(natoOperator(), "NATO-S-" + run, 52, 21, 60);
        UUID exercise = runExercise(nato);
        List<Point> arc = arc(30, Duration.ofSeconds(5), 30, 11);
        try (TailProbe tracks = new TailProbe(TRACKS_TOPIC)) {
            for (int k = 0; k < 12; k++) {
                SensorReportMessage m = report(run + "-s" + k, nato, Party.NATO, arc.get(k), 60, exercise);
                send(REPORTS_TOPIC, nato, EventSerde.toJson(reportEnvelope(m)));
            }
            await().atMost(Duration.ofSeconds(40)).until(
                    () -> tracks.envelopes(e -> exercise.toString().equals(e.payload().path("exerciseId").asText())),
                    list -> !list.isEmpty());

            // the agreement is withdrawn: the agreement-service publishes its status
            publishStatus(agreementId, "WITHDRAWN", false, Instant.now());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> natoOperator()
                    .body(List.of(restReport(run + "-late", nato, arc.get(12), 60))).post("/api/reports")
                    .then().statusCode(409).contentType(PROBLEM_JSON)
                    .body("type", equalTo("urn:mdcoop:problem:cooperation-not-in-force")));
            as(TestTokens.russia(Roles.ANALYST)).get("/api/picture").then().statusCode(200)
                    .body("centreOpen", equalTo(false)).body("tracks", empty());

            // reports keep coming over Kafka: dropped (not stored, not fused), no track message for any of them
            Instant firstAfterClose = arc.get(12).t();
            for (int k = 12; k < arc.size(); k++) {
                SensorReportMessage m = report(run + "-s" + k, nato, Party.NATO, arc.get(k), 60, exercise);
                send(REPORTS_TOPIC, nato, EventSerde.toJson(reportEnvelope(m)));
            }
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(
                    () -> tracks.envelopes(e -> exercise.toString().equals(e.payload().path("exerciseId").asText())
                            && !Instant.parse(e.payload().path("t").asText()).isBefore(firstAfterClose)),
                    List::isEmpty);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> natoOperator()
                    .get("/api/reports?sensorId=" + nato).then().statusCode(200).body("size()", equalTo(12)));
        }
    }

    private static String reason(ConsumerRecord<String, String> record) {
        Header h = record.headers().lastHeader("dead-letter-reason");
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }
}

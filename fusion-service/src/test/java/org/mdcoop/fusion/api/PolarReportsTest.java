package org.mdcoop.fusion.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.mdcoop.fusion.api.FusionTestSupport.as;
import static org.mdcoop.fusion.api.FusionTestSupport.REPORTS_TOPIC;
import static org.mdcoop.fusion.api.FusionTestSupport.TRACKS_TOPIC;
import static org.mdcoop.fusion.api.FusionTestSupport.arc;
import static org.mdcoop.fusion.api.FusionTestSupport.natoOperator;
import static org.mdcoop.fusion.api.FusionTestSupport.reportEnvelope;
import static org.mdcoop.fusion.api.FusionTestSupport.runExercise;
import static org.mdcoop.fusion.api.FusionTestSupport.russianOperator;
import static org.mdcoop.fusion.api.FusionTestSupport.send;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import org.mdcoop.fusion.engine.measurement.PolarMeasurement;

import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Radars that report what they measure (range, azimuth, elevation from their registered site) instead of a
 * position, through REST and Kafka, against the real PostgreSQL and broker: the site and nominal sigmas come from
 * the registry, refusals name the measurement's field, and a polar-only arc seen by both parties' radars becomes
 * one fused track.
 */
@QuarkusTest
class PolarReportsTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    /** Positions to the millimetre: JsonPath reads numbers as floats otherwise. */
    private static final JsonPathConfig DOUBLES = new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);

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

    /** Registers a radar; with {@code sigmas} its nominal polar errors (range m, azimuth rad, elevation rad). */
    private static String radar(RequestSpecification operator, String id, double latDeg, double lonDeg,
            double... sigmas) {
        Map<String, Object> body = new HashMap<>(Map.of("id", id, "type", "EARLY_WARNING_RADAR", "latDeg", latDeg,
                "lonDeg", lonDeg, "altM", 100.0, "sigmaM", 100.0, "revisitS", 1.0));
        if (sigmas.length == 3) {
            body.putAll(Map.of("sigmaRangeM", sigmas[0], "sigmaAzimuthRad", sigmas[1], "sigmaElevationRad", sigmas[2]));
        }
        operator.body(body).post("/api/sensors").then().statusCode(201);
        return id;
    }

    /** The registered site (ECEF, m) as the owner reads it. */
    private static double[] site(RequestSpecification owner, String id) {
        JsonPath s = owner.get("/api/sensors/" + id).then().statusCode(200).extract().jsonPath().using(DOUBLES);
        return new double[] { s.getDouble("xM"), s.getDouble("yM"), s.getDouble("zM") };
    }

    /** Range, azimuth and elevation of {@code p} from {@code site}. */
    private static double[] measure(double[] site, Point p) {
        double[] enu = new double[9];
        PolarMeasurement.enuBasis(site[0], site[1], site[2], enu, 0);
        double[] rae = new double[3];
        PolarMeasurement.toPolar(site[0], site[1], site[2], p.x(), p.y(), p.z(), enu, 0, rae, 0);
        return rae;
    }

    private static Map<String, Object> polarReport(String reportId, String sensorId, Point p, double[] rae,
            Map<String, Object> extra) {
        Map<String, Object> polar = new HashMap<>(Map.of("rangeM", rae[0], "azimuthRad", rae[1], "elevationRad", rae[2]));
        Map<String, Object> report = new HashMap<>(Map.of("reportId", reportId, "sensorId", sensorId,
                "t", p.t().toString(), "polar", polar));
        extra.forEach((k, v) -> {
            if (k.startsWith("polar.")) {
                polar.put(k.substring("polar.".length()), v);
            } else {
                report.put(k, v);
            }
        });
        return report;
    }

    @Test
    void aPolarReportTakesItsSiteAndSigmasFromTheRegistryAndIsReadBackAsMeasuredAndAsAPosition() {
        String sensor = radar(natoOperator(), "NATO-POLAR-" + run, 52, 21, 40, 0.002, 0.003);
        double[] site = site(natoOperator(), sensor);
        Point p = arc(3, Duration.ofSeconds(20), 0, 3).get(0);
        double[] rae = measure(site, p);

        natoOperator().body(List.of(polarReport(run + "-p0", sensor, p, rae, Map.of("polar.sigmaRangeM", 25.0))))
                .post("/api/reports").then().statusCode(200)
                .body("accepted", equalTo(1));

        JsonPath stored = natoOperator().get("/api/reports?sensorId=" + sensor).then().statusCode(200)
                .body("size()", equalTo(1)).extract().jsonPath().using(DOUBLES);
        assertThat(stored.getDouble("[0].polar.rangeM")).isCloseTo(rae[0], within(1e-6));
        assertThat(stored.getDouble("[0].polar.sigmaRangeM")).as("the report's own").isEqualTo(25.0);
        assertThat(stored.getDouble("[0].polar.sigmaAzimuthRad")).as("the registry's").isEqualTo(0.002);
        assertThat(stored.getDouble("[0].polar.sigmaElevationRad")).as("the registry's").isEqualTo(0.003);
        // the position it stands for: where the point was, from the registered site
        assertThat(stored.getDouble("[0].xM")).isCloseTo(p.x(), within(1e-3));
        assertThat(stored.getDouble("[0].yM")).isCloseTo(p.y(), within(1e-3));
        assertThat(stored.getDouble("[0].zM")).isCloseTo(p.z(), within(1e-3));
        assertThat(stored.getList("[0].covariance")).hasSize(9);
        // the other party never reads raw reports
        russianOperator().get("/api/reports?sensorId=" + sensor).then().statusCode(403);
    }

    @Test
    void aPolarReportThatCannotBeFusedIsRefusedWithTheFieldAtFault_andNothingOfItIsStored() {
        String bare = radar(natoOperator(), "NATO-POLAR-BARE-" + run, 52, 21);
        double[] site = site(natoOperator(), bare);
        Point p = arc(3, Duration.ofSeconds(20), 0, 4).get(0);
        double[] rae = measure(site, p);
        List<Map<String, Object>> batch = new ArrayList<>();
        // 0: the sensor registered no sigmas and the report gives no range sigma
        batch.add(polarReport(run + "-nosigma", bare, p, rae,
                Map.of("polar.sigmaAzimuthRad", 0.002, "polar.sigmaElevationRad", 0.002)));
        // 1: a negative range
        batch.add(polarReport(run + "-negative", bare, p, new double[] { -rae[0], rae[1], rae[2] },
                Map.of("polar.sigmaRangeM", 30.0, "polar.sigmaAzimuthRad", 0.002, "polar.sigmaElevationRad", 0.002)));
        // 2: a position beside the measurement
        batch.add(polarReport(run + "-both", bare, p, rae, Map.of("xM", p.x(), "yM", p.y(), "zM", p.z(),
                "polar.sigmaRangeM", 30.0, "polar.sigmaAzimuthRad", 0.002, "polar.sigmaElevationRad", 0.002)));
        // 3: neither a position nor a measurement
        batch.add(Map.of("reportId", run + "-neither", "sensorId", bare, "t", p.t().toString(), "sigmaM", 50.0));

        natoOperator().body(batch).post("/api/reports").then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:mdcoop:problem:invalid-reports"))
                .body("accepted", equalTo(0))
                .body("errors.field", hasItem("[0].polar.sigmaRangeM"))
                .body("errors.field", hasItem("[1].polar.rangeM"))
                .body("rejected[0].reason", containsString("neither the report nor the sensor's registration"))
                .body("rejected[2].reason", containsString("a polar report gives no xM"))
                .body("rejected[3].reason", containsString("unless the report is polar"));
        natoOperator().get("/api/reports?sensorId=" + bare).then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void anArcMeasuredOnlyInPolarByBothPartiesRadarsBecomesOneFusedTrack() {
        String nato = radar(natoOperator(), "NATO-POLAR-K-" + run, 52, 21, 30, 0.0005, 0.0005);
        String russia = radar(russianOperator(), "RU-POLAR-K-" + run, 55, 37);
        double[] natoSite = site(natoOperator(), nato);
        double[] russianSite = site(russianOperator(), russia);
        UUID exercise = runExercise(nato, russia);
        List<Point> arc = arc(20, Duration.ofSeconds(10), 0, 8);
        try (TailProbe tracks = new TailProbe(TRACKS_TOPIC)) {
            List<Map<String, Object>> natoBatch = new ArrayList<>();
            for (int k = 0; k < arc.size(); k++) {
                Point p = arc.get(k);
                if (k % 2 == 0) {
                    natoBatch.add(polarReport(run + "-n" + k, nato, p, measure(natoSite, p),
                            Map.of("exerciseId", exercise.toString())));
                } else {
                    // Russia's radar registered no nominal sigmas: each of its reports carries them
                    double[] rae = measure(russianSite, p);
                    SensorReportMessage m = new SensorReportMessage(run + "-r" + k, russia, Party.RUSSIA, p.t(), null,
                            null, null, null, null, null, null, null, true, exercise,
                            new SensorReportMessage.Polar(rae[0], rae[1], rae[2], 40.0, 0.0007, 0.0007));
                    send(REPORTS_TOPIC, russia, EventSerde.toJson(reportEnvelope(m)));
                }
            }
            natoOperator().body(natoBatch).post("/api/reports").then().statusCode(200)
                    .body("accepted", equalTo(natoBatch.size()));

            List<EventEnvelope> updates = await().atMost(Duration.ofSeconds(40)).until(
                    () -> tracks.envelopes(e -> exercise.toString().equals(e.payload().path("exerciseId").asText())),
                    list -> list.stream().anyMatch(e -> e.payload().path("contributingParties").size() == 2));
            FusedTrackMessage last = EventSerde.payloadAs(updates.get(updates.size() - 1), FusedTrackMessage.class);
            assertThat(updates).extracting(e -> e.payload().path("trackId").asText()).containsOnly(last.trackId());
            assertThat(last.contributingParties()).containsExactly(Party.NATO, Party.RUSSIA);
            assertThat(last.altitudeM()).isBetween(100_000.0, 400_000.0);
            assertThat(last.speedMps()).isBetween(2_500.0, 4_000.0);
            // the Russian radar's reports came over Kafka and are archived as measured
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> russianOperator()
                    .get("/api/reports?sensorId=" + russia).then().statusCode(200).body("size()", equalTo(10))
                    .body("[0].polar.sigmaRangeM", equalTo(40.0f)));
        }
    }

    @Test
    void theOwnerSeesItsRadarsBiasEstimate_theOtherPartyOnlyThatItsReportsAreCorrected() {
        String nato = radar(natoOperator(), "NATO-REG-" + run, 52, 21, 30, 0.0005, 0.0005);
        String russia = radar(russianOperator(), "RU-REG-" + run, 55, 37, 30, 0.0005, 0.0005);
        double[] natoSite = site(natoOperator(), nato);
        double[] russianSite = site(russianOperator(), russia);
        // before any polar report of it, nothing is corrected
        natoOperator().get("/api/sensors/" + nato + "/registration").then().statusCode(200)
                .body("corrected", equalTo(false)).body("$", not(hasKey("status")));

        // the live picture: both radars see the same arc every second
        List<Point> arc = arc(20, Duration.ofSeconds(10), 0, 9);
        List<Map<String, Object>> natoBatch = new ArrayList<>();
        List<Map<String, Object>> russianBatch = new ArrayList<>();
        for (int k = 0; k < arc.size(); k++) {
            Point p = arc.get(k);
            natoBatch.add(polarReport(run + "-rn" + k, nato, p, measure(natoSite, p), Map.of()));
            russianBatch.add(polarReport(run + "-rr" + k, russia, p, measure(russianSite, p), Map.of()));
        }
        natoOperator().body(natoBatch).post("/api/reports").then().statusCode(200);
        russianOperator().body(russianBatch).post("/api/reports").then().statusCode(200);

        JsonPath own = await().atMost(Duration.ofSeconds(40)).until(() -> natoOperator()
                .get("/api/sensors/" + nato + "/registration").then().statusCode(200).extract().jsonPath()
                .using(DOUBLES), j -> j.getBoolean("corrected"));
        assertThat(own.getString("sensorId")).isEqualTo(nato);
        assertThat(own.getString("party")).isEqualTo("NATO");
        assertThat(own.getString("status")).isIn("LEARNING", "RELIABLE", "DRIFTING");
        assertThat(own.getDouble("sigmaRangeM")).isPositive();
        assertThat(own.getDouble("sigmaAzimuthRad")).isPositive();
        assertThat(Math.abs(own.getDouble("rangeM"))).as("these radars have no bias").isLessThan(500.0);
        assertThat(own.getLong("residuals")).isPositive();
        assertThat(own.getString("updatedAt")).isNotBlank();
        // written again every few seconds while the picture is fused
        await().atMost(Duration.ofSeconds(20)).until(() -> natoOperator()
                .get("/api/sensors/" + nato + "/registration").then().statusCode(200).extract().path("updatedAt"),
                updated -> !own.getString("updatedAt").equals(updated));

        // Russia learns that NATO's radar is corrected, not by how much
        Map<String, Object> foreign = russianOperator().get("/api/sensors/" + nato + "/registration").then()
                .statusCode(200).extract().jsonPath().getMap("$");
        assertThat(foreign).containsOnlyKeys("sensorId", "party", "corrected").containsEntry("corrected", true);
        // and sees its own radar's estimate in full
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> russianOperator()
                .get("/api/sensors/" + russia + "/registration").then().statusCode(200)
                .body("corrected", equalTo(true)).body("$", hasKey("sigmaElevationRad")));
        natoOperator().get("/api/sensors/NOBODY-" + run + "/registration").then().statusCode(404)
                .contentType(PROBLEM_JSON);
        as(TestTokens.nato(Roles.LIAISON)).get("/api/sensors/" + nato + "/registration").then().statusCode(403);
    }
}

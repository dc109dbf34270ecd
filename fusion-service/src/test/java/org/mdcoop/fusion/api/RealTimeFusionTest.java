package org.mdcoop.fusion.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.mdcoop.fusion.api.FusionTestSupport.runExercise;
import static org.mdcoop.fusion.api.FusionTestSupport.REPORTS_DLQ;
import static org.mdcoop.fusion.api.FusionTestSupport.REPORTS_TOPIC;
import static org.mdcoop.fusion.api.FusionTestSupport.TRACKS_TOPIC;
import static org.mdcoop.fusion.api.FusionTestSupport.as;
import static org.mdcoop.fusion.api.FusionTestSupport.natoOperator;
import static org.mdcoop.fusion.api.FusionTestSupport.registerSensor;
import static org.mdcoop.fusion.api.FusionTestSupport.reportEnvelope;
import static org.mdcoop.fusion.api.FusionTestSupport.russianOperator;
import static org.mdcoop.fusion.api.FusionTestSupport.send;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
import org.mdcoop.common.events.TrackEndedMessage;
import org.mdcoop.common.security.Roles;
import org.mdcoop.common.testing.TestTokens;
import org.mdcoop.fusion.api.FusionTestSupport.TailProbe;
import org.mdcoop.fusion.engine.ReportBatch;
import org.mdcoop.fusion.engine.TrackTable;
import org.mdcoop.fusion.engine.Tracker;
import org.mdcoop.fusion.engine.model.BallisticMotionModel;
import org.mdcoop.fusion.messaging.TrackPublisher;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Time and coverage as radars deliver them, through the real broker: reports of several sensors at the same instant,
 * a sensor that sees only part of the raid, scans delivered late, reports that claim another party's sensor, and
 * track messages a consumer can rely on (deterministic ids, an end event).
 */
@QuarkusTest
class RealTimeFusionTest {

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

    /** Objects 1.5 degrees apart over Europe, climbing east at 3 km/s (truth, no noise). */
    private static double[][] raid(int n) {
        double[][] states = new double[n][];
        for (int i = 0; i < n; i++) {
            double lat = Math.toRadians(45 + 1.5 * (i / 4)), lon = Math.toRadians(10 + 1.5 * (i % 4));
            double r = 6_371_000.0 + 150_000.0;
            double[] up = { Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat) };
            double[] east = { -Math.sin(lon), Math.cos(lon), 0 };
            states[i] = new double[] { r * up[0], r * up[1], r * up[2], 3_000 * east[0] + 1_500 * up[0],
                    3_000 * east[1] + 1_500 * up[1], 3_000 * east[2] + 1_500 * up[2] };
        }
        return states;
    }

    private static double[] at(double[] s0, double dt) {
        double[] s = s0.clone();
        new BallisticMotionModel(0.0, 0.1).propagate(s, 0, dt);
        return s;
    }

    private record Measured(String sensorId, Party party, double t, int object, double x, double y, double z,
            double sigmaM) {
    }

    private static Measured measure(String sensorId, Party party, double[] s0, int object, double t0, double t,
            double sigmaM, Random noise) {
        double[] s = at(s0, t - t0);
        return new Measured(sensorId, party, t, object, s[0] + sigmaM * noise.nextGaussian(),
                s[1] + sigmaM * noise.nextGaussian(), s[2] + sigmaM * noise.nextGaussian(), sigmaM);
    }

    private void sendAll(List<Measured> reports, UUID exercise) {
        int k = 0;
        for (Measured m : reports) {
            SensorReportMessage message = new SensorReportMessage(run + "-" + (k++), m.sensorId(), m.party(),
                    instant(m.t()), m.x(), m.y(), m.z(), m.sigmaM(), null, null, null, null, true, exercise);
            send(REPORTS_TOPIC, m.sensorId(), EventSerde.toJson(reportEnvelope(message)));
        }
    }

    private static Instant instant(double seconds) {
        long s = (long) Math.floor(seconds);
        return Instant.ofEpochSecond(s, Math.round((seconds - s) * 1e9));
    }

    private static double epoch(Instant t) {
        return t.getEpochSecond() + t.getNano() / 1e9;
    }

    private static List<FusedTrackMessage> updatesOf(TailProbe tracks, UUID exercise) {
        return tracks.envelopes(e -> FusedTrackMessage.TYPE.equals(e.type())
                && exercise.toString().equals(e.payload().path("exerciseId").asText())).stream()
                .map(e -> EventSerde.payloadAs(e, FusedTrackMessage.class)).toList();
    }

    @Test
    void sensorsReportingAtTheSameInstantAndOneSeeingHalfTheRaidGiveOneTrackPerObject() {
        String natoAll = registerSensor(natoOperator(), "NATO-SI-A-" + run, 52, 21, 60);
        String russiaAll = registerSensor(russianOperator(), "RU-SI-B-" + run, 55, 37, 90);
        String natoHalf = registerSensor(natoOperator(), "NATO-SI-C-" + run, 48, 2, 80);
        UUID exercise = runExercise(natoAll, russiaAll, natoHalf);
        double[][] objects = raid(8);
        double t0 = epoch(Instant.now()) - 60;
        Random noise = new Random(3);
        List<Measured> reports = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            double t = t0 + k;
            // two radars of two parties at the very same instant, every object
            for (int o = 0; o < objects.length; o++) {
                reports.add(measure(natoAll, Party.NATO, objects[o], o, t0, t, 60, noise));
            }
            for (int o = 0; o < objects.length; o++) {
                reports.add(measure(russiaAll, Party.RUSSIA, objects[o], o, t0, t, 90, noise));
            }
            // a third radar half a second later, seeing only the first half of the raid
            for (int o = 0; o < objects.length / 2; o++) {
                reports.add(measure(natoHalf, Party.NATO, objects[o], o, t0, t + 0.5, 80, noise));
            }
        }
        try (TailProbe tracks = new TailProbe(TRACKS_TOPIC)) {
            sendAll(reports, exercise);
            List<FusedTrackMessage> updates = await().atMost(Duration.ofSeconds(40)).until(
                    () -> updatesOf(tracks, exercise),
                    list -> list.stream().filter(m -> epoch(m.t()) >= t0 + 7).map(FusedTrackMessage::trackId)
                            .distinct().count() >= objects.length);
            Set<String> ids = updates.stream().map(FusedTrackMessage::trackId).collect(Collectors.toSet());
            assertThat(ids).hasSize(objects.length);
            Map<String, FusedTrackMessage> last = new HashMap<>();
            updates.forEach(m -> last.merge(m.trackId(), m, (a, b) -> b.updateNumber() > a.updateNumber() ? b : a));
            assertThat(last.values()).allSatisfy(m -> {
                assertThat(m.contributingParties()).containsExactly(Party.NATO, Party.RUSSIA);
                assertThat(m.stream()).isEqualTo("exercise:" + exercise);
                assertThat(m.covariance()).hasSize(21);
                assertThat(m.positionSigmaM()).isPositive().isLessThan(200.0);
            });
            // the half-seeing radar contributed to exactly the tracks of the objects it sees
            assertThat(last.values().stream().filter(m -> m.contributingSensors().contains(natoHalf))).hasSize(4);
        }
    }

    @Test
    void scansDeliveredLateAreFusedByRetrodictionAsAccuratelyAsInTimeOrder() throws Exception {
        String early = registerSensor(natoOperator(), "NATO-LT-A-" + run, 52, 21, 60);
        String late = registerSensor(russianOperator(), "RU-LT-B-" + run, 55, 37, 60);
        UUID exercise = runExercise(early, late);
        double[][] objects = raid(4);
        // radar A scans every 0.5 s and delivers at once; radar B scans 0.25 s after A and delivers 1.2 s late
        double t0 = epoch(Instant.now()) + 0.5;
        Random noise = new Random(17);
        List<Measured> reports = new ArrayList<>();
        Map<Measured, Double> arrival = new HashMap<>();
        for (int k = 0; k < 16; k++) {
            for (int o = 0; o < objects.length; o++) {
                Measured a = measure(early, Party.NATO, objects[o], o, t0, t0 + 0.5 * k, 60, noise);
                Measured b = measure(late, Party.RUSSIA, objects[o], o, t0, t0 + 0.5 * k + 0.25, 60, noise);
                reports.add(a);
                reports.add(b);
                arrival.put(a, a.t());
                arrival.put(b, b.t() + 1.2);
            }
        }
        double[] offline = fuseOffline(reports, objects, t0);
        double lateBefore = metric("fusion_reports_late_total");
        double retroBefore = metric("fusion_reports_retrodicted_total");
        List<Measured> delivery = new ArrayList<>(reports);
        delivery.sort(Comparator.comparingDouble(arrival::get));
        try (TailProbe tracks = new TailProbe(TRACKS_TOPIC)) {
            // the radars' pace: each report is sent at its arrival time
            int k = 0;
            for (Measured m : delivery) {
                long waitMs = Math.round((arrival.get(m) - epoch(Instant.now())) * 1000);
                if (waitMs > 0) {
                    Thread.sleep(waitMs);
                }
                SensorReportMessage message = new SensorReportMessage(run + "-lt" + (k++), m.sensorId(), m.party(),
                        instant(m.t()), m.x(), m.y(), m.z(), m.sigmaM(), null, null, null, null, true, exercise);
                send(REPORTS_TOPIC, m.sensorId(), EventSerde.toJson(reportEnvelope(message)));
            }
            double lastT = t0 + 0.5 * 15 + 0.25;
            List<FusedTrackMessage> updates = await().atMost(Duration.ofSeconds(30)).until(
                    () -> updatesOf(tracks, exercise),
                    list -> list.stream().filter(m -> m.updateNumber() >= 32).count() >= objects.length);
            Map<String, FusedTrackMessage> last = new HashMap<>();
            updates.forEach(m -> last.merge(m.trackId(), m, (a, b) -> b.updateNumber() > a.updateNumber() ? b : a));
            assertThat(last).hasSize(objects.length);
            double sum = 0;
            for (FusedTrackMessage m : last.values()) {
                assertThat(m.updateNumber()).as("every report of the track fused").isEqualTo(32);
                sum += nearestError(m, objects, t0);
            }
            double live = sum / last.size();
            assertThat(lastT).isGreaterThan(t0);
            assertThat(metric("fusion_reports_late_total")).isEqualTo(lateBefore);
            assertThat(metric("fusion_reports_retrodicted_total") - retroBefore).isPositive();
            assertThat(offline[1]).isEqualTo(objects.length);
            assertThat(live).as("live %.1f m vs offline %.1f m", live, offline[0]).isLessThan(1.10 * offline[0] + 5.0);
        }
    }

    /** The same reports through the engine in time order: {mean error of the final states, confirmed tracks}. */
    private static double[] fuseOffline(List<Measured> reports, double[][] objects, double t0) {
        Tracker tracker = Tracker.ballistic();
        ReportBatch batch = new ReportBatch();
        List<Measured> ordered = new ArrayList<>(reports);
        ordered.sort(Comparator.comparingDouble(Measured::t));
        int i = 0;
        while (i < ordered.size()) {
            double t = ordered.get(i).t();
            batch.clear();
            while (i < ordered.size() && ordered.get(i).t() == t) {
                Measured m = ordered.get(i++);
                batch.add(m.x(), m.y(), m.z(), m.sigmaM(), tracker.sensorIndex(m.sensorId()),
                        tracker.partyIndex(m.party().name()), true, "r");
            }
            tracker.processScan(t, batch);
        }
        TrackTable table = tracker.tracks();
        double sum = 0;
        int n = 0;
        for (int s = 0; s < table.size(); s++) {
            if (!table.isConfirmed(s)) {
                continue;
            }
            double best = Double.MAX_VALUE;
            for (double[] o : objects) {
                double[] truth = at(o, table.stateTimeSeconds(s) - t0);
                best = Math.min(best, Math.hypot(Math.hypot(table.state(s, 0) - truth[0], table.state(s, 1) - truth[1]),
                        table.state(s, 2) - truth[2]));
            }
            sum += best;
            n++;
        }
        return new double[] { sum / Math.max(1, n), n };
    }

    private static double nearestError(FusedTrackMessage m, double[][] objects, double t0) {
        double best = Double.MAX_VALUE;
        for (double[] o : objects) {
            double[] truth = at(o, epoch(m.t()) - t0);
            best = Math.min(best, Math.hypot(Math.hypot(m.xM() - truth[0], m.yM() - truth[1]), m.zM() - truth[2]));
        }
        return best;
    }

    private static double metric(String name) {
        String body = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})?\\s+([0-9.eE+-]+)").matcher(body);
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(2));
        }
        return total;
    }

    @Test
    void aKafkaReportClaimingAnotherPartysSensorOrCarryingANulIsDeadLetteredAndIngestGoesOn() {
        String russian = registerSensor(russianOperator(), "RU-FS-" + run, 55, 37, 90);
        String nato = registerSensor(natoOperator(), "NATO-FS-" + run, 52, 21, 60);
        UUID exercise = runExercise(russian, nato);
        double[][] objects = raid(1);
        double t0 = epoch(Instant.now()) - 30;
        Random noise = new Random(5);
        try (TailProbe dlq = new TailProbe(REPORTS_DLQ); TailProbe tracks = new TailProbe(TRACKS_TOPIC)) {
            Measured forged = measure(russian, Party.NATO, objects[0], 0, t0, t0, 60, noise);
            SensorReportMessage claim = new SensorReportMessage(run + "-forged", forged.sensorId(), Party.NATO,
                    instant(forged.t()), forged.x(), forged.y(), forged.z(), 60.0, null, null, null, null, true, exercise);
            send(REPORTS_TOPIC, russian, EventSerde.toJson(reportEnvelope(claim)));
            SensorReportMessage nul = new SensorReportMessage(run + "-nul\u0000", nato, Party.NATO, instant(forged.t()),
                    forged.x(), forged.y(), forged.z(), 60.0, null, null, null, null, true, exercise);
            send(REPORTS_TOPIC, nato, EventSerde.toJson(reportEnvelope(nul)));
            List<Measured> fine = new ArrayList<>();
            for (int k = 1; k <= 5; k++) {
                fine.add(measure(nato, Party.NATO, objects[0], 0, t0, t0 + k, 60, noise));
            }
            sendAll(fine, exercise);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                List<ConsumerRecord<String, String>> dead = dlq.poll();
                assertThat(dead).anySatisfy(r -> {
                    assertThat(r.value()).contains(run + "-forged");
                    assertThat(reason(r)).contains("registered sensor of RUSSIA, not of NATO");
                });
                assertThat(dead).anySatisfy(r -> {
                    assertThat(r.value()).contains(run + "-nul");
                    assertThat(reason(r)).contains("U+0000");
                });
            });
            // what came after is fused: only NATO's sensor contributes to the track
            List<FusedTrackMessage> updates = await().atMost(Duration.ofSeconds(20)).until(
                    () -> updatesOf(tracks, exercise), list -> !list.isEmpty());
            assertThat(updates).allSatisfy(m -> assertThat(m.contributingParties()).containsExactly(Party.NATO));
            russianOperator().get("/api/reports?sensorId=" + russian).then().statusCode(200)
                    .body("size()", equalTo(0));
        }
    }

    @Test
    void trackUpdatesCarryDeterministicIdsAndATrackTheTrackerDropsEndsWithAnEvent() {
        String nato = registerSensor(natoOperator(), "NATO-END-" + run, 52, 21, 60);
        UUID exercise = runExercise(nato);
        double[][] objects = raid(5);
        double t0 = epoch(Instant.now()) - 120;
        Random noise = new Random(9);
        List<Measured> reports = new ArrayList<>();
        // object 0 is seen for 6 s, then only object 4 (far away) for 15 s more: object 0's track coasts out
        for (int k = 0; k < 6; k++) {
            reports.add(measure(nato, Party.NATO, objects[0], 0, t0, t0 + k, 60, noise));
        }
        for (int k = 6; k < 21; k++) {
            reports.add(measure(nato, Party.NATO, objects[4], 4, t0, t0 + k, 60, noise));
        }
        try (TailProbe tracks = new TailProbe(TRACKS_TOPIC)) {
            sendAll(reports, exercise);
            String stream = "exercise:" + exercise;
            List<EventEnvelope> events = await().atMost(Duration.ofSeconds(30)).until(
                    () -> tracks.envelopes(e -> stream.equals(e.payload().path("stream").asText())),
                    list -> list.stream().anyMatch(e -> TrackEndedMessage.TYPE.equals(e.type())));
            EventEnvelope end = events.stream().filter(e -> TrackEndedMessage.TYPE.equals(e.type())).findFirst()
                    .orElseThrow();
            TrackEndedMessage ended = EventSerde.payloadAs(end, TrackEndedMessage.class);
            List<EventEnvelope> updatesOfEnded = events.stream().filter(e -> FusedTrackMessage.TYPE.equals(e.type())
                    && ended.trackId().equals(e.payload().path("trackId").asText())).toList();
            assertThat(updatesOfEnded).isNotEmpty();
            assertThat(ended.reason()).isEqualTo("DELETED");
            assertThat(end.eventId()).isEqualTo(TrackPublisher.eventId(stream, ended.trackId(), "ended"));
            assertThat(end.subjectId()).isEqualTo(ended.trackId());
            List<Integer> numbers = new ArrayList<>();
            for (EventEnvelope e : updatesOfEnded) {
                FusedTrackMessage m = EventSerde.payloadAs(e, FusedTrackMessage.class);
                assertThat(e.eventId()).isEqualTo(
                        TrackPublisher.eventId(stream, m.trackId(), Integer.toString(m.updateNumber())));
                numbers.add(m.updateNumber());
            }
            assertThat(numbers).isSorted().doesNotHaveDuplicates();
            assertThat(ended.lastUpdateNumber()).isEqualTo(numbers.get(numbers.size() - 1));
            // every record names its stream in a header, so consumers can skip a stream without parsing it
            assertThat(tracks.poll().stream().filter(r -> ended.trackId().equals(r.key()))).isNotEmpty()
                    .allSatisfy(r -> assertThat(new String(r.headers().lastHeader(FusedTrackMessage.STREAM_HEADER)
                            .value(), StandardCharsets.UTF_8)).isEqualTo(stream));
            // the ended track has left the picture
            as(TestTokens.nato(Roles.ANALYST)).get("/api/picture?exerciseId=" + exercise).then().statusCode(200)
                    .body("tracks.trackId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(ended.trackId())));
        }
    }

    private static String reason(ConsumerRecord<String, String> record) {
        Header h = record.headers().lastHeader("dead-letter-reason");
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }
}

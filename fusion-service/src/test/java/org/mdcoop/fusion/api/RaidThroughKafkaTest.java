package org.mdcoop.fusion.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mdcoop.fusion.api.FusionTestSupport.REPORTS_TOPIC;
import static org.mdcoop.fusion.api.FusionTestSupport.TRACKS_TOPIC;
import static org.mdcoop.fusion.api.FusionTestSupport.producer;
import static org.mdcoop.fusion.api.FusionTestSupport.reportEnvelope;
import static org.mdcoop.fusion.api.FusionTestSupport.runExercise;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.events.FusedTrackMessage;
import org.mdcoop.common.events.SensorReportMessage;
import org.mdcoop.fusion.api.FusionTestSupport.TailProbe;
import org.mdcoop.fusion.engine.Tracker;
import org.mdcoop.fusion.engine.TrackTable;
import org.mdcoop.fusion.engine.model.BallisticMotionModel;
import org.mdcoop.fusion.engine.scenario.Params;
import org.mdcoop.fusion.engine.scenario.Scenario;
import org.mdcoop.fusion.engine.scenario.Sensor;
import org.mdcoop.fusion.engine.tools.Detections;
import org.mdcoop.fusion.engine.tools.ReplayRunner;
import org.mdcoop.fusion.engine.tools.Scorer;
import org.mdcoop.fusion.engine.tools.StateRows;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * A generated raid (the project's own generator: 12 missiles, four radars with their own delivery delays and jitter,
 * so reports arrive out of time order across sensors by up to 1.5 s) delivered through the real broker in arrival
 * order, four times faster than real time: every report is fused (none late, none dropped) and the picture's OSPA is
 * within 10 % of the offline replay of the same reports in time order.
 */
@QuarkusTest
class RaidThroughKafkaTest {

    /** Delivery runs this many times faster than the radars' clock (keeps the test short; disorder is in report time). */
    private static final double SPEED = 4.0;
    private static final double DURATION_S = 100.0;

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

    private static Scenario raid() {
        // delivery delays (+ jitter up to 0.5 s) and RUSSIA-2's scans shifted to half a second past NATO-1's: NATO-1's
        // scans reach the centre up to 1.5 s after a newer one of RUSSIA-2 (the phases quantise the disorder)
        double[] delays = { 1.1, 0.2, 0.5, 0.0 };
        double[] phases = { 0.0, 0.1, 0.2, 0.5 };
        List<Sensor> sensors = new ArrayList<>();
        for (int i = 0; i < Sensor.DEFAULTS.size(); i++) {
            Sensor s = Sensor.DEFAULTS.get(i);
            sensors.add(new Sensor(s.sensorId(), s.party(), s.xM(), s.yM(), s.zM(), s.sigmaM(), s.revisitS(), phases[i],
                    delays[i], 0));
        }
        return Scenario.generate(Params.small().withLaunchWindowS(20).withDurationS(DURATION_S).withJitterS(0.5)
                .withSensors(sensors));
    }

    @Test
    void aRaidDeliveredOutOfOrderThroughKafkaFusesAsWellAsTheOfflineReplay() throws Exception {
        Scenario scenario = raid();
        Detections d = scenario.detections();
        assertThat(maxDisorderS(d)).as("reports arrive out of time order across sensors").isBetween(1.4, 1.5);

        Map<String, String> sensorIds = new HashMap<>();
        String[] names = new String[Sensor.DEFAULTS.size()];
        for (Sensor s : scenario.sensors()) {
            String id = s.sensorId() + "-" + run;
            sensorIds.put(s.sensorId(), id);
            FusionTestSupport.registerSensor("NATO".equals(s.party()) ? FusionTestSupport.natoOperator()
                    : FusionTestSupport.russianOperator(), id, s.latDeg(), s.lonDeg(), s.sigmaM());
        }
        UUID exercise = runExercise(sensorIds.values().toArray(names));

        // report time = base + scenario time; the last report is two seconds old when the delivery starts
        long startMs = System.currentTimeMillis();
        long baseMs = startMs - Math.round(DURATION_S * 1000) - 2_000;
        Integer[] order = new Integer[d.size];
        for (int i = 0; i < d.size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> d.arrivalSeconds[i]));
        double firstArrival = d.arrivalSeconds[order[0]];

        double fusedBefore = metric("fusion_reports_fused_total");
        double lateBefore = metric("fusion_reports_late_total");
        try (TailProbe tracks = new TailProbe(TRACKS_TOPIC)) {
            for (int i : order) {
                long dueMs = startMs + Math.round((d.arrivalSeconds[i] - firstArrival) * 1000 / SPEED);
                long wait = dueMs - System.currentTimeMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                SensorReportMessage m = new SensorReportMessage(run + "-" + d.reportId[i], sensorIds.get(d.sensorId[i]),
                        Party.valueOf(d.party[i]), Instant.ofEpochMilli(baseMs + Math.round(d.tSeconds[i] * 1000)),
                        d.xM[i], d.yM[i], d.zM[i], d.sigmaM[i], null, null, null, null, true, exercise);
                producer().send(new ProducerRecord<>(REPORTS_TOPIC, SensorReportMessage.streamOf(exercise),
                        EventSerde.toJson(reportEnvelope(m))));
            }
            producer().flush();

            await("every report fused").atMost(Duration.ofSeconds(60))
                    .until(() -> metric("fusion_reports_fused_total") - fusedBefore >= d.size);
            assertThat(metric("fusion_reports_fused_total") - fusedBefore).as("fused, none twice").isEqualTo(d.size);
            assertThat(metric("fusion_reports_late_total")).as("none too late to fuse").isEqualTo(lateBefore);

            // read the topic until no more updates come (the last scans' are still on their way)
            int[] seen = { -1 };
            await("all track updates read").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        int before = seen[0];
                        seen[0] = tracks.poll().size();
                        return seen[0] == before;
                    });
            StateRows live = new StateRows();
            List<FusedTrackMessage> updates = tracks.poll().stream()
                    .map(r -> EventSerde.fromJson(r.value()))
                    .filter(e -> FusedTrackMessage.TYPE.equals(e.type()))
                    .map(e -> EventSerde.payloadAs(e, FusedTrackMessage.class))
                    .filter(m -> exercise.equals(m.exerciseId()))
                    .sorted(Comparator.comparingLong(FusedTrackMessage::updateNumber)).toList();
            for (FusedTrackMessage m : updates) {
                live.add((m.t().toEpochMilli() - baseMs) / 1000.0, m.trackId(), m.xM(), m.yM(), m.zM(), m.vxMps(),
                        m.vyMps(), m.vzMps());
            }

            StateRows offline = new StateRows();
            Map<Long, Long> lastUpdates = new HashMap<>();
            ReplayRunner.run(Tracker.ballistic(), d, (t, tracker) -> {
                TrackTable table = tracker.tracks();
                for (int s = 0; s < table.size(); s++) {
                    if (table.isConfirmed(s) && table.updates(s) > lastUpdates.getOrDefault(table.id(s), 0L)) {
                        lastUpdates.put(table.id(s), (long) table.updates(s));
                        offline.add(table.stateTimeSeconds(s), "T" + table.id(s), table.state(s, 0), table.state(s, 1),
                                table.state(s, 2), table.state(s, 3), table.state(s, 4), table.state(s, 5));
                    }
                }
            });

            double[] times = evaluationTimes(d, scenario.lastBurnoutS() + 10, DURATION_S - 1);
            Scorer.Score offlineScore = Scorer.score(scenario.truth(), pictureAt(offline, times), times, 5_000.0);
            Scorer.Score liveScore = Scorer.score(scenario.truth(), pictureAt(live, times), times, 5_000.0);
            System.out.printf("raid through Kafka: live %s%n                    offline %s%n", liveScore, offlineScore);
            assertThat(offlineScore.distinctTrackIds()).as("offline: one track per missile: %s", offlineScore)
                    .isEqualTo(scenario.missiles().size());
            assertThat(liveScore.distinctTrackIds()).as("live: one track per missile: %s", liveScore)
                    .isEqualTo(scenario.missiles().size());
            assertThat(liveScore.ospaM()).as("live %s vs offline %s", liveScore, offlineScore)
                    .isLessThanOrEqualTo(1.10 * offlineScore.ospaM());
        }
    }

    /** The most a report arrives before one of an earlier report time (another sensor's, delivered later). */
    private static double maxDisorderS(Detections d) {
        Integer[] byArrival = new Integer[d.size];
        for (int i = 0; i < d.size; i++) {
            byArrival[i] = i;
        }
        Arrays.sort(byArrival, Comparator.comparingDouble(i -> d.arrivalSeconds[i]));
        double newest = Double.NEGATIVE_INFINITY, worst = 0;
        for (int i : byArrival) {
            worst = Math.max(worst, newest - d.tSeconds[i]);
            newest = Math.max(newest, d.tSeconds[i]);
        }
        return worst;
    }

    /** One detection time per second of scenario time in [from, to]. */
    private static double[] evaluationTimes(Detections d, double from, double to) {
        double[] all = Scorer.distinctTimes(d);
        List<Double> out = new ArrayList<>();
        double next = from;
        for (double t : all) {
            if (t >= next && t <= to) {
                out.add(t);
                next = Math.floor(t) + 1;
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The picture a consumer of the updates sees at each time: every track's latest update at or before it (updated
     * within the last 5 s), propagated to that time with the engine's motion model. Same rule for live and offline.
     */
    private static StateRows pictureAt(StateRows updates, double[] times) {
        Map<String, List<Integer>> byTrack = new HashMap<>();
        for (int i = 0; i < updates.size(); i++) {
            byTrack.computeIfAbsent(updates.id.get(i), k -> new ArrayList<>()).add(i);
        }
        BallisticMotionModel model = new BallisticMotionModel();
        StateRows out = new StateRows();
        double[] s = new double[6];
        for (double t : times) {
            for (Map.Entry<String, List<Integer>> track : byTrack.entrySet()) {
                int best = -1;
                for (int i : track.getValue()) {
                    // equal times: the later update (a retrodicted one) wins
                    if (updates.t[i] <= t && (best < 0 || updates.t[i] >= updates.t[best])) {
                        best = i;
                    }
                }
                if (best < 0 || t - updates.t[best] > 5.0) {
                    continue;
                }
                System.arraycopy(updates.state, best * 6, s, 0, 6);
                model.propagate(s, 0, t - updates.t[best]);
                out.add(t, track.getKey(), s[0], s[1], s[2], s[3], s[4], s[5]);
            }
        }
        return out;
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
}

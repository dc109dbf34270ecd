package org.mdcoop.exercise.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mdcoop.common.events.SensorReportMessage;
import org.mdcoop.exercise.domain.report.PlannedLaunch;
import org.mdcoop.exercise.domain.report.ScenarioRun;
import org.mdcoop.exercise.domain.scenario.MissileClass;
import org.mdcoop.exercise.domain.scenario.Scenario;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One trace across a Kafka hop: a withdrawal sent in a trace (the {@code traceparent} header agreement-service's relay
 * puts on the status) halts the agreement's exercises in a consumer span of that trace, and the {@code exercise.halted}
 * event leaves through this service's outbox with the same trace id in its header. agreement-service's
 * {@code TraceToKafkaTest} shows the first half: a REST withdrawal's trace on the status it sends.
 * And an exercise run: the start's trace on its reports and on the fused tracks that come back.
 */
@QuarkusTest
class TraceAcrossKafkaTest {

    private static final String SENSOR_REPORTS_TOPIC = ConfigProvider.getConfig()
            .getValue("mdcoop.exercise.sensor-reports-topic", String.class);
    private static final String FUSED_TRACKS_TOPIC = ConfigProvider.getConfig()
            .getValue("mp.messaging.incoming.fused-tracks.topic", String.class);

    @Inject
    InMemorySpanExporter spans;

    @AfterAll
    static void noTestAgreementLeftInForce() {
        AgreementStatusFeed.endIfInForce();
    }

    @Test
    void theHaltOfAWithdrawalContinuesTheWithdrawalsTraceOntoExerciseEvents() {
        AgreementStatusFeed.ensureInForce();
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String parentSpanId = HexFormat.of().formatHex(randomBytes(8));
        try (TopicTail events = new TopicTail("exercise.events")) {
            String exercise = propose(russianPlanner(), proposal("Traced halt", freshFutureWindow(), srbm(0)));

            AgreementStatusFeed.endCurrent("00-" + traceId + "-" + parentSpanId + "-01");

            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> "HALTED"
                    .equals(natoPlanner().get("/api/exercises/" + exercise).then().extract().path("status")));
            // the event the halt wrote carries the withdrawal's trace (a span of this service below it)
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(events
                    .poll(r -> exercise.equals(r.key()) && r.event().type().equals("exercise.halted")))
                    .singleElement().satisfies(r -> {
                        assertThat(r.traceparent()).startsWith("00-" + traceId + "-");
                        assertThat(r.traceparent()).doesNotContain(parentSpanId);
                    }));
            // and this service's consumer span is the child of the header's span, in the same trace
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                List<SpanData> consumed = spans.getFinishedSpanItems().stream()
                        .filter(s -> s.getTraceId().equals(traceId)).toList();
                assertThat(consumed).anySatisfy(s -> {
                    assertThat(s.getKind()).isEqualTo(SpanKind.CONSUMER);
                    assertThat(s.getName()).startsWith("agreement-");
                    assertThat(s.getParentSpanId()).isEqualTo(parentSpanId);
                });
            });
        }
    }

    @Test
    void aStartsTraceGoesOutWithItsReportsAndGoesOnInTheFusedTracksThatComeBack() {
        AgreementStatusFeed.ensureInForce();
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String callerSpanId = HexFormat.of().formatHex(randomBytes(8));
        try (TopicTail reports = new TopicTail(SENSOR_REPORTS_TOPIC)) {
            String id = propose(natoPlanner(), proposal("Traced run", startableWindow(), srbm(0)));
            approve(russianPlanner(), id, 1).statusCode(200);
            Instant epoch = Instant.parse(natoPlanner().header("traceparent", "00-" + traceId + "-" + callerSpanId
                    + "-01").post("/api/exercises/" + id + "/start").then().statusCode(200).extract().path("run.epoch"));

            // the injects leave in the start's trace, below a send span of this service (not the caller's span)
            List<TopicTail.Received> sent = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                    .until(() -> reports.poll(r -> SensorReportMessage.TYPE.equals(r.event().type())
                            && id.equals(r.event().payload().path("exerciseId").asText())), list -> list.size() >= 10);
            assertThat(sent).allSatisfy(r -> {
                assertThat(r.traceparent()).startsWith("00-" + traceId + "-");
                assertThat(r.traceparent()).doesNotContain(callerSpanId);
            });
            String sendSpanId = sent.get(0).traceparent().split("-")[2];
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(spans.getFinishedSpanItems())
                    .anySatisfy(s -> {
                        assertThat(s.getSpanId()).isEqualTo(sendSpanId);
                        assertThat(s.getTraceId()).isEqualTo(traceId);
                        assertThat(s.getKind()).isEqualTo(SpanKind.PRODUCER);
                    }));

            // the fusion centre's tracks come back with a span of that trace (fusion-service's TraceThroughFusionTest):
            // storing them continues it
            String fusionSpanId = HexFormat.of().formatHex(randomBytes(8));
            PlannedLaunch launch = ScenarioRun.plan(UUID.fromString(id), epoch, new Scenario(1,
                    List.of(new org.mdcoop.exercise.domain.scenario.Inject(0, 45.0, 33.0, 42.0, 39.0, MissileClass.SRBM, 2.6)))).launches().get(0);
            TopicTail.sendAll(FUSED_TRACKS_TOPIC, ExerciseRunTest.track(id.substring(0, 8) + "-T", launch,
                    launch.burnoutTime().plusSeconds(4), launch.burnoutTime().plusSeconds(30), new double[] { 0, 0, 0 },
                    null, null, UUID.fromString(id)), "00-" + traceId + "-" + fusionSpanId + "-01");
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(spans.getFinishedSpanItems())
                    .anySatisfy(s -> {
                        assertThat(s.getTraceId()).isEqualTo(traceId);
                        assertThat(s.getKind()).isEqualTo(SpanKind.CONSUMER);
                        assertThat(s.getName()).startsWith("fused-tracks");
                        assertThat(s.getParentSpanId()).isEqualTo(fusionSpanId);
                    }));
            command(natoPlanner(), id, "complete").statusCode(200);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1; // never the invalid all-zero id
        return bytes;
    }
}

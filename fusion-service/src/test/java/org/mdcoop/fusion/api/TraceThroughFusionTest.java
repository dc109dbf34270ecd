package org.mdcoop.fusion.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mdcoop.fusion.api.FusionTestSupport.REPORTS_TOPIC;
import static org.mdcoop.fusion.api.FusionTestSupport.TRACKS_TOPIC;
import static org.mdcoop.fusion.api.FusionTestSupport.arc;
import static org.mdcoop.fusion.api.FusionTestSupport.natoOperator;
import static org.mdcoop.fusion.api.FusionTestSupport.producer;
import static org.mdcoop.fusion.api.FusionTestSupport.registerSensor;
import static org.mdcoop.fusion.api.FusionTestSupport.report;
import static org.mdcoop.fusion.api.FusionTestSupport.reportEnvelope;
import static org.mdcoop.fusion.api.FusionTestSupport.runExercise;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.events.FusedTrackMessage;
import org.mdcoop.common.events.SensorReportMessage;
import org.mdcoop.common.tracing.Traceparent;
import org.mdcoop.fusion.api.FusionTestSupport.Point;
import org.mdcoop.fusion.api.FusionTestSupport.TailProbe;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The fusion hop of a trace: reports sent with a {@code traceparent} header (as exercise-service sends its injects and
 * the outbox relay a REST batch) are fused in a span of that trace, and the fused track updates they produce leave
 * with that span's traceparent, so the consumer of the tracks (exercise-service's scoring) continues the same trace.
 */
@QuarkusTest
class TraceThroughFusionTest {

    @Inject
    InMemorySpanExporter spans;

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
    void tracedReportsAreFusedInASpanOfTheirTraceAndTheTrackUpdatesCarryIt() {
        String sensor = registerSensor(natoOperator(), "NATO-TRACE-" + run, 52, 21, 30);
        UUID exercise = runExercise(sensor);
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String senderSpanId = HexFormat.of().formatHex(randomBytes(8));
        String traceparent = "00-" + traceId + "-" + senderSpanId + "-01";

        try (TailProbe tracks = new TailProbe(TRACKS_TOPIC)) {
            List<Point> points = arc(20, Duration.ofSeconds(3), 30, 11);
            for (int k = 0; k < points.size(); k++) {
                SensorReportMessage m = report(run + "-trace-" + k, sensor, Party.NATO, points.get(k), 30.0, exercise);
                ProducerRecord<String, String> record = new ProducerRecord<>(REPORTS_TOPIC,
                        SensorReportMessage.streamOf(exercise), EventSerde.toJson(reportEnvelope(m)));
                Traceparent.addTo(record.headers(), traceparent);
                producer().send(record);
            }
            producer().flush();

            List<ConsumerRecord<String, String>> updates = await("the track's updates").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(300)).until(() -> updatesOf(tracks.poll(), exercise),
                            list -> !list.isEmpty());

            // every update of the exercise's track is in the reports' trace, below a span of this service
            assertThat(updates).allSatisfy(r -> {
                assertThat(Traceparent.in(r.headers())).startsWith("00-" + traceId + "-");
                assertThat(Traceparent.in(r.headers())).doesNotContain(senderSpanId);
            });
            // that span is a fusion scan, child of the sender's span
            Set<String> scanSpans = await("the scans' spans").atMost(Duration.ofSeconds(10))
                    .until(() -> spans.getFinishedSpanItems().stream()
                            .filter(s -> s.getTraceId().equals(traceId))
                            .filter(s -> s.getName().equals("fusion scan"))
                            .filter(s -> s.getKind() == SpanKind.CONSUMER)
                            .filter(s -> s.getParentSpanId().equals(senderSpanId))
                            .map(SpanData::getSpanId).collect(Collectors.toSet()), set -> !set.isEmpty());
            assertThat(updates).allSatisfy(r -> assertThat(scanSpans).contains(spanIdOf(Traceparent.in(r.headers()))));
        }
    }

    private static List<ConsumerRecord<String, String>> updatesOf(List<ConsumerRecord<String, String>> records,
            UUID exercise) {
        return records.stream()
                .filter(r -> r.value() != null && r.value().contains(FusedTrackMessage.TYPE))
                .filter(r -> {
                    var event = EventSerde.fromJson(r.value());
                    return FusedTrackMessage.TYPE.equals(event.type())
                            && exercise.equals(EventSerde.payloadAs(event, FusedTrackMessage.class).exerciseId());
                }).toList();
    }

    private static String spanIdOf(String traceparent) {
        return traceparent.split("-")[2];
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1; // never the invalid all-zero id
        return bytes;
    }
}

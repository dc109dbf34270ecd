package org.mdcoop.exercise.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mdcoop.exercise.api.ExerciseApi.freshFutureWindow;
import static org.mdcoop.exercise.api.ExerciseApi.natoPlanner;
import static org.mdcoop.exercise.api.ExerciseApi.proposal;
import static org.mdcoop.exercise.api.ExerciseApi.propose;
import static org.mdcoop.exercise.api.ExerciseApi.russianPlanner;
import static org.mdcoop.exercise.api.ExerciseApi.srbm;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One trace across a Kafka hop: a withdrawal sent in a trace (the {@code traceparent} header agreement-service's relay
 * puts on the status) halts the agreement's exercises in a consumer span of that trace, and the {@code exercise.halted}
 * event leaves through this service's outbox with the same trace id in its header. agreement-service's
 * {@code TraceToKafkaTest} shows the first half: a REST withdrawal's trace on the status it sends.
 */
@QuarkusTest
class TraceAcrossKafkaTest {

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

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1; // never the invalid all-zero id
        return bytes;
    }
}

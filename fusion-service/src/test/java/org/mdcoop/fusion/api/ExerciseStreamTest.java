package org.mdcoop.fusion.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.mdcoop.fusion.api.FusionTestSupport.REPORTS_DLQ;
import static org.mdcoop.fusion.api.FusionTestSupport.REPORTS_TOPIC;
import static org.mdcoop.fusion.api.FusionTestSupport.announceExercise;
import static org.mdcoop.fusion.api.FusionTestSupport.arc;
import static org.mdcoop.fusion.api.FusionTestSupport.natoOperator;
import static org.mdcoop.fusion.api.FusionTestSupport.registerSensor;
import static org.mdcoop.fusion.api.FusionTestSupport.report;
import static org.mdcoop.fusion.api.FusionTestSupport.reportEnvelope;
import static org.mdcoop.fusion.api.FusionTestSupport.restReport;
import static org.mdcoop.fusion.api.FusionTestSupport.runExercise;
import static org.mdcoop.fusion.api.FusionTestSupport.russianOperator;
import static org.mdcoop.fusion.api.FusionTestSupport.send;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.fusion.api.FusionTestSupport.Point;
import org.mdcoop.fusion.api.FusionTestSupport.TailProbe;
import org.mdcoop.fusion.domain.ExerciseStream;
import org.mdcoop.fusion.service.ExerciseStreams;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An exercise's stream takes a report only while the exercise-service says the exercise is RUNNING, from a party
 * taking part, for a sensor its run declared: over REST (400 with the reason) and over Kafka (dead letter with the
 * reason); the exercise's end closes the stream on every path.
 */
@QuarkusTest
class ExerciseStreamTest {

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

    private static Map<String, Object> exerciseReport(String id, String sensor, Point p, UUID exerciseId) {
        Map<String, Object> m = restReport(id, sensor, p, 60);
        m.put("exercise", true);
        m.put("exerciseId", exerciseId.toString());
        return m;
    }

    @Test
    void restReportsJoinOnlyARunningExerciseThroughASensorItDeclared() {
        String declared = registerSensor(natoOperator(), "NATO-XS-A-" + run, 52, 21, 60);
        String other = registerSensor(natoOperator(), "NATO-XS-B-" + run, 52, 22, 60);
        UUID exercise = runExercise(declared);
        UUID unknown = UUID.randomUUID();
        Point p = arc(3, Duration.ofSeconds(5), 30, 1).get(0);

        natoOperator().body(List.of(exerciseReport(run + "-ok", declared, p, exercise))).post("/api/reports")
                .then().statusCode(200).body("accepted", equalTo(1));
        natoOperator().body(List.of(
                exerciseReport(run + "-unknown", declared, p, unknown),
                exerciseReport(run + "-undeclared", other, p, exercise))).post("/api/reports")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", containsString("invalid-reports"))
                .body("accepted", equalTo(0))
                .body("errors[0].field", equalTo("[0]"))
                .body("errors[0].message", containsString("exercise " + unknown + " is not running"))
                .body("errors[1].field", equalTo("[1]"))
                .body("errors[1].message", containsString("sensor " + other + " is not declared in exercise"));
        // nothing of the refused reports was stored
        natoOperator().get("/api/reports?sensorId=" + other).then().statusCode(200).body("size()", equalTo(0));

        // the exercise completes: its stream takes nothing more (every instance re-reads within seconds)
        announceExercise(exercise, "exercise.completed", "COMPLETED", null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> natoOperator()
                .body(List.of(exerciseReport(run + "-after-" + System.nanoTime(), declared, p, exercise)))
                .post("/api/reports").then().statusCode(400)
                .body("errors[0].message", containsString("is COMPLETED, not RUNNING")));
        // a replayed start cannot reopen it
        announceExercise(exercise, "exercise.started", "RUNNING", List.of(declared));
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() -> {
            ExerciseStream known = Arc.container().instance(ExerciseStreams.class).get().known(exercise);
            return known != null && known.ended();
        });
    }

    @Test
    void aPartyTakingNoPartCannotJoinAndKafkaReportsOfAnUnknownExerciseAreDeadLettered() {
        String russian = registerSensor(russianOperator(), "RU-XS-" + run, 55, 37, 90);
        UUID natoOnly = UUID.randomUUID();
        announceExercise(natoOnly, "exercise.started", "RUNNING", List.of(russian), null);
        await().atMost(Duration.ofSeconds(20)).until(
                () -> Arc.container().instance(ExerciseStreams.class).get().known(natoOnly) != null);
        Point p = arc(3, Duration.ofSeconds(5), 30, 2).get(0);
        russianOperator().body(List.of(exerciseReport(run + "-ru", russian, p, natoOnly))).post("/api/reports")
                .then().statusCode(400)
                .body("errors[0].message", containsString("RUSSIA takes no part in exercise " + natoOnly));

        UUID unknown = UUID.randomUUID();
        try (TailProbe dlq = new TailProbe(REPORTS_DLQ)) {
            send(REPORTS_TOPIC, "exercise:" + unknown, EventSerde.toJson(reportEnvelope(
                    report(run + "-kafka-unknown", russian, Party.RUSSIA, p, 90, unknown))));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(dlq.poll()).anySatisfy(r -> {
                assertThat(r.value()).contains(run + "-kafka-unknown");
                assertThat(reason(r)).contains("exercise " + unknown + " is not running at the fusion centre");
            }));
        }
    }

    private static String reason(ConsumerRecord<String, String> record) {
        Header h = record.headers().lastHeader("dead-letter-reason");
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }
}

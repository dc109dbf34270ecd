package org.mdcoop.exercise.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.mdcoop.exercise.api.ExerciseApi.approve;
import static org.mdcoop.exercise.api.ExerciseApi.command;
import static org.mdcoop.exercise.api.ExerciseApi.natoPlanner;
import static org.mdcoop.exercise.api.ExerciseApi.proposal;
import static org.mdcoop.exercise.api.ExerciseApi.propose;
import static org.mdcoop.exercise.api.ExerciseApi.russianPlanner;
import static org.mdcoop.exercise.api.ExerciseApi.srbm;
import static org.mdcoop.exercise.api.ExerciseApi.startableWindow;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mdcoop.common.events.SensorReportMessage;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * Fail closed while running: when the agreement-service's heartbeat is not heard, a running exercise pauses its
 * injects (no reports published) and new exercises are refused with 503; when it returns the run goes on. A short
 * heartbeat timeout and a slower pacing, so the pause fits well inside the scenario.
 */
@QuarkusTest
@TestProfile(ExerciseSuspensionTest.ShortHeartbeatTimeout.class)
class ExerciseSuspensionTest {

    private static final String SENSOR_REPORTS_TOPIC = org.eclipse.microprofile.config.ConfigProvider.getConfig()
            .getValue("mdcoop.exercise.sensor-reports-topic", String.class);

    public static class ShortHeartbeatTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mdcoop.cooperation.heartbeat-timeout", "4s", "mdcoop.exercise.pacing-factor", "10");
        }
    }

    @AfterAll
    static void noTestAgreementLeftInForce() {
        AgreementStatusFeed.endIfInForce();
    }

    @Test
    void aLostHeartbeatPausesTheInjectsOfARunningExerciseUntilItReturns() {
        UUID agreement = AgreementStatusFeed.ensureInForce();
        try (TopicTail topic = new TopicTail(SENSOR_REPORTS_TOPIC)) {
            String id = propose(russianPlanner(), proposal("Paused run", startableWindow(), srbm(0)));
            approve(natoPlanner(), id, 1).statusCode(200);
            command(russianPlanner(), id, "start").statusCode(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> reportsOf(topic, id).size() >= 5);

            AgreementStatusFeed.feed().silence(agreement);
            await("suspended").atMost(Duration.ofSeconds(20))
                    .until(() -> "SUSPENDED".equals(AgreementStatusFeed.stateOf(agreement)));
            // and the platform team sees it in the metrics
            await("suspension in the metrics").atMost(Duration.ofSeconds(10))
                    .until(() -> believed("JOINT_EXERCISES").equals("SUSPENDED"));

            // no report for three seconds on end (a batch in flight when the silence began may still land)
            AtomicInteger last = new AtomicInteger(-1);
            await("injects paused").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(15)).until(() -> {
                int now = reportsOf(topic, id).size();
                return last.getAndSet(now) == now;
            });
            int paused = reportsOf(topic, id).size();
            natoPlanner().get("/api/exercises/" + id).then().statusCode(200).body("status", equalTo("RUNNING"));
            russianPlanner().body(proposal("Not now", startableWindow(), srbm(0))).post("/api/exercises").then()
                    .statusCode(503).contentType("application/problem+json")
                    .body("type", equalTo("urn:mdcoop:problem:cooperation-status-unknown"));

            AgreementStatusFeed.feed().resume(agreement);
            await("resumed").atMost(Duration.ofSeconds(20))
                    .until(() -> "IN_FORCE".equals(AgreementStatusFeed.stateOf(agreement)));
            await("in force in the metrics").atMost(Duration.ofSeconds(10))
                    .until(() -> believed("JOINT_EXERCISES").equals("IN_FORCE"));
            await("injects again").atMost(Duration.ofSeconds(20)).until(() -> reportsOf(topic, id).size() > paused);
            assertThat(reportsOf(topic, id)).hasSizeGreaterThan(paused);

            command(russianPlanner(), id, "complete").statusCode(200);
        }
        AgreementStatusFeed.endIfInForce();
        await("ended in the metrics").atMost(Duration.ofSeconds(10))
                .until(() -> believed("JOINT_EXERCISES").equals("NOT_IN_FORCE"));
    }

    /** The one state {@code mdcoop_cooperation_state} says 1 for, for the element; fails if not exactly one. */
    private static String believed(String element) {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^mdcoop_cooperation_state\\{([^}]*)} (\\S+)$").matcher(metrics);
        List<String> ones = new java.util.ArrayList<>();
        int rows = 0;
        while (m.find()) {
            if (!m.group(1).contains("element=\"" + element + "\"")) {
                continue;
            }
            rows++;
            if (Double.parseDouble(m.group(2)) == 1.0) {
                Matcher state = Pattern.compile("state=\"([A-Z_]+)\"").matcher(m.group(1));
                assertThat(state.find()).isTrue();
                ones.add(state.group(1));
            }
        }
        assertThat(rows).as("one row per state").isEqualTo(3);
        assertThat(ones).as("exactly one state holds").hasSize(1);
        return ones.get(0);
    }

    private static List<TopicTail.Received> reportsOf(TopicTail topic, String exerciseId) {
        return topic.poll(r -> SensorReportMessage.TYPE.equals(r.event().type())
                && exerciseId.equals(r.event().payload().path("exerciseId").asText()));
    }
}

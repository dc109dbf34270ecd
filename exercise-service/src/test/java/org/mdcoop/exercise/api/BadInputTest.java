package org.mdcoop.exercise.api;

import static org.mdcoop.common.testing.BadInputContract.BadCase.get;
import static org.mdcoop.common.testing.BadInputContract.BadCase.post;
import static org.mdcoop.exercise.api.ExerciseApi.srbm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.mdcoop.common.security.Roles;
import org.mdcoop.common.testing.BadInputContract;
import org.mdcoop.common.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Bad input against the exercise API: the shared cases plus exercise details, scenario injects, declared sensors,
 * approvals and the calendar. JOINT_EXERCISES is in force throughout, so nothing stops at 409 before the field checks.
 */
@QuarkusTest
class BadInputTest extends BadInputContract {

    private static final String EXERCISES = "/api/exercises";
    private static final String SOME_ID = UUID.randomUUID().toString();
    private static final String WINDOW = "{\"start\":\"2035-06-01T00:00:00Z\",\"end\":\"2035-06-01T20:00:00Z\"}";
    private static final String SENSOR = "{\"sensorId\":\"NATO-1\",\"party\":\"NATO\",\"latDeg\":50.0,\"lonDeg\":20.0,"
            + "\"altM\":100.0,\"sigmaM\":50.0,\"revisitS\":1.0}";

    @Inject
    DataSource dataSource;

    @Override
    protected void prepare() {
        AgreementStatusFeed.ensureInForce();
    }

    @AfterAll
    static void noTestAgreementLeftInForce() {
        AgreementStatusFeed.endIfInForce();
    }

    @Override
    protected String writePath() {
        return EXERCISES;
    }

    @Override
    protected String validBody() {
        return proposal("\"name\":\"Bad input\"");
    }

    @Override
    protected String byIdPath() {
        return EXERCISES + "/{id}";
    }

    @Override
    protected String token() {
        return TestTokens.nato(Roles.EXERCISE_PLANNER);
    }

    @Override
    protected Map<String, Long> dataSnapshot() {
        Map<String, Long> data = new LinkedHashMap<>(listed(token(), EXERCISES));
        data.putAll(rowCounts(dataSource, "exercise", "exercise_run", "after_action_report", "outbox"));
        return data;
    }

    @Override
    protected Stream<BadCase> serviceCases() {
        String approve = EXERCISES + "/" + SOME_ID + "/approve";
        String cancel = EXERCISES + "/" + SOME_ID + "/cancel";
        return Stream.of(
                post("kind not in the enum", EXERCISES, replace("\"kind\":\"COMPUTER_ASSISTED\"", "\"kind\":\"WAR\""),
                        400, "validation", "kind"),
                post("kind by its ordinal", EXERCISES, replace("\"kind\":\"COMPUTER_ASSISTED\"", "\"kind\":1"),
                        400, "validation", "kind"),
                post("name as a number", EXERCISES, proposal("\"name\":12"), 400, "validation", "name"),
                post("name over 200 characters", EXERCISES, proposal("\"name\":\"" + text(201) + "\""),
                        400, "validation", "name"),
                post("name blank", EXERCISES, proposal("\"name\":\"   \""), 400, "validation", "name"),
                post("window ends before it starts", EXERCISES, replace(WINDOW,
                        "{\"start\":\"2035-06-02T00:00:00Z\",\"end\":\"2035-06-01T00:00:00Z\"}"),
                        400, "validation", "window.end"),
                post("window start not a timestamp", EXERCISES, replace("2035-06-01T00:00:00Z", "tomorrow"),
                        400, "validation", "window.start"),
                post("injects as a string", EXERCISES, replace("\"injects\":[" + srbm(60) + "]", "\"injects\":\"one\""),
                        400, "validation", "injects"),
                post("missile class not in the enum", EXERCISES, replace("\"SRBM\"", "\"XRBM\""),
                        400, "validation", "injects[0].missileClass"),
                post("launch latitude 91", EXERCISES, replace("\"launchLat\":45.0", "\"launchLat\":91"),
                        400, "validation", "injects[0].launchLat"),
                post("negative time offset", EXERCISES, replace("\"timeOffsetS\":60.0", "\"timeOffsetS\":-60"),
                        400, "validation", "injects[0].timeOffsetS"),
                post("burnout speed over 8 km/s", EXERCISES, replace("\"burnoutSpeedKmS\":2.6", "\"burnoutSpeedKmS\":9"),
                        400, "validation", "injects[0].burnoutSpeedKmS"),
                post("burnout speed as words", EXERCISES,
                        replace("\"burnoutSpeedKmS\":2.6", "\"burnoutSpeedKmS\":\"fast\""),
                        400, "validation", "injects[0].burnoutSpeedKmS"),
                post("201 injects", EXERCISES, replace("\"injects\":[" + srbm(60) + "]",
                        "\"injects\":[" + String.join(",", Collections.nCopies(201, srbm(60))) + "]"),
                        400, "validation", "injects"),
                post("empty sensor list", EXERCISES, withSensors(""), 400, "validation", "sensors"),
                post("sensor sigma negative", EXERCISES, withSensors(SENSOR.replace("\"sigmaM\":50.0", "\"sigmaM\":-5")),
                        400, "validation", "sensors[0].sigmaM"),
                post("sensor of a third party", EXERCISES, withSensors(SENSOR.replace("\"NATO\"", "\"CHINA\"")),
                        400, "validation", "sensors[0].party"),
                post("sensor latitude 91", EXERCISES, withSensors(SENSOR.replace("\"latDeg\":50.0", "\"latDeg\":91")),
                        400, "validation", "sensors[0].latDeg"),
                post("sensor revisit 0 s", EXERCISES, withSensors(SENSOR.replace("\"revisitS\":1.0", "\"revisitS\":0")),
                        400, "validation", "sensors[0].revisitS"),
                post("51 sensors", EXERCISES, withSensors(String.join(",", Collections.nCopies(51, SENSOR))),
                        400, "validation", "sensors"),
                post("approved scenario version 0", approve, "{\"scenarioVersion\":0}",
                        400, "validation", "scenarioVersion"),
                post("approved scenario version as words", approve, "{\"scenarioVersion\":\"one\"}",
                        400, "validation", "scenarioVersion"),
                post("approved scenario version beyond int", approve, "{\"scenarioVersion\":99999999999}",
                        400, "validation", "scenarioVersion"),
                post("cancellation reason blank", cancel, "{\"reason\":\" \"}", 400, "validation", "reason"),
                post("cancellation reason over 1000 characters", cancel, "{\"reason\":\"" + text(1001) + "\"}",
                        400, "validation", "reason"),
                post("report approval revision 0", EXERCISES + "/" + SOME_ID + "/report/approve", "{\"revision\":0}",
                        400, "validation", "revision"),
                get("calendar year 1999", EXERCISES + "/calendar?year=1999", 400, "validation", "year"),
                get("calendar year as words", EXERCISES + "/calendar?year=next", 400, "invalid-parameter", null),
                get("calendar without a year", EXERCISES + "/calendar", 400, "validation", "year"),
                get("status filter not in the enum", EXERCISES + "?status=FINISHED", 400, "invalid-parameter", null),
                get("host of a third party", EXERCISES + "?host=CHINA", 400, "invalid-parameter", null),
                new BadCase("participant id that is not a UUID", "DELETE",
                        EXERCISES + "/" + SOME_ID + "/participants/not-a-uuid", "{}", 400, "invalid-parameter", null,
                        null),
                // issue 19: each was a 500
                post("approved scenario version given twice", approve, "{\"scenarioVersion\":1,\"scenarioVersion\":2}",
                        400, "duplicate-field", "scenarioVersion"),
                post("cancellation reason given twice", cancel, "{\"reason\":\"a\",\"reason\":\"b\"}",
                        400, "duplicate-field", "reason"),
                post("report approval revision given twice", EXERCISES + "/" + SOME_ID + "/report/approve",
                        "{\"revision\":1,\"revision\":2}", 400, "duplicate-field", "revision"),
                post("report comment text given twice", EXERCISES + "/" + SOME_ID + "/report/comments",
                        "{\"text\":\"a\",\"text\":\"b\"}", 400, "duplicate-field", "text"),
                post("window start near Instant.MAX", EXERCISES, replace(WINDOW,
                        "{\"start\":\"+1000000000-12-31T23:59:58Z\",\"end\":\"+1000000000-12-31T23:59:59Z\"}"),
                        400, "validation", "window.start"),
                post("window start near Instant.MIN", EXERCISES, replace(WINDOW,
                        "{\"start\":\"-1000000000-01-01T00:00:00Z\",\"end\":\"-1000000000-01-01T20:00:00Z\"}"),
                        400, "validation", "window.start"),
                post("window end in the year 10000", EXERCISES, replace("\"end\":\"2035-06-01T20:00:00Z\"",
                        "\"end\":\"+10000-06-01T20:00:00Z\""), 400, "validation", "window.end"),
                post("window start as epoch seconds beyond Instant", EXERCISES, replace("\"2035-06-01T00:00:00Z\"",
                        "1e30"), 400, "validation", "window.start"),
                post("name with U+0000", EXERCISES, proposal("\"name\":\"a\\u0000b\""), 400, "validation", "name"),
                post("name with a lone surrogate", EXERCISES, proposal("\"name\":\"\\udc00\""),
                        400, "validation", "name"),
                post("participant name with U+0000", EXERCISES + "/" + SOME_ID + "/participants",
                        "{\"name\":\"\\u0000\",\"role\":\"umpire\"}", 400, "validation", "name"),
                get("exercise id with U+0000", EXERCISES + "/X%00", 400, null, null),
                get("calendar year with U+0000", EXERCISES + "/calendar?year=2035%00", 400, null, null));
    }

    private static String proposal(String nameMember) {
        return "{" + nameMember + ",\"kind\":\"COMPUTER_ASSISTED\",\"window\":" + WINDOW + ",\"injects\":["
                + srbm(60) + "]}";
    }

    /** The valid proposal with one piece replaced. */
    private String replace(String piece, String replacement) {
        String body = validBody();
        if (!body.contains(piece)) {
            throw new IllegalArgumentException(piece + " is not in " + body);
        }
        return body.replace(piece, replacement);
    }

    private String withSensors(String sensors) {
        return withField(validBody(), "\"sensors\":[" + sensors + "]");
    }
}

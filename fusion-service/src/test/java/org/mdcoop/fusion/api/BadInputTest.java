package org.mdcoop.fusion.api;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.mdcoop.common.testing.BadInputContract.BadCase.get;
import static org.mdcoop.common.testing.BadInputContract.BadCase.post;
import static org.mdcoop.common.testing.BadInputContract.BadCase.put;
import static org.mdcoop.fusion.api.FusionTestSupport.as;
import static org.mdcoop.fusion.api.FusionTestSupport.publishStatus;

import java.time.Duration;
import java.time.Instant;
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
 * Bad input against the fusion API: the shared cases plus sensor registration and report batches. The centre is
 * open throughout, so report batches reach the report-by-report checks (a batch of only refused reports stores
 * nothing) instead of stopping at 409. Sensor and track ids are free text, not UUIDs: an id of any shape is 404.
 */
@QuarkusTest
class BadInputTest extends BadInputContract {

    private static final String SENSORS = "/api/sensors";
    private static final String REPORTS = "/api/reports";
    private static final UUID AGREEMENT = UUID.randomUUID();
    private static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    @Inject
    DataSource dataSource;

    @Override
    protected void prepare() {
        publishStatus(AGREEMENT, "PROVISIONAL", true, Instant.now());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(TestTokens.nato(Roles.ANALYST))
                .get("/api/picture").then().statusCode(200)
                .body("centreOpen", equalTo(true)).body("agreementId", equalTo(AGREEMENT.toString())));
    }

    @AfterAll
    static void closeTheCentre() {
        publishStatus(AGREEMENT, "WITHDRAWN", false, Instant.now());
    }

    @Override
    protected String writePath() {
        return SENSORS;
    }

    @Override
    protected String validBody() {
        return "{\"id\":\"BAD-INPUT-1\",\"type\":\"EARLY_WARNING_RADAR\",\"latDeg\":50.0,\"lonDeg\":10.0,"
                + "\"altM\":100.0,\"sigmaM\":50.0,\"revisitS\":1.0}";
    }

    @Override
    protected String byIdPath() {
        return SENSORS + "/{id}";
    }

    @Override
    protected int statusForIdThatIsNotAUuid() {
        return 404;
    }

    @Override
    protected String token() {
        return TestTokens.nato(Roles.FUSION_OPERATOR);
    }

    @Override
    protected Map<String, Long> dataSnapshot() {
        // tracks are left out: the tracker coasts and deletes earlier tests' tracks on its own time
        Map<String, Long> data = new LinkedHashMap<>();
        listed(TestTokens.nato(Roles.FUSION_OPERATOR), SENSORS).forEach((k, v) -> data.put("nato:" + k, v));
        listed(TestTokens.russia(Roles.FUSION_OPERATOR), SENSORS).forEach((k, v) -> data.put("russia:" + k, v));
        data.putAll(rowCounts(dataSource, "sensor", "report", "outbox"));
        return data;
    }

    @Override
    protected Stream<BadCase> serviceCases() {
        return Stream.of(
                post("sensor type not in the enum", SENSORS, sensor("\"EARLY_WARNING_RADAR\"", "\"LASER\""),
                        400, "validation", "type"),
                post("sensor type by its ordinal", SENSORS, sensor("\"EARLY_WARNING_RADAR\"", "0"),
                        400, "validation", "type"),
                post("sensor id with spaces and punctuation", SENSORS, sensor("\"BAD-INPUT-1\"", "\"BAD INPUT!\""),
                        400, "validation", "id"),
                post("sensor id over 64 characters", SENSORS, sensor("\"BAD-INPUT-1\"", "\"" + text(65) + "\""),
                        400, "validation", "id"),
                post("sensor id blank", SENSORS, sensor("\"BAD-INPUT-1\"", "\"\""), 400, "validation", "id"),
                post("sensor latitude 91", SENSORS, sensor("\"latDeg\":50.0", "\"latDeg\":91"),
                        400, "validation", "latDeg"),
                post("sensor longitude 181", SENSORS, sensor("\"lonDeg\":10.0", "\"lonDeg\":181"),
                        400, "validation", "lonDeg"),
                post("sensor altitude beyond double", SENSORS, sensor("\"altM\":100.0", "\"altM\":1e309"),
                        400, "validation", "altM"),
                post("sensor sigma negative", SENSORS, sensor("\"sigmaM\":50.0", "\"sigmaM\":-50"),
                        400, "validation", "sigmaM"),
                post("sensor sigma as words", SENSORS, sensor("\"sigmaM\":50.0", "\"sigmaM\":\"fifty\""),
                        400, "validation", "sigmaM"),
                post("sensor revisit 0 s", SENSORS, sensor("\"revisitS\":1.0", "\"revisitS\":0"),
                        400, "validation", "revisitS"),
                post("sensor located both ways", SENSORS, sensor("\"altM\":100.0", "\"altM\":100.0,\"xM\":1.0"),
                        400, "validation", "location"),
                post("sensor without a location", SENSORS,
                        sensor("\"latDeg\":50.0,\"lonDeg\":10.0,\"altM\":100.0,", ""), 400, "validation", "location"),
                put("sensor version as words", SENSORS + "/BAD-INPUT-1",
                        sensor("\"id\":\"BAD-INPUT-1\",", "").replace("}", ",\"version\":\"latest\"}"),
                        400, "validation", "version"),
                post("empty report batch", REPORTS, "[]", 400, "validation", "body"),
                post("report batch of 2001", REPORTS, batchOf(2001), 400, "validation", "body"),
                post("report batch of 10001", REPORTS, batchOf(10_001), 400, "validation", "body"),
                post("one report instead of a batch", REPORTS, report("", ""),
                        400, "malformed-body", null),
                post("report position as words", REPORTS, batch(report("\"xM\":6400000.0", "\"xM\":\"far\"")),
                        400, "validation", "[0].xM"),
                post("report time not a timestamp", REPORTS, batch(report("\"t\":\"" + now() + "\"", "\"t\":\"now\"")),
                        400, "validation", "[0].t"),
                post("report exercise id not a UUID", REPORTS,
                        batch(report("\"sigmaM\":100.0", "\"sigmaM\":100.0,\"exerciseId\":\"exercise-7\"")),
                        400, "validation", "[0].exerciseId"),
                post("report of a sensor nobody registered", REPORTS, batch(report("", "")),
                        400, "invalid-reports", "[0]"),
                post("report at the centre of the Earth", REPORTS, batch(report("\"xM\":6400000.0", "\"xM\":0.0")),
                        400, "invalid-reports", "[0]"),
                post("report id over 128 characters", REPORTS,
                        batch(report("\"reportId\":\"bad-input-r1\"", "\"reportId\":\"" + text(129) + "\"")),
                        400, "invalid-reports", "[0]"),
                post("report an hour in the future", REPORTS,
                        batch(report("\"t\":\"" + now() + "\"", "\"t\":\"" + Instant.now().plusSeconds(3600) + "\"")),
                        400, "invalid-reports", "[0]"),
                post("report moving faster than 12 km/s", REPORTS, batch(report("\"sigmaM\":100.0",
                        "\"sigmaM\":100.0,\"vxMps\":20000.0,\"vyMps\":0.0,\"vzMps\":0.0")),
                        400, "invalid-reports", "[0]"),
                get("picture of an exercise id that is not a UUID", "/api/picture?exerciseId=exercise-7",
                        400, "invalid-parameter", null).as(TestTokens.nato(Roles.ANALYST)),
                get("track history limit 0", "/api/tracks/some-track?limit=0", 400, "validation", "limit"),
                get("track history limit over 10000", "/api/tracks/some-track?limit=10001",
                        400, "validation", "limit"),
                get("raw reports without a sensor id", REPORTS + "?sensorId=", 400, "validation", "sensorId"),
                get("raw reports limit over 1000", REPORTS + "?sensorId=BAD-INPUT-1&limit=1001",
                        400, "validation", "limit"),
                // issue 19: each was a 500 (PostgreSQL refuses U+0000) or accepted
                post("sensor id with U+0000", SENSORS, sensor("\"BAD-INPUT-1\"", "\"BAD\\u0000\""),
                        400, "validation", "id"),
                post("sensor sigma Infinity", SENSORS, sensor("\"sigmaM\":50.0", "\"sigmaM\":1e400"),
                        400, "validation", "sigmaM"),
                post("sensor revisit Infinity", SENSORS, sensor("\"revisitS\":1.0", "\"revisitS\":1e400"),
                        400, "validation", "revisitS"),
                post("report id with U+0000", REPORTS,
                        batch(report("\"reportId\":\"bad-input-r1\"", "\"reportId\":\"r\\u0000\"")),
                        400, "validation", "[0].reportId"),
                post("report id with a lone surrogate", REPORTS,
                        batch(report("\"reportId\":\"bad-input-r1\"", "\"reportId\":\"\\ud800\"")),
                        400, "validation", "[0].reportId"),
                post("report time in the year 10000", REPORTS,
                        batch(report("\"t\":\"" + now() + "\"", "\"t\":\"+10000-01-01T00:00:00Z\"")),
                        400, "validation", "[0].t"),
                post("report time near Instant.MIN", REPORTS,
                        batch(report("\"t\":\"" + now() + "\"", "\"t\":\"-1000000000-01-01T00:00:00Z\"")),
                        400, "validation", "[0].t"),
                post("report covariance not positive definite", REPORTS, batch(report("\"sigmaM\":100.0",
                        "\"covariance\":[1.0,0.9,0.9,0.9,1.0,-0.9,0.9,-0.9,1.0]")),
                        400, null, "[0]"),
                get("sensor id with U+0000", SENSORS + "/X%00", 400, "validation", "id"),
                get("track id with U+0000", "/api/tracks/X%00", 400, "validation", "id"),
                get("raw reports of a sensor id with U+0000", REPORTS + "?sensorId=X%00", 400, "validation", "sensorId"));
    }

    private String sensor(String piece, String replacement) {
        String body = validBody();
        if (!body.contains(piece)) {
            throw new IllegalArgumentException(piece + " is not in " + body);
        }
        return body.replace(piece, replacement);
    }

    /** A report of a sensor that is not registered (so never accepted), with one piece replaced. */
    private static String report(String piece, String replacement) {
        String report = "{\"reportId\":\"bad-input-r1\",\"sensorId\":\"NOT-REGISTERED\",\"t\":\"" + now() + "\","
                + "\"xM\":6400000.0,\"yM\":0.0,\"zM\":100000.0,\"sigmaM\":100.0}";
        if (!report.contains(piece)) {
            throw new IllegalArgumentException(piece + " is not in " + report);
        }
        return piece.isEmpty() ? report : report.replace(piece, replacement);
    }

    private static String batch(String... reports) {
        return "[" + String.join(",", reports) + "]";
    }

    private static String batchOf(int size) {
        return "[" + String.join(",", Collections.nCopies(size, "{}")) + "]";
    }

    /** One instant for every case, so a piece to replace is found in the body it was written into. */
    private static Instant now() {
        return NOW;
    }
}

package org.mdcoop.common.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.oneOf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * What every service must prove about bad input (docs/api-errors.md): malformed JSON, wrong shapes, bodies over
 * the 1 MB limit (with and without Content-Length), 10,000-deep nesting, unknown fields, wrong content types, path
 * ids that are not UUIDs, plus the service's own cases (wrong types, overlong strings, invalid enum values,
 * out-of-range numbers) from {@link #serviceCases()}. Each is a precise 4xx answered as problem+json, never a 5xx;
 * after all of them the service is ready and its data is exactly as before (its list endpoint, its tables and its
 * outbox, counted by the first test and again by the last).
 *
 * <p>Each service runs it as a {@code @QuarkusTest} subclass against the real PostgreSQL and broker of the local
 * stack. The cases aim at one write endpoint and one by-id endpoint the subclass names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class BadInputContract {

    protected static final String PROBLEM_JSON = "application/problem+json";
    protected static final String TYPE = "urn:mdcoop:problem:";
    /** {@code mdcoop.http.max-body-size} in common's configuration. */
    protected static final int MAX_BODY_BYTES = 1024 * 1024;
    /** Enough repeats that a one-in-ten race in refusing an upload shows up (0.9^20: 12% chance to slip through). */
    private static final int REFUSED_UPLOAD_ATTEMPTS = 20;
    /** Jackson's default maximum nesting depth is 1,000; this is ten times over. */
    protected static final int DEEP = 10_000;

    private Map<String, Long> before;

    // ------------------------------------------------------------------ what the service provides

    /** A write endpoint taking a JSON object, e.g. {@code /api/agreements}. */
    protected abstract String writePath();

    /** The method of {@link #writePath()}. */
    protected String writeMethod() {
        return "POST";
    }

    /** A JSON object {@link #writePath()} would accept; the cases break it or wrap it, never send it as it is. */
    protected abstract String validBody();

    /** A by-id endpoint readable with {@link #token()}, with {@code {id}} for the id, e.g. {@code /api/agreements/{id}}. */
    protected abstract String byIdPath();

    /** A token whose party and role may call both endpoints. */
    protected abstract String token();

    /**
     * What the service holds, as counts by name: rows its list endpoint shows and rows of its main tables and of its
     * outbox (see {@link #rowCounts}). Compared before the first case and after the last.
     */
    protected abstract Map<String, Long> dataSnapshot();

    /** The service's own cases: its real fields with wrong types, overlong strings, invalid enums, numbers out of range. */
    protected abstract Stream<BadCase> serviceCases();

    /** Runs before the snapshot is taken, e.g. to put an agreement in force so that validation is reached. */
    protected void prepare() {
    }

    /** What a by-id path answers for an id that is not a UUID: 400 where ids are UUIDs. */
    protected int statusForIdThatIsNotAUuid() {
        return 400;
    }

    // ------------------------------------------------------------------ the lifecycle

    /** Runs first (the HTTP client is set up per test, so not in a {@code @BeforeAll}). */
    @Test
    @Order(Integer.MIN_VALUE)
    void beforeTheBadInputTheServiceIsReady() throws Exception {
        // the cases break or wrap the valid body: it must itself be a well-formed JSON object
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(validBody()).isObject())
                .as("validBody() is a JSON object").isTrue();
        prepare();
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        before = dataSnapshot();
        assertThat(before).as("the snapshot must count something").isNotEmpty();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void afterAllTheBadInputTheServiceIsReadyAndItsDataUnchanged() {
        assertThat(before).as("snapshot taken by the first test").isNotNull();
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"));
        assertThat(dataSnapshot()).as("data after the bad input").isEqualTo(before);
    }

    // ------------------------------------------------------------------ syntax

    @Test
    void truncatedJsonIsMalformed() {
        String valid = validBody();
        send(valid.substring(0, valid.length() / 2)).then().spec(problem(400, "malformed-body"));
    }

    @Test
    void textThatIsNotJsonIsMalformed() {
        send("this is not JSON at all").then().spec(problem(400, "malformed-body"));
    }

    @Test
    void singleQuotedJsonIsMalformed() {
        send(validBody().replace('"', '\'')).then().spec(problem(400, "malformed-body"));
    }

    @Test
    void garbageAfterTheObjectIsMalformed() {
        send(validBody() + " trailing garbage").then().spec(problem(400, "malformed-body"));
    }

    @Test
    void secondObjectAfterTheFirstIsRefused() {
        send(validBody() + validBody()).then().spec(problem(400, "malformed-body"));
    }

    @Test
    void invalidUtf8IsMalformed() {
        byte[] bytes = "{\"x\":\"\u00ff\u00fe\"}".getBytes(StandardCharsets.ISO_8859_1);
        request().contentType("application/json").body(bytes).request(writeMethod(), writePath())
                .then().spec(problem(400, "malformed-body"));
    }

    @Test
    void objectsNestedTenThousandDeepAreTooComplex() {
        String deep = "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP);
        send(deep).then().spec(problem(400, "body-too-complex"))
                .body("detail", containsString("1000"));
    }

    @Test
    void arraysNestedTenThousandDeepAreRefused() {
        String deep = "[".repeat(DEEP) + "]".repeat(DEEP);
        send(deep).then().spec(problem(400))
                .body("type", oneOf(TYPE + "malformed-body", TYPE + "body-too-complex"));
    }

    // ------------------------------------------------------------------ shape

    @Test
    void jsonArrayInsteadOfTheObjectIsRefused() {
        send("[" + validBody() + "]").then().spec(problem(400, "malformed-body"));
    }

    @Test
    void jsonStringInsteadOfTheObjectIsRefused() {
        send("\"" + UUID.randomUUID() + "\"").then().spec(problem(400, "malformed-body"));
    }

    @Test
    void jsonNumberInsteadOfTheObjectIsRefused() {
        send("42").then().spec(problem(400, "malformed-body"));
    }

    @Test
    void emptyBodyIsRefused() {
        send("").then().spec(problem(400, "validation"));
    }

    @Test
    void nullBodyIsRefused() {
        send("null").then().spec(problem(400, "validation"));
    }

    @Test
    void unknownFieldIsRefusedByName() {
        send(withField(validBody(), "\"unexpectedField\": 1")).then().spec(problem(400, "unknown-field"))
                .body("errors.field", hasItem("unexpectedField"));
    }

    @Test
    void serverOwnedPartyInTheBodyIsRefused() {
        send(withField(validBody(), "\"party\": \"RUSSIA\"")).then().spec(problem(400, "unknown-field"))
                .body("errors.field", hasItem("party"));
    }

    /**
     * A member given twice is refused by name (issue 19): Jackson used to keep the last one, and for a body of one
     * member its definition error became a bare 500.
     */
    @Test
    void memberGivenTwiceIsRefusedByName() throws Exception {
        com.fasterxml.jackson.databind.JsonNode valid = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(validBody());
        Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> first = valid.fields().next();
        send(withField(validBody(), "\"" + first.getKey() + "\":" + first.getValue()))
                .then().spec(problem(400, "duplicate-field"))
                .body("errors.field", hasItem(first.getKey()));
    }

    /** U+0000 cannot be stored by PostgreSQL: in a path id it is a 400, never a query that fails (issue 19). */
    @Test
    void nulInAnIdIsRefused() {
        request().urlEncodingEnabled(false).get(byId("X%00")).then().spec(problem(400));
        request().urlEncodingEnabled(false).get(byId("%00")).then().spec(problem(400));
    }

    // ------------------------------------------------------------------ size

    /**
     * Sent again and again because the way this used to fail was a race: the service answered and closed while the
     * upload was still arriving, and the reset dropped the answer about one time in ten (a failed CI run).
     */
    @Test
    void bodyOverOneMegabyteWithContentLengthIsTooLarge() throws Exception {
        String body = oversizedBody();
        for (int attempt = 0; attempt < REFUSED_UPLOAD_ATTEMPTS; attempt++) {
            assertTooLarge(raw("application/json", body, false));
        }
    }

    @Test
    void chunkedBodyOverOneMegabyteIsTooLarge() throws Exception {
        String body = oversizedBody();
        for (int attempt = 0; attempt < REFUSED_UPLOAD_ATTEMPTS; attempt++) {
            assertTooLarge(raw("application/json", body, true));
        }
    }

    @Test
    void bodyOverOneMegabyteIsTooLargeWhateverItsContentType() throws Exception {
        HttpResponse<String> response = raw("text/plain", oversizedBody(), false);
        assertTooLarge(response);
    }

    /**
     * An HTTP/2 body without a Content-Length cannot be refused before the REST layer reads it; Quarkus' own limit
     * answered it with a stream reset (a protocol error at the client) and logged an unexpected failure.
     */
    @Test
    void http2BodyOverOneMegabyteWithoutALengthIsTooLarge() throws Exception {
        HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        // the first request upgrades the cleartext connection to HTTP/2; the upload then goes over that connection
        http2.send(HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                + byIdPath().replace("{id}", UUID.randomUUID().toString())))
                .header("Authorization", "Bearer " + token()).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.discarding());
        byte[] oversized = oversizedBody().getBytes(StandardCharsets.UTF_8);
        for (int attempt = 0; attempt < 3; attempt++) {
            HttpResponse<String> response = http2.send(HttpRequest.newBuilder(
                    URI.create(RestAssured.baseURI + ":" + RestAssured.port + writePath()))
                    .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                    .method(writeMethod(), HttpRequest.BodyPublishers.ofInputStream(
                            () -> new ByteArrayInputStream(oversized)))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertTooLarge(response);
        }
    }

    /** Found by the system tests: a request without a body over HTTP/2 (h2c) must reach the endpoint, not a 500. */
    @Test
    void http2RequestsWithAndWithoutABodyAreAnsweredByTheEndpoint() throws Exception {
        HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        String byId = RestAssured.baseURI + ":" + RestAssured.port + byIdPath().replace("{id}", UUID.randomUUID().toString());
        for (String method : new String[] { "GET", "DELETE" }) {
            HttpResponse<String> response = http2.send(HttpRequest.newBuilder(URI.create(byId))
                    .header("Authorization", "Bearer " + token()).method(method, HttpRequest.BodyPublishers.noBody())
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(method + " " + byId + ": " + response.body()).isBetween(400, 499);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith(PROBLEM_JSON));
        }
        byte[] malformed = "{\"broken\": ".getBytes(StandardCharsets.UTF_8);
        for (HttpRequest.BodyPublisher body : new HttpRequest.BodyPublisher[] {
                HttpRequest.BodyPublishers.ofByteArray(malformed),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(malformed)) }) {
            HttpResponse<String> response = http2.send(HttpRequest.newBuilder(
                    URI.create(RestAssured.baseURI + ":" + RestAssured.port + writePath()))
                    .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                    .method(writeMethod(), body).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(response.body()).contains(TYPE + "malformed-body");
        }
    }

    @Test
    void bodyJustUnderTheLimitIsReadAndJudgedOnItsFields() {
        String start = withField(validBody(), "\"padding\": \"");
        String padding = "x".repeat(MAX_BODY_BYTES - start.length() - 64);
        send(withField(validBody(), "\"padding\": \"" + padding + "\"")).then().spec(problem(400, "unknown-field"))
                .body("errors.field", hasItem("padding"));
    }

    // ------------------------------------------------------------------ content types and methods

    @Test
    void textPlainIsUnsupported() {
        request().contentType("text/plain").body(validBody()).request(writeMethod(), writePath())
                .then().spec(problem(415, "unsupported-media-type"));
    }

    @Test
    void xmlIsUnsupported() {
        request().contentType("application/xml").body("<agreement><party>NATO</party></agreement>")
                .request(writeMethod(), writePath())
                .then().spec(problem(415, "unsupported-media-type"));
    }

    @Test
    void formEncodedBodyIsUnsupported() {
        request().contentType("application/x-www-form-urlencoded").body("party=RUSSIA&x=1")
                .request(writeMethod(), writePath())
                .then().spec(problem(415, "unsupported-media-type"));
    }

    @Test
    void askingForXmlIsNotAcceptable() {
        request().accept("application/xml").get(byId(UUID.randomUUID().toString()))
                .then().spec(problem(406, "not-acceptable"));
    }

    @Test
    void patchIsNotAllowed() {
        request().contentType("application/json").body(validBody()).patch(writePath())
                .then().spec(problem(405, "method-not-allowed"));
    }

    // ------------------------------------------------------------------ ids and paths

    @Test
    void idThatIsNotAUuidIsRefused() {
        request().get(byId("not-a-uuid")).then().spec(problem(statusForIdThatIsNotAUuid()));
    }

    @Test
    void sqlInAnIdIsJustAnInvalidId() {
        request().urlEncodingEnabled(false)
                .get(byId(URLEncoder.encode("1' OR '1'='1", StandardCharsets.UTF_8).replace("+", "%20")))
                .then().spec(problem(statusForIdThatIsNotAUuid()));
    }

    @Test
    void almostAUuidIsRefused() {
        request().get(byId(UUID.randomUUID().toString().substring(0, 35) + "Z"))
                .then().spec(problem(statusForIdThatIsNotAUuid()));
    }

    @Test
    void overlongIdIsRefused() {
        request().get(byId("a".repeat(4000))).then().spec(problem(statusForIdThatIsNotAUuid()));
    }

    @Test
    void unknownIdIsNotFound() {
        request().get(byId(UUID.randomUUID().toString())).then().spec(problem(404, "not-found"));
    }

    @Test
    void unknownPathIsNotFound() {
        request().get("/api/no-such-resource").then().spec(problem(404, "not-found"));
    }

    // ------------------------------------------------------------------ the service's own cases

    @ParameterizedTest(name = "{0}")
    @MethodSource("serviceCases")
    void serviceSpecificBadInputIsRefused(BadCase c) {
        RequestSpecification spec = given().config(noPrettyPrinting())
                .auth().oauth2(c.token() == null ? token() : c.token());
        if (c.path().contains("%")) {
            // the case's path is already encoded (e.g. %00 for U+0000)
            spec.urlEncodingEnabled(false);
        }
        if (c.body() != null) {
            spec.contentType("application/json").body(c.body());
        }
        ValidatableResponse response = spec.request(c.method(), c.path()).then()
                .spec(problem(c.status(), c.type()));
        if (c.field() != null) {
            response.body("errors.field", hasItem(c.field()));
        }
    }

    /**
     * One bad request of the service and the answer it must get.
     *
     * @param field an offending field that {@code errors[].field} must name, or null
     */
    public record BadCase(String name, String method, String path, String body, int status, String type, String field,
            String token) {

        public static BadCase post(String name, String path, String body, int status, String type, String field) {
            return new BadCase(name, "POST", path, body, status, type, field, null);
        }

        public static BadCase put(String name, String path, String body, int status, String type, String field) {
            return new BadCase(name, "PUT", path, body, status, type, field, null);
        }

        public static BadCase get(String name, String path, int status, String type, String field) {
            return new BadCase(name, "GET", path, null, status, type, field, null);
        }

        public BadCase as(String otherToken) {
            return new BadCase(name, method, path, body, status, type, field, otherToken);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    // ------------------------------------------------------------------ helpers for subclasses

    /** {@code select count(*)} of each table, keyed {@code sql:<table>}. */
    protected static Map<String, Long> rowCounts(DataSource db, String... tables) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
                    rows.next();
                    counts.put("sql:" + table, rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count rows", e);
        }
        return counts;
    }

    /** The number of items a list endpoint answers for the token, keyed {@code api:<path>}. */
    protected static Map<String, Long> listed(String token, String... paths) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String path : paths) {
            int size = given().auth().oauth2(token).get(path).then().statusCode(200).extract().path("size()");
            counts.put("api:" + path, (long) size);
        }
        return counts;
    }

    /** A string of the given length, to exceed a field's limit. */
    protected static String text(int length) {
        return "x".repeat(length);
    }

    /** The body with one more member, e.g. {@code withField("{\"a\":1}", "\"b\":2")} is {@code {"a":1,"b":2}}. */
    protected static String withField(String objectJson, String member) {
        String trimmed = objectJson.strip();
        if (!trimmed.endsWith("}")) {
            throw new IllegalArgumentException("not a JSON object: " + objectJson);
        }
        String inner = trimmed.substring(0, trimmed.length() - 1).strip();
        return inner + (inner.endsWith("{") ? "" : ",") + member + "}";
    }

    /** Status, problem+json, and the RFC 9457 members; {@code slug} may be null to accept any problem type. */
    protected static io.restassured.specification.ResponseSpecification problem(int status, String slug) {
        io.restassured.builder.ResponseSpecBuilder spec = new io.restassured.builder.ResponseSpecBuilder()
                .expectStatusCode(status)
                .expectContentType(PROBLEM_JSON)
                .expectBody("status", equalTo(status))
                .expectBody("title", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()))
                .expectBody("type", org.hamcrest.Matchers.startsWith(TYPE));
        if (slug != null) {
            spec.expectBody("type", equalTo(TYPE + slug));
        }
        return spec.build();
    }

    protected static io.restassured.specification.ResponseSpecification problem(int status) {
        return problem(status, null);
    }

    // ------------------------------------------------------------------ internals

    private RequestSpecification request() {
        return given().config(noPrettyPrinting()).auth().oauth2(token());
    }

    /**
     * Quarkus logs a request when its checks fail; pretty-printing 10,000-deep JSON for that log would take the
     * client most of a minute, so bodies are logged as sent.
     */
    private static io.restassured.config.RestAssuredConfig noPrettyPrinting() {
        return RestAssured.config().logConfig(RestAssured.config().getLogConfig().enablePrettyPrinting(false));
    }

    private io.restassured.response.Response send(String body) {
        return request().contentType("application/json").body(body).request(writeMethod(), writePath());
    }

    private String byId(String id) {
        return byIdPath().replace("{id}", id);
    }

    private String oversizedBody() {
        return withField(validBody(), "\"padding\": \"" + "x".repeat(MAX_BODY_BYTES + 64 * 1024) + "\"");
    }

    /** Straight HTTP/1.1, so the body goes with a Content-Length or, when {@code chunked}, without one. */
    private HttpResponse<String> raw(String contentType, String body, boolean chunked)
            throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                : HttpRequest.BodyPublishers.ofByteArray(bytes);
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + writePath()))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", contentType)
                .timeout(Duration.ofSeconds(30))
                .method(writeMethod(), publisher)
                .build();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void assertTooLarge(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(PROBLEM_JSON));
        assertThat(response.body())
                .contains("\"type\":\"" + TYPE + "payload-too-large\"")
                .contains("\"status\":413")
                .contains("\"title\":")
                .contains("1048576 bytes");
    }
}

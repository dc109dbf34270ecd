package org.mdcoop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mdcoop.system.SecurityMatrix.Role;
import org.mdcoop.system.SecurityMatrix.Row;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every cell of the endpoint × method × {NATO, RUSSIA} × role matrix in docs/security.md, checked against the
 * running services with real tokens from both parties' Keycloak realms; and the other way round, every operation a
 * service publishes in its OpenAPI document must have its row in the matrix.
 *
 * <p>The calls carry unknown ids and a body with an unknown field, so an allowed call is answered by the endpoint
 * itself (404, 400, 409 …) without changing anything, while a refused role must get 403 {@code forbidden} before
 * anything else is looked at.
 */
class SecurityMatrixSystemTest {

    private static final Path DOCS = Path.of(System.getProperty("mdcoop.docs", "../docs"));
    private static final String UNKNOWN_ID = UUID.randomUUID().toString();
    private static final String PROBE_BODY = "{\"matrixProbe\":true}";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Row> matrix;

    @BeforeAll
    static void readMatrix() {
        matrix = SecurityMatrix.read(DOCS);
    }

    @TestFactory
    Stream<DynamicTest> everyCellOfTheMatrixHoldsAgainstTheRunningServices() {
        assertThat(matrix).hasSizeGreaterThan(80);
        List<DynamicTest> cells = new ArrayList<>();
        for (Row row : matrix) {
            for (String party : List.of("NATO", "RUSSIA")) {
                for (Role role : Role.values()) {
                    boolean allowed = row.allowed().contains(role);
                    String name = row.service() + " " + row.method() + " " + row.path() + " × " + party + " " + role
                            + " → " + (allowed ? "passes the role gate" : "403 forbidden");
                    cells.add(DynamicTest.dynamicTest(name, () -> checkCell(row, party, role, allowed)));
                }
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0}-service publishes no operation the matrix does not name, and no more")
    @ValueSource(strings = {"agreement", "transparency", "exercise", "fusion"})
    void theMatrixNamesEveryOperationOfTheService(String service) throws Exception {
        JsonNode openapi = JSON.readTree(call("GET", Stack.url(service, "/q/openapi?format=json"), null).body);
        TreeSet<String> published = new TreeSet<>();
        openapi.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (List.of("get", "post", "put", "delete", "patch").contains(op.getKey())) {
                published.add(op.getKey().toUpperCase() + " " + SecurityMatrix.normalise(path.getKey()));
            }
        }));
        TreeSet<String> documented = new TreeSet<>(SecurityMatrix.operationsOf(matrix, service).keySet());
        assertThat(published).as("operations of %s-service (OpenAPI) vs. docs/security.md", service)
                .isNotEmpty().isEqualTo(documented);
    }

    @Test
    void theMatrixIsReadFromTheDocumentsAsWritten() {
        Row audit = matrix.stream().filter(r -> r.service().equals("agreement") && r.path().equals("/api/audit"))
                .findFirst().orElseThrow();
        assertThat(audit.allowed()).containsExactlyInAnyOrder(Role.L, Role.Au);
        Row submit = matrix.stream().filter(r -> r.service().equals("transparency")
                && r.path().equals("/api/disclosures/{id}/submit")).findFirst().orElseThrow();
        assertThat(submit.allowed()).containsExactly(Role.T);
        Row reports = matrix.stream().filter(r -> r.service().equals("fusion") && r.method().equals("POST")
                && r.path().equals("/api/reports")).findFirst().orElseThrow();
        assertThat(reports.allowed()).containsExactlyInAnyOrder(Role.F, Role.GW);
        assertThat(matrix.stream().filter(r -> r.path().equals("/api/me")).map(Row::service).distinct())
                .containsExactlyInAnyOrderElementsOf(SecurityMatrix.SERVICES);
    }

    private static void checkCell(Row row, String party, Role role, boolean allowed) throws IOException, InterruptedException {
        String url = Stack.url(row.service(), row.path().replaceAll("\\{[^}]*}", UNKNOWN_ID));
        String body = row.method().equals("POST") || row.method().equals("PUT") ? PROBE_BODY : null;
        Reply reply = call(row.method(), url, body, tokenOf(party, role));
        String seen = reply.status + " " + reply.body;
        assertThat(reply.status).as("never a server error: %s", seen).isLessThan(500);
        assertThat(reply.status).as("the token is valid: %s", seen).isNotEqualTo(401);
        if (allowed) {
            assertThat(reply.status == 403 && reply.body.contains("urn:mdcoop:problem:forbidden"))
                    .as("%s of %s may call %s (%s); got %s", role, party, row.path(), row.source(), seen).isFalse();
        } else {
            assertThat(reply.status).as("%s of %s may not call %s (%s); got %s", role, party, row.path(),
                    row.source(), seen).isEqualTo(403);
            // the refusal says nothing about the resource: not whether it exists, not whose it is
            assertThat(reply.body).contains("urn:mdcoop:problem:forbidden")
                    .contains("\"detail\":\"Your role does not allow this action\"");
        }
    }

    private static String tokenOf(String party, Role role) {
        String realm = party.toLowerCase();
        return role == Role.GW ? Stack.clientCredentials(realm, "sensor-gateway", "sensor-gateway-secret")
                : Stack.token(realm + "-" + role.userSuffix);
    }

    private record Reply(int status, String body) {
    }

    private static Reply call(String method, String url, String body) throws IOException, InterruptedException {
        return call(method, url, body, Stack.token("nato-analyst"));
    }

    /** One call; only the first 8 KB of the body are read, so a stream (SSE) answers as soon as its headers do. */
    private static Reply call(String method, String url, String body, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "*/*");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            boolean stream = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
            byte[] head = stream ? new byte[0] : in.readNBytes(1 << 20);
            return new Reply(response.statusCode(), new String(head, StandardCharsets.UTF_8));
        }
    }
}

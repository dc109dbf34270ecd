package org.mdcoop.agreement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mdcoop.common.security.Roles;
import org.mdcoop.common.testing.TestTokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The JSON logs of the prod profile: one ECS object per line, and a line written while serving a request names the
 * caller's party and subject (common's CallerLogContext). The prod profile writes them to the console; here the same
 * formatter writes to a file so the test can read what was logged.
 */
@QuarkusTest
@TestProfile(CallerLogContextTest.EcsFileLog.class)
class CallerLogContextTest {

    static final Path LOG = Path.of("target/caller-log-context-test.log").toAbsolutePath();

    public static class EcsFileLog implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.file.enabled", "true", "quarkus.log.file.path", LOG.toString(),
                    "quarkus.log.file.json.enabled", "true", "quarkus.log.file.json.log-format", "ecs");
        }
    }

    private static JsonNode lineWith(String marker) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(5));
        ObjectMapper json = new ObjectMapper();
        while (Instant.now().isBefore(until)) {
            if (Files.exists(LOG)) {
                List<String> lines = Files.readAllLines(LOG, StandardCharsets.UTF_8);
                for (String l : lines) {
                    if (l.contains(marker)) {
                        return json.readTree(l);
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no log line with " + marker + " in " + LOG);
    }

    private static String subjectOf(String token) throws Exception {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return new ObjectMapper().readTree(payload).path("sub").asText();
    }

    @Test
    void aLineWrittenWhileServingACallNamesTheCallersPartyAndSubject() throws Exception {
        for (Map.Entry<String, String> caller : Map.of("NATO", TestTokens.nato(Roles.ANALYST), "RUSSIA",
                TestTokens.russia(Roles.LIAISON)).entrySet()) {
            String token = caller.getValue();
            String marker = UUID.randomUUID().toString();
            given().auth().oauth2(token).queryParam("marker", marker).when().get("/api/test/log-probe")
                    .then().statusCode(200);
            JsonNode line = lineWith(marker);
            assertThat(line.path("message").asText()).isEqualTo("log probe " + marker);
            assertThat(line.path("log.level").asText()).isEqualTo("INFO");
            assertThat(line.has("@timestamp")).isTrue();
            assertThat(line.path("service.name").asText()).isEqualTo("agreement-service");
            JsonNode mdc = line.path("mdc");
            assertThat(mdc.path("subject").asText()).as(line.toString()).isEqualTo(subjectOf(token));
            assertThat(mdc.path("party").asText()).as(line.toString()).isEqualTo(caller.getKey());
        }
    }

    @Test
    void aLineWrittenOutsideARequestNamesNoCaller() throws Exception {
        String marker = UUID.randomUUID().toString();
        io.quarkus.logging.Log.infof("log probe %s", marker);
        JsonNode line = lineWith(marker);
        assertThat(line.path("mdc").path("party").isMissingNode()).as(line.toString()).isTrue();
        assertThat(line.path("mdc").path("subject").isMissingNode()).as(line.toString()).isTrue();
    }
}

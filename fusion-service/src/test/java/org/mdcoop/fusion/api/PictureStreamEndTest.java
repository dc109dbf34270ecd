package org.mdcoop.fusion.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mdcoop.fusion.api.FusionTestSupport.closeCentre;
import static org.mdcoop.fusion.api.FusionTestSupport.openCentre;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.security.Roles;
import org.mdcoop.common.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Issue 19, "streams that end": the picture's SSE stream was verified once, when it opened, and then kept delivering
 * for as long as the client stayed; it now ends when the caller's token expires (the client reconnects with a fresh
 * one) and when the centre closes.
 */
@QuarkusTest
class PictureStreamEndTest {

    @Test
    void theStreamEndsWhenItsTokenExpires() throws Exception {
        UUID agreement = openCentre();
        try {
            String shortLived = TestTokens.claims(Party.NATO, "nato-analyst", Roles.ANALYST)
                    .expiresAt(Instant.now().plusSeconds(4)).sign(TestTokens.key(Party.NATO));
            long start = System.nanoTime();
            CompletableFuture<Integer> ended = openStream(shortLived);
            assertThat(ended.get(20, TimeUnit.SECONDS)).as("status of the stream").isEqualTo(200);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(seconds).as("seconds until the stream ended").isBetween(2.0, 10.0);
        } finally {
            closeCentre(agreement);
        }
    }

    @Test
    void theStreamEndsWhenTheCentreCloses() throws Exception {
        UUID agreement = openCentre();
        CompletableFuture<Integer> ended = openStream(TestTokens.nato(Roles.ANALYST));
        Thread.sleep(1_500);
        assertThat(ended).as("open while the centre is").isNotDone();
        closeCentre(agreement);
        assertThat(ended.get(15, TimeUnit.SECONDS)).isEqualTo(200);
    }

    /** One caller cannot hold an unbounded number of streams; a closed stream frees its place. */
    @Test
    void aCallerHoldsAtMostEightStreams() throws Exception {
        String token = TestTokens.claims(Party.RUSSIA, "russia-stream-hoarder", Roles.ANALYST)
                .sign(TestTokens.key(Party.RUSSIA));
        HttpClient client = HttpClient.newHttpClient();
        java.util.List<HttpResponse<InputStream>> open = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < PictureResource.MAX_STREAMS_PER_CALLER; i++) {
                HttpResponse<InputStream> response = client.send(streamRequest(token),
                        HttpResponse.BodyHandlers.ofInputStream());
                open.add(response);
                assertThat(response.statusCode()).as("stream " + (i + 1)).isEqualTo(200);
            }
            HttpResponse<String> refused = client.send(streamRequest(token), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.body()).contains("urn:mdcoop:problem:too-many-requests")
                    .contains("maxStreamsPerCaller");
        } finally {
            for (HttpResponse<InputStream> response : open) {
                response.body().close();
            }
        }
        // the server sees the closed connections and frees the places
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            HttpResponse<InputStream> again = client.send(streamRequest(token),
                    HttpResponse.BodyHandlers.ofInputStream());
            again.body().close();
            assertThat(again.statusCode()).isEqualTo(200);
        });
    }

    private static HttpRequest streamRequest(String token) {
        return HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                + "/api/picture/stream")).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(30)).build();
    }

    /** Opens the stream and completes with its status once the server has ended it (the body read to its end). */
    private static CompletableFuture<Integer> openStream(String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                + "/api/picture/stream")).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(60)).build();
        return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenApplyAsync(response -> {
                    try (InputStream body = response.body()) {
                        body.transferTo(java.io.OutputStream.nullOutputStream());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return response.statusCode();
                });
    }
}

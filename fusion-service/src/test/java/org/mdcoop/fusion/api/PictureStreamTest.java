package org.mdcoop.fusion.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.events.FusedTrackMessage;
import org.mdcoop.common.events.TrackEndedMessage;
import org.mdcoop.common.security.Roles;
import org.mdcoop.common.testing.TestTokens;
import org.mdcoop.fusion.service.Picture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The picture's live stream as a browser (through the console) receives it: each update an unnamed event carrying a
 * FusedTrackMessage, and a track that leaves the picture one event named {@code fusion.track-ended} carrying its
 * TrackEndedMessage, after its updates. Fed straight into the picture (what TrackFeed does with each record of
 * {@code fusion.tracks}), so that only the stream is under test.
 */
@QuarkusTest
class PictureStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Picture picture;

    private static FusedTrackMessage update(String trackId, UUID exercise, int n) {
        return new FusedTrackMessage(trackId, Instant.parse("2026-12-03T12:00:00Z").plusSeconds(n), 1, 2, 3, 4, 5, 6,
                50 + n, 30, 150_000, 3_000, List.of(Party.NATO), "SRBM", 0.7, 51.0, 29.0, 55.0, 35.0,
                Instant.parse("2026-12-03T12:05:00Z"), 20_000.0, 5_000.0, 45.0, true, exercise, "exercise:" + exercise,
                n, 120, new double[21], List.of("NATO-SSE-1"), 3_000.0);
    }

    @Test
    void updatesAreUnnamedEventsAndATrackLeavingThePictureEndsWithANamedEvent() throws Exception {
        UUID exercise = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        try (SseReader sse = new SseReader(exercise); SseReader otherExercise = new SseReader(other)) {
            picture.put(update("SSE-1", exercise, 1));
            picture.put(update("SSE-1", exercise, 2));
            // a track never shown (e.g. fused under an agreement no longer in force) ends without a word
            picture.end(new TrackEndedMessage("SSE-never", "exercise:" + exercise, Instant.now(), "DELETED", 1, true,
                    exercise));
            picture.end(new TrackEndedMessage("SSE-1", "exercise:" + exercise, Instant.now(), "DELETED", 2, true,
                    exercise));

            List<SseReader.Event> events = await().atMost(Duration.ofSeconds(10)).until(sse::events,
                    list -> list.stream().anyMatch(e -> e.name().equals(TrackEndedMessage.TYPE)));
            assertThat(events).extracting(SseReader.Event::name)
                    .containsExactly("message", "message", TrackEndedMessage.TYPE);
            assertThat(events.get(1).data().path("updateNumber").asInt()).isEqualTo(2);
            assertThat(events.get(1).data().path("latDeg").asDouble()).isEqualTo(52.0);
            JsonNode ended = events.get(2).data();
            assertThat(ended.path("trackId").asText()).isEqualTo("SSE-1");
            assertThat(ended.path("reason").asText()).isEqualTo("DELETED");
            assertThat(ended.path("lastUpdateNumber").asInt()).isEqualTo(2);
            assertThat(ended.path("exerciseId").asText()).isEqualTo(exercise.toString());
            assertThat(picture.tracks(null, exercise)).isEmpty();
            // the stream's filters apply to ends as to updates
            assertThat(otherExercise.events()).isEmpty();
        }
    }

    /** Server-sent events of the picture's stream for one exercise, read as an analyst. */
    private static final class SseReader implements AutoCloseable {

        record Event(String name, JsonNode data) {
        }

        private final List<Event> events = Collections.synchronizedList(new ArrayList<>());
        private final Stream<String> lines;

        SseReader(UUID exercise) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + RestAssured.port + "/api/picture/stream?exerciseId=" + exercise))
                    .header("Authorization", "Bearer " + TestTokens.russia(Roles.ANALYST))
                    .header("Accept", "text/event-stream").build();
            // the response's head arrives once the stream is subscribed, so nothing put after this is missed
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                    .sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            lines = response.body();
            Thread reader = new Thread(this::read, "picture-sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            String name = "message";
            try {
                for (Iterator<String> it = lines.iterator(); it.hasNext();) {
                    String line = it.next();
                    if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        events.add(new Event(name, JSON.readTree(line.substring(5).trim())));
                    } else if (line.isEmpty()) {
                        name = "message";
                    }
                }
            } catch (Exception closed) {
                // the test closed the stream
            }
        }

        List<Event> events() {
            synchronized (events) {
                return List.copyOf(events);
            }
        }

        @Override
        public void close() {
            lines.close();
        }
    }
}

package org.mdcoop.fusion.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.mdcoop.fusion.api.FusionTestSupport.as;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.events.FusedTrackMessage;
import org.mdcoop.common.security.Roles;
import org.mdcoop.common.testing.TestTokens;
import org.mdcoop.fusion.service.TrackStore;
import org.mdcoop.fusion.service.TrackStore.TrackUpdate;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * {@code GET /api/tracks/{id}?limit=N}: the newest N updates oldest first (what {@code limit} always meant), and while
 * older ones exist the cursor of the page before in {@code X-Next-Cursor} and {@code Link: rel="next"}; walked back to
 * the first update, the pages are the whole history with no update twice or missing. The history is written through
 * the store as the background writer does (a track fused from reports would take minutes to reach a thousand rows),
 * and ended, so no picture recovers these tracks.
 */
@QuarkusTest
class TrackHistoryPagesTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    TrackStore store;

    private String run;

    @BeforeEach
    void aRunOfOurOwn() {
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    private String trackWithHistory(String name, int updates) {
        String trackId = "H-" + run + "-" + name;
        Instant start = Instant.parse("2026-12-04T10:00:00Z");
        List<TrackUpdate> rows = IntStream.rangeClosed(1, updates).mapToObj(n -> new TrackUpdate("live",
                new FusedTrackMessage(trackId, start.plusSeconds(n), 1, 2, 3, 4, 5, 6, 50, 30, 150_000, 3_000,
                        List.of(Party.NATO, Party.RUSSIA), "SRBM", 0.7, null, null, null, null, null, null, null, null,
                        false, null, "live", n, 120, new double[21], List.of("NATO-EWR-1"), null)))
                .toList();
        store.write(rows, List.of(trackId), TrackStore.CLOSED, start.plusSeconds(updates));
        return trackId;
    }

    @Test
    void pagesWalkBackToTheFirstUpdateAndTogetherAreTheHistory() {
        String track = trackWithHistory("a", 23);
        Response unpaged = analyst(Party.NATO).get("/api/tracks/" + track);
        unpaged.then().statusCode(200).body("trackId", equalTo(track));
        // without limit: today's answer, no paging headers
        assertThat(unpaged.header("X-Next-Cursor")).isNull();
        assertThat(unpaged.header("Link")).isNull();
        List<Integer> all = unpaged.path("updates.updateNumber");
        assertThat(all).isEqualTo(IntStream.rangeClosed(1, 23).boxed().toList());

        for (int limit : List.of(1, 2, 5, 22, 23, 24, 500)) {
            List<List<Integer>> pages = walk(Party.NATO, track, limit);
            assertThat(pages).as("limit " + limit).hasSize((23 + limit - 1) / limit);
            assertThat(backToFront(pages)).as("limit " + limit).isEqualTo(all);
        }
        // the first page of a limit is the newest updates, as limit meant before the history paged
        Response newest = analyst(Party.RUSSIA).queryParam("limit", 5).get("/api/tracks/" + track);
        newest.then().statusCode(200).body("trackId", equalTo(track));
        assertThat(newest.<List<Integer>>path("updates.updateNumber")).containsExactly(19, 20, 21, 22, 23);
        assertThat(newest.header("X-Next-Cursor")).isNotNull();
    }

    @Test
    void withoutLimitTheNewestThousandAsBeforeWithLimitEveryUpdateByPages() {
        String track = trackWithHistory("long", 1005);
        List<Integer> unpaged = analyst(Party.NATO).get("/api/tracks/" + track).then().statusCode(200)
                .extract().path("updates.updateNumber");
        assertThat(unpaged).isEqualTo(IntStream.rangeClosed(6, 1005).boxed().toList());

        List<List<Integer>> pages = walk(Party.RUSSIA, track, 500);
        assertThat(pages).extracting(List::size).containsExactly(500, 500, 5);
        List<Integer> everything = backToFront(pages);
        assertThat(everything).isEqualTo(IntStream.rangeClosed(1, 1005).boxed().toList());
        assertThat(everything.subList(5, 1005)).isEqualTo(unpaged);

        // the console's call: the same thousand, now saying that older ones exist
        Response console = analyst(Party.NATO).queryParam("limit", 1000).get("/api/tracks/" + track);
        assertThat(console.<List<Integer>>path("updates.updateNumber")).isEqualTo(unpaged);
        assertThat(console.header("X-Next-Cursor")).isNotNull();
        Response whole = analyst(Party.NATO).queryParam("limit", 10_000).get("/api/tracks/" + track);
        assertThat(whole.<List<Integer>>path("updates.updateNumber")).isEqualTo(everything);
        assertThat(whole.header("X-Next-Cursor")).isNull();
        assertThat(whole.header("Link")).isNull();
    }

    @Test
    void aBadLimitOrCursorIsRefusedWithTheField() {
        String track = trackWithHistory("bad", 3);
        String other = trackWithHistory("other", 3);
        for (String limit : List.of("ten", "0", "10001", "-1", "2.5", "99999999999")) {
            refused(analyst(Party.NATO).queryParam("limit", limit).get("/api/tracks/" + track), "limit");
            // the input is checked before the track is looked up, as it was
            refused(analyst(Party.NATO).queryParam("limit", limit).get("/api/tracks/nope-" + run), "limit");
        }
        String otherCursor = analyst(Party.NATO).queryParam("limit", 1).get("/api/tracks/" + other).then()
                .statusCode(200).extract().header("X-Next-Cursor");
        assertThat(otherCursor).isNotNull();
        for (String cursor : List.of("not-a-cursor", "eA", "%%%", base64("x|" + track), base64("12"),
                otherCursor)) {
            refused(analyst(Party.NATO).queryParam("limit", 2).queryParam("cursor", cursor).get("/api/tracks/" + track),
                    "cursor");
        }
        // a cursor pages a limit: without one it is refused, not ignored
        refused(analyst(Party.NATO).queryParam("cursor", otherCursor).get("/api/tracks/" + other), "cursor");
        analyst(Party.NATO).queryParam("limit", 2).get("/api/tracks/nope-" + run).then().statusCode(404)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void whoMayReadTheHistoryIsUnchanged() {
        String track = trackWithHistory("who", 4);
        String cursor = analyst(Party.NATO).queryParam("limit", 2).get("/api/tracks/" + track).then().statusCode(200)
                .extract().header("X-Next-Cursor");
        // both parties' analysts and fusion operators, paged or not, get the same
        for (String token : List.of(TestTokens.nato(Roles.ANALYST), TestTokens.russia(Roles.ANALYST),
                TestTokens.nato(Roles.FUSION_OPERATOR), TestTokens.russia(Roles.FUSION_OPERATOR))) {
            as(token).get("/api/tracks/" + track).then().statusCode(200).body("updates.size()", equalTo(4));
            as(token).queryParam("limit", 2).queryParam("cursor", cursor).get("/api/tracks/" + track).then()
                    .statusCode(200).body("updates.updateNumber", equalTo(List.of(1, 2)));
        }
        // every other role is forbidden before its parameters are read, a bad limit too
        for (String role : List.of(Roles.LIAISON, Roles.AUDITOR, Roles.EXERCISE_PLANNER, Roles.TRANSPARENCY_OFFICER)) {
            for (String token : List.of(TestTokens.nato(role), TestTokens.russia(role))) {
                as(token).get("/api/tracks/" + track).then().statusCode(403).contentType(PROBLEM_JSON);
                as(token).queryParam("limit", 2).queryParam("cursor", cursor).get("/api/tracks/" + track).then()
                        .statusCode(403);
                as(token).queryParam("limit", "ten").get("/api/tracks/" + track).then().statusCode(403);
            }
        }
        io.restassured.RestAssured.given().queryParam("limit", 2).get("/api/tracks/" + track).then().statusCode(401);
    }

    private static io.restassured.specification.RequestSpecification analyst(Party party) {
        return as(party == Party.NATO ? TestTokens.nato(Roles.ANALYST) : TestTokens.russia(Roles.ANALYST));
    }

    private static void refused(Response response, String field) {
        response.then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:mdcoop:problem:validation")).body("errors.field", hasItem(field));
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The pages from the newest back, joined in time order. */
    private static List<Integer> backToFront(List<List<Integer>> pages) {
        List<Integer> out = new ArrayList<>();
        for (int i = pages.size() - 1; i >= 0; i--) {
            out.addAll(pages.get(i));
        }
        assertThat(out).doesNotHaveDuplicates();
        return out;
    }

    /**
     * Every page of the track's history by {@code limit}, newest page first, checking each: the track in every page,
     * oldest first within it, full while a cursor comes, the two headers agree and keep the limit.
     */
    private static List<List<Integer>> walk(Party reader, String track, int limit) {
        List<List<Integer>> pages = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> params = new HashMap<>();
            params.put("limit", limit);
            if (cursor != null) {
                params.put("cursor", cursor);
            }
            Response page = analyst(reader).queryParams(params).get("/api/tracks/" + track);
            page.then().statusCode(200).contentType("application/json").body("trackId", equalTo(track));
            List<Integer> onPage = page.path("updates.updateNumber");
            assertThat(onPage).isSorted();
            if (!pages.isEmpty()) {
                // the page before in time: every update older than the page that led to it
                assertThat(onPage.get(onPage.size() - 1)).isLessThan(pages.get(pages.size() - 1).get(0));
            }
            cursor = page.header("X-Next-Cursor");
            if (cursor != null) {
                assertThat(onPage).hasSize(limit);
                assertThat(page.header("Link")).startsWith("</api/tracks/" + track + "?")
                        .contains("cursor=" + cursor).contains("limit=" + limit).endsWith(">; rel=\"next\"");
            } else {
                assertThat(page.header("Link")).isNull();
                assertThat(onPage.size()).isBetween(1, limit);
            }
            pages.add(onPage);
        } while (cursor != null && pages.size() < 2000);
        assertThat(cursor).as("the walk ended").isNull();
        return pages;
    }
}

package org.mdcoop.transparency.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.mdcoop.common.domain.Party.NATO;
import static org.mdcoop.common.domain.Party.RUSSIA;
import static org.mdcoop.transparency.api.Api.analyst;
import static org.mdcoop.transparency.api.Api.draft;
import static org.mdcoop.transparency.api.Api.inventory;
import static org.mdcoop.transparency.api.Api.officer;
import static org.mdcoop.transparency.api.Api.performance;
import static org.mdcoop.transparency.api.Api.plan;
import static org.mdcoop.transparency.api.Api.submitted;
import static org.mdcoop.transparency.api.InterceptorTestObservationTest.announcement;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mdcoop.common.domain.Party;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * {@code GET /api/disclosures?limit=N} and {@code GET /api/tests?limit=N}: pages of N in the unpaged list's order,
 * each naming the next page's cursor in {@code X-Next-Cursor} and {@code Link: rel="next"} until the last; together,
 * with the same filters, the pages are exactly the unpaged list, so reciprocity decides what is on a page exactly as
 * it decides the list (the other party's drafts on none). Rounds of 2061 are this class's own.
 */
@QuarkusTest
class TransparencyPagesTest {

    private static final String R1 = "2061-H1";
    private static final String R2 = "2061-H2";

    @BeforeEach
    void transparencyInForce() {
        AgreementFeed.ensureInForce();
    }

    @Test
    void disclosurePagesWalkTheReadableListWithTheFiltersAndNeverShowTheOtherPartysDrafts() {
        List<String> natoSubmitted = List.of(
                submitted(NATO, "INVENTORY", R1, inventory("Site N1", 24)),
                submitted(NATO, "INTERCEPTOR_PERFORMANCE", R1, performance(4.5)),
                submitted(NATO, "DEPLOYMENT_PLAN", R1, plan()),
                submitted(NATO, "INVENTORY", R2, inventory("Site N2", 20)));
        String natoDraft = draft(NATO, "DEPLOYMENT_PLAN", R2, plan());
        // Russia has submitted INVENTORY R1 only: of NATO's, it reads that one, and never NATO's draft
        String russianInventory = submitted(RUSSIA, "INVENTORY", R1, inventory("Site R1", 12));
        String russianDraft = draft(RUSSIA, "INVENTORY", R2, inventory("Site R2", 6));
        String today = LocalDate.ofInstant(AgreementFeed.serviceNow(), ZoneOffset.UTC).toString();
        String natoRevision = officer(NATO).body("{\"content\":" + inventory("Site N1", 30)
                + ",\"changeOccurredOn\":\"" + today + "\"}").post("/api/disclosures/" + natoSubmitted.get(0)
                + "/revisions").then().statusCode(201).extract().path("id");

        for (String round : List.of("round=" + R1, "round=" + R2, "round=" + R1 + "&party=NATO",
                "round=" + R1 + "&status=SUBMITTED", "round=" + R1 + "&kind=INVENTORY",
                "round=" + R2 + "&status=DRAFT")) {
            for (int limit : List.of(1, 2, 3)) {
                List<String> nato = walk(NATO, "/api/disclosures", round, limit);
                assertThat(nato).as("NATO " + round + " limit " + limit).doesNotContain(russianDraft)
                        .containsExactlyElementsOf(unpaged(NATO, "/api/disclosures", round));
                List<String> russia = walk(RUSSIA, "/api/disclosures", round, limit);
                assertThat(russia).as("Russia " + round + " limit " + limit).doesNotContain(natoDraft, natoRevision)
                        .containsExactlyElementsOf(unpaged(RUSSIA, "/api/disclosures", round));
            }
        }
        // what the walk covered: every own version, and of the other party's just the reciprocal submission
        assertThat(walk(NATO, "/api/disclosures", "round=" + R1, 2)).containsExactlyInAnyOrder(
                natoSubmitted.get(0), natoSubmitted.get(1), natoSubmitted.get(2), natoRevision, russianInventory);
        assertThat(walk(RUSSIA, "/api/disclosures", "round=" + R1, 2))
                .containsExactlyInAnyOrder(natoSubmitted.get(0), russianInventory);
        assertThat(walk(RUSSIA, "/api/disclosures", "round=" + R2, 1)).containsExactly(russianDraft);

        // the whole list (every test's disclosures) by pages: the same as unpaged, for each party
        for (Party reader : List.of(NATO, RUSSIA)) {
            assertThat(walk(reader, "/api/disclosures", "", 7))
                    .containsExactlyElementsOf(unpaged(reader, "/api/disclosures", ""));
        }

        // without TRANSPARENCY in force the other party's submissions leave the pages as they leave the list
        AgreementFeed.endAllInForce();
        assertThat(walk(RUSSIA, "/api/disclosures", "round=" + R1, 1)).containsExactly(russianInventory)
                .containsExactlyElementsOf(unpaged(RUSSIA, "/api/disclosures", "round=" + R1));
        assertThat(walk(NATO, "/api/disclosures", "", 5))
                .containsExactlyElementsOf(unpaged(NATO, "/api/disclosures", ""))
                .doesNotContain(russianInventory, russianDraft);
    }

    @Test
    void testPagesWalkLatestWindowFirstWithTheStateFilter() {
        Instant now = AgreementFeed.serviceNow();
        List<String> announced = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // two share a window start: the id orders them
            Instant start = now.plus(Duration.ofDays(400 + (i / 2)));
            announced.add(officer(i % 2 == 0 ? NATO : RUSSIA).body(announcement(start, start.plus(Duration.ofHours(2))))
                    .post("/api/tests").then().statusCode(201).extract().path("id"));
        }
        String cancelled = announced.get(4);
        officer(NATO).body("{\"reason\":\"range unavailable\"}").post("/api/tests/" + cancelled + "/cancel").then()
                .statusCode(200);

        for (String filter : List.of("", "state=ANNOUNCED", "state=CANCELLED")) {
            for (int limit : List.of(1, 2, 3)) {
                for (Party reader : List.of(NATO, RUSSIA)) {
                    assertThat(walk(reader, "/api/tests", filter, limit)).as(reader + " " + filter)
                            .containsExactlyElementsOf(unpaged(reader, "/api/tests", filter));
                }
            }
        }
        List<String> all = walk(RUSSIA, "/api/tests", "", 2);
        assertThat(all).containsAll(announced);
        assertThat(walk(NATO, "/api/tests", "state=CANCELLED", 2)).contains(cancelled)
                .doesNotContainAnyElementsOf(announced.subList(0, 4));
        assertThat(walk(NATO, "/api/tests", "state=ANNOUNCED", 2)).containsAll(announced.subList(0, 4))
                .doesNotContain(cancelled);
        // latest window first: the two of day 401 before the two of day 400
        assertThat(all).containsSubsequence(announced.get(2), announced.get(0));
        assertThat(all).containsSubsequence(announced.get(3), announced.get(1));
        // a page's views are the unpaged list's (the caller's role in each test among them)
        analyst(RUSSIA).queryParam("limit", 500).queryParam("state", "CANCELLED").get("/api/tests").then()
                .statusCode(200).body("find { it.id == '" + cancelled + "' }.role", equalTo("GUEST"));
    }

    @Test
    void aBadLimitOrCursorIsRefusedWithTheField() {
        for (String path : List.of("/api/disclosures", "/api/tests")) {
            for (String limit : List.of("0", "501", "-1", "ten", "2.5", "99999999999")) {
                refused(analyst(NATO).queryParam("limit", limit).get(path), "limit");
            }
            for (String cursor : List.of("not-a-cursor", "eA", "%%%", "MjA2MS1IMXxJTlZFTlRPUll8TkFUTw")) {
                refused(analyst(NATO).queryParam("limit", 2).queryParam("cursor", cursor).get(path), "cursor");
            }
            // a cursor is for a page of a limit: without one it is refused, not ignored
            refused(analyst(NATO).queryParam("cursor", "eA").get(path), "cursor");
            analyst(NATO).queryParam("limit", 500).get(path).then().statusCode(200);
        }
        // the cursor of one list is not a cursor of the other
        officer(NATO).body(announcement(AgreementFeed.serviceNow().plus(Duration.ofDays(500)),
                AgreementFeed.serviceNow().plus(Duration.ofDays(500)).plus(Duration.ofHours(1)))).post("/api/tests")
                .then().statusCode(201);
        officer(NATO).body(announcement(AgreementFeed.serviceNow().plus(Duration.ofDays(501)),
                AgreementFeed.serviceNow().plus(Duration.ofDays(501)).plus(Duration.ofHours(1)))).post("/api/tests")
                .then().statusCode(201);
        String testCursor = analyst(NATO).queryParam("limit", 1).get("/api/tests").then().statusCode(200)
                .extract().header("X-Next-Cursor");
        assertThat(testCursor).isNotNull();
        refused(analyst(NATO).queryParam("limit", 1).queryParam("cursor", testCursor).get("/api/disclosures"),
                "cursor");
    }

    private static void refused(Response response, String field) {
        response.then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    private static List<String> unpaged(Party reader, String path, String query) {
        return analyst(reader).get(path + (query.isEmpty() ? "" : "?" + query)).then().statusCode(200).extract().path("id");
    }

    /**
     * Every page of {@code path?query} by {@code limit}, checking each: full pages while a next cursor comes, the two
     * headers agree and keep the filters, and no id comes twice.
     */
    private static List<String> walk(Party reader, String path, String query, int limit) {
        Map<String, String> filters = new HashMap<>();
        for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
            String[] kv = pair.split("=", 2);
            filters.put(kv[0], kv[1]);
        }
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> params = new HashMap<>(filters);
            params.put("limit", limit);
            if (cursor != null) {
                params.put("cursor", cursor);
            }
            Response page = analyst(reader).queryParams(params).get(path);
            page.then().statusCode(200).contentType("application/json");
            List<String> onPage = page.path("id");
            cursor = page.header("X-Next-Cursor");
            if (cursor != null) {
                assertThat(onPage).hasSize(limit);
                assertThat(page.header("Link")).startsWith("<" + path + "?").contains("cursor=" + cursor)
                        .contains("limit=" + limit).endsWith(">; rel=\"next\"");
                filters.forEach((k, v) -> assertThat(page.header("Link")).contains(k + "=" + v));
            } else {
                assertThat(page.header("Link")).isNull();
                assertThat(onPage.size()).isBetween(pages == 0 ? 0 : 1, limit);
            }
            ids.addAll(onPage);
            pages++;
        } while (cursor != null && pages < 2000);
        assertThat(cursor).as("the walk ended").isNull();
        assertThat(ids).doesNotHaveDuplicates();
        return ids;
    }
}

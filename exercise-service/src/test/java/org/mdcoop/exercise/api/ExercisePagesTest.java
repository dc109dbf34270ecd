package org.mdcoop.exercise.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.mdcoop.exercise.api.ExerciseApi.PROBLEM_JSON;
import static org.mdcoop.exercise.api.ExerciseApi.as;
import static org.mdcoop.exercise.api.ExerciseApi.natoPlanner;
import static org.mdcoop.exercise.api.ExerciseApi.proposal;
import static org.mdcoop.exercise.api.ExerciseApi.propose;
import static org.mdcoop.exercise.api.ExerciseApi.russianPlanner;
import static org.mdcoop.exercise.api.ExerciseApi.srbm;
import static org.mdcoop.exercise.api.ExerciseApi.window;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.security.Roles;
import org.mdcoop.common.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * {@code GET /api/exercises?limit=N}: pages of N in the unpaged list's order (newest window first: window start, name, id, descending), each naming
 * the next page's cursor in {@code X-Next-Cursor} and {@code Link: rel="next"} until the last; together, with the
 * same {@code status} and {@code host} filters, the pages are exactly the unpaged list. Windows of 2033 are this
 * class's own.
 */
@QuarkusTest
class ExercisePagesTest {

    private static final Instant START = Instant.parse("2033-03-01T06:00:00Z");

    @BeforeEach
    void cooperationInForce() {
        AgreementStatusFeed.ensureInForce();
    }

    @AfterAll
    static void noTestAgreementLeftInForce() {
        AgreementStatusFeed.endIfInForce();
    }

    @Test
    void pagesWalkTheProgrammeWithTheFiltersAndTogetherAreTheList() {
        // NATO's and Russia's "Paging A" share start and name: only the id orders them
        String natoA = propose(natoPlanner(), proposal("Paging A", day(0), srbm(60)));
        String russianA = propose(russianPlanner(), proposal("Paging A", day(0), srbm(60)));
        // a name with the cursor's separator in it, and one that sorts after it on the same start
        String natoPipe = propose(natoPlanner(), proposal("Paging B | pipe", day(1), srbm(60)));
        String russianC = propose(russianPlanner(), proposal("Paging C", day(1), srbm(60)));
        String natoD = propose(natoPlanner(), proposal("Paging D", day(2), srbm(60)));
        String cancelled = propose(russianPlanner(), proposal("Paging E", day(3), srbm(60)));
        russianPlanner().body("{\"reason\":\"range closed\"}").post("/api/exercises/" + cancelled + "/cancel").then()
                .statusCode(200);

        for (String filter : List.of("", "status=PROPOSED", "status=CANCELLED", "host=NATO", "host=RUSSIA",
                "status=PROPOSED&host=NATO", "status=CANCELLED&host=NATO")) {
            for (int limit : List.of(1, 2, 3)) {
                for (Party reader : List.of(Party.NATO, Party.RUSSIA)) {
                    assertThat(walk(reader, filter, limit)).as(reader + " " + filter + " limit " + limit)
                            .containsExactlyElementsOf(unpaged(reader, filter));
                }
            }
        }

        List<String> all = walk(Party.RUSSIA, "", 2);
        assertThat(all).containsSubsequence(cancelled, natoD, russianC, natoPipe,
                sortedIds(natoA, russianA).get(1), sortedIds(natoA, russianA).get(0));
        assertThat(walk(Party.NATO, "host=NATO", 1)).containsSubsequence(natoD, natoPipe, natoA)
                .doesNotContain(russianA, russianC, cancelled);
        assertThat(walk(Party.NATO, "status=CANCELLED&host=RUSSIA", 1)).contains(cancelled)
                .doesNotContain(natoA, russianA, natoPipe, russianC, natoD);
        assertThat(walk(Party.NATO, "status=PROPOSED&host=RUSSIA", 1)).contains(russianA, russianC)
                .doesNotContain(cancelled, natoA);
    }

    @Test
    void aBadLimitOrCursorIsRefusedWithTheField() {
        for (String limit : List.of("0", "501", "-1", "ten", "2.5", "99999999999")) {
            refused(reader(Party.NATO).queryParam("limit", limit).get("/api/exercises"), "limit");
        }
        for (String cursor : List.of("not-a-cursor", "eA", "%%%",
                // a cursor of transparency-service's disclosures (round|kind|party|version)
                "MjA2MS1IMXxJTlZFTlRPUll8TkFUT3wx")) {
            refused(reader(Party.NATO).queryParam("limit", 2).queryParam("cursor", cursor).get("/api/exercises"),
                    "cursor");
        }
        refused(reader(Party.NATO).queryParam("cursor", "eA").get("/api/exercises"), "cursor");
        // the filters are checked as before
        reader(Party.NATO).queryParam("limit", 2).queryParam("status", "NOT_A_STATUS").get("/api/exercises").then()
                .statusCode(400).contentType(PROBLEM_JSON);
        reader(Party.NATO).queryParam("limit", 500).get("/api/exercises").then().statusCode(200);
    }

    @Test
    void theOpenApiNamesThePagingParametersBesideTheFilters() {
        List<String> names = io.restassured.RestAssured.given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().path("paths.'/api/exercises'.get.parameters.name");
        assertThat(names).contains("status", "host", "limit", "cursor");
        Map<String, Object> limit = io.restassured.RestAssured.given().get("/q/openapi?format=json").then()
                .extract().path("paths.'/api/exercises'.get.parameters.find { it.name == 'limit' }.schema");
        assertThat(limit).containsEntry("minimum", 1).containsEntry("maximum", 500);
    }

    private static String day(int offset) {
        Instant start = START.plus(Duration.ofDays(offset));
        return window(start, start.plus(Duration.ofHours(6)));
    }

    /** Two ids in the database's uuid order (PostgreSQL compares a uuid's bytes, as its hex text sorts). */
    private static List<String> sortedIds(String a, String b) {
        return a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a);
    }

    private static RequestSpecification reader(Party party) {
        return as(party == Party.NATO ? TestTokens.nato(Roles.ANALYST) : TestTokens.russia(Roles.ANALYST));
    }

    private static void refused(Response response, String field) {
        response.then().statusCode(400).contentType(PROBLEM_JSON).body("errors.field", hasItem(field));
    }

    private static List<String> unpaged(Party reader, String query) {
        return reader(reader).get("/api/exercises" + (query.isEmpty() ? "" : "?" + query)).then().statusCode(200)
                .extract().path("id");
    }

    /**
     * Every page of {@code /api/exercises?query} by {@code limit}, checking each: full pages while a next cursor
     * comes, the two headers agree and keep the filters, and no id comes twice.
     */
    private static List<String> walk(Party reader, String query, int limit) {
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
            Response page = reader(reader).queryParams(params).get("/api/exercises");
            page.then().statusCode(200).contentType("application/json");
            List<String> onPage = page.path("id");
            cursor = page.header("X-Next-Cursor");
            if (cursor != null) {
                assertThat(onPage).hasSize(limit);
                assertThat(page.header("Link")).startsWith("</api/exercises?").contains("cursor=" + cursor)
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

package org.mdcoop.agreement.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.mdcoop.agreement.api.AgreementApi.ALL_ELEMENTS;
import static org.mdcoop.agreement.api.AgreementApi.draftByNato;
import static org.mdcoop.agreement.api.AgreementApi.natoLiaison;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * {@code GET /api/agreements?limit=N}: pages, newest first, each naming the next page's cursor in {@code X-Next-Cursor}
 * and {@code Link: rel="next"} until the last; together the pages are exactly the unpaged list.
 */
@QuarkusTest
class AgreementPagesTest {

    @Test
    void pagesFollowTheCursorNewestFirstAndTogetherAreTheWholeList() {
        String first = draftByNato(ALL_ELEMENTS);
        String second = draftByNato(ALL_ELEMENTS);
        String third = draftByNato(ALL_ELEMENTS);
        List<String> all = natoLiaison().get("/api/agreements").then().statusCode(200).extract().path("id");

        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response page = natoLiaison().queryParam("limit", 2)
                    .queryParams(cursor == null ? java.util.Map.of() : java.util.Map.of("cursor", cursor))
                    .get("/api/agreements");
            page.then().statusCode(200);
            List<String> ids = page.path("id");
            assertThat(ids).hasSizeLessThanOrEqualTo(2);
            paged.addAll(ids);
            cursor = page.header("X-Next-Cursor");
            if (cursor != null) {
                assertThat(page.header("Link")).startsWith("</api/agreements?").contains("cursor=" + cursor)
                        .endsWith(">; rel=\"next\"");
                assertThat(ids).hasSize(2);
            } else {
                assertThat(page.header("Link")).isNull();
            }
            pages++;
        } while (cursor != null && pages < 1000);

        assertThat(paged).containsExactlyElementsOf(all).doesNotHaveDuplicates();
        // newest first (by the service's clock, which other tests move): the three drafts, latest first
        assertThat(paged).containsSubsequence(third, second, first);
    }

    @Test
    void aBadCursorOrLimitIsRefusedWithTheField() {
        draftByNato(ALL_ELEMENTS);
        natoLiaison().queryParam("limit", 2).queryParam("cursor", "not-a-cursor").get("/api/agreements").then()
                .statusCode(400).body("errors.field", hasItem("cursor"));
        natoLiaison().queryParam("cursor", "eA").get("/api/agreements").then()
                .statusCode(400).body("errors.field", hasItem("cursor"));
        natoLiaison().queryParam("limit", 0).get("/api/agreements").then().statusCode(400);
        natoLiaison().queryParam("limit", 1).get("/api/agreements").then().statusCode(200).body("size()", equalTo(1));

        // common's Paging: the same problem naming the field as the other services' lists ("ten" was a generic 400)
        for (String limit : List.of("ten", "0", "501", "-1", "2.5", "99999999999")) {
            refused(natoLiaison().queryParam("limit", limit).get("/api/agreements"), "limit");
        }
        // bad base64, one part only, a time that is not one, no id after the time
        for (String cursor : List.of("%%%", "eA", "bm90LWEtdGltZXwx",
                java.util.Base64.getUrlEncoder().encodeToString("2026-01-01T00:00:00Z".getBytes()))) {
            refused(natoLiaison().queryParam("limit", 2).queryParam("cursor", cursor).get("/api/agreements"), "cursor");
        }
        natoLiaison().queryParam("limit", 500).get("/api/agreements").then().statusCode(200);
    }

    private static void refused(Response response, String field) {
        response.then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:mdcoop:problem:validation")).body("errors.field", hasItem(field));
    }
}

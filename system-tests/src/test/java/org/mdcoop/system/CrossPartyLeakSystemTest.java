package org.mdcoop.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.mdcoop.system.Stack.as;
import static org.mdcoop.system.Stack.url;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.restassured.response.Response;

/**
 * What one party keeps to itself stays with it, on the running services with real tokens of both realms: the other
 * party's drafts and sensor details appear in no list, change no count, and every call about them — read or write —
 * is answered exactly like a call about an id that does not exist. Run once with NATO as the owner, once with Russia.
 */
class CrossPartyLeakSystemTest {

    private static final List<String> READERS = List.of("liaison", "analyst", "auditor", "transparency-officer");

    @ParameterizedTest(name = "a {0} agreement draft is invisible to the other party")
    @ValueSource(strings = {"nato", "russia"})
    void agreementDraft(String owner) {
        String other = otherOf(owner);
        Map<String, Integer> countsBefore = counts(other, List.of("liaison", "analyst", "auditor"),
                user -> as(user).get(url("agreement", "/api/agreements")).then().statusCode(200).extract()
                        .path("size()"));
        long auditHead = as(other + "-auditor").get(url("agreement", "/api/audit/head")).then().statusCode(200)
                .extract().jsonPath().getLong("seq");

        String draft = as(owner + "-liaison").body("{\"elements\":[\"TRANSPARENCY\"],\"termMonths\":24,"
                        + "\"reservation\":\"private negotiating position " + draftMarker() + "\"}")
                .post(url("agreement", "/api/agreements")).then().statusCode(201).extract().path("id");
        as(owner + "-analyst").get(url("agreement", "/api/agreements/" + draft)).then().statusCode(200);

        assertThat(counts(other, List.of("liaison", "analyst", "auditor"),
                user -> as(user).get(url("agreement", "/api/agreements")).then().statusCode(200).extract()
                        .path("size()"))).as("list sizes the other party sees").isEqualTo(countsBefore);
        for (String role : List.of("liaison", "analyst", "auditor")) {
            assertThat(as(other + "-" + role).get(url("agreement", "/api/agreements")).asString()).doesNotContain(draft);
        }
        assertThat(as(other + "-analyst").get(url("agreement", "/api/agreements/status")).asString()).doesNotContain(draft);
        assertThat(as(other + "-auditor").get(url("agreement", "/api/audit/head")).then().statusCode(200).extract()
                .jsonPath().getLong("seq")).as("drafts are not in the joint audit chain").isEqualTo(auditHead);

        String liaison = other + "-liaison";
        assertSameAsMissing(draft, id -> as(other + "-analyst").get(url("agreement", "/api/agreements/" + id)));
        assertSameAsMissing(draft, id -> as(liaison).body("{\"elements\":[\"TRANSPARENCY\"]}")
                .put(url("agreement", "/api/agreements/" + id)));
        assertSameAsMissing(draft, id -> as(liaison).post(url("agreement", "/api/agreements/" + id + "/submit")));
        assertSameAsMissing(draft, id -> as(liaison).post(url("agreement", "/api/agreements/" + id + "/accept")));
        assertSameAsMissing(draft, id -> as(liaison).get(url("agreement", "/api/agreements/" + id + "/amendments")));
    }

    @ParameterizedTest(name = "a {0} disclosure draft is invisible to the other party")
    @ValueSource(strings = {"nato", "russia"})
    void disclosureDraft(String owner) {
        String other = otherOf(owner);
        String round = (2100 + ThreadLocalRandom.current().nextInt(899)) + "-H1";
        String ownerParty = owner.toUpperCase();
        List<String> queries = List.of("", "?kind=INVENTORY", "?round=" + round, "?party=" + ownerParty,
                "?status=DRAFT", "?kind=INVENTORY&round=" + round + "&party=" + ownerParty + "&status=DRAFT");
        Map<String, Integer> countsBefore = listSizes(other, queries);

        String marker = draftMarker();
        String draft = as(owner + "-transparency-officer").body("{\"kind\":\"INVENTORY\",\"round\":\"" + round
                        + "\",\"content\":{\"components\":[{\"type\":\"INTERCEPTOR_SITE\",\"designation\":\"" + marker
                        + "\",\"count\":12,\"lat\":54.48,\"lon\":17.1,\"status\":\"OPERATIONAL\"}]}}")
                .post(url("transparency", "/api/disclosures")).then().statusCode(201).extract().path("id");

        assertThat(listSizes(other, queries)).as("list sizes the other party sees, every filter").isEqualTo(countsBefore);
        for (String role : READERS) {
            for (String query : queries) {
                assertThat(as(other + "-" + role).get(url("transparency", "/api/disclosures" + query)).asString())
                        .doesNotContain(draft).doesNotContain(marker);
            }
            assertThat(as(other + "-" + role).get(url("transparency", "/api/compliance")).asString())
                    .doesNotContain(draft).doesNotContain(marker);
        }

        String officer = other + "-transparency-officer";
        for (String role : READERS) {
            assertSameAsMissing(draft, id -> as(other + "-" + role).get(url("transparency", "/api/disclosures/" + id)));
        }
        assertSameAsMissing(draft, id -> as(officer).body("{\"content\":{\"components\":[]}}")
                .put(url("transparency", "/api/disclosures/" + id)));
        assertSameAsMissing(draft, id -> as(officer).delete(url("transparency", "/api/disclosures/" + id)));
        assertSameAsMissing(draft, id -> as(officer).post(url("transparency", "/api/disclosures/" + id + "/submit")));
        assertSameAsMissing(draft, id -> as(officer).body("{\"content\":{\"components\":[]},\"changeOccurredOn\":\"2030-01-01\"}")
                .post(url("transparency", "/api/disclosures/" + id + "/revisions")));
        assertSameAsMissing(draft, id -> as(other + "-analyst").body("{\"interceptor\":{\"site\":{\"lat\":54,\"lon\":17},"
                + "\"disclosureId\":\"" + id + "\",\"interceptorType\":\"Type A\"},\"trajectoryIds\":[\"ILL-1\"]}")
                .post(url("transparency", "/api/assessments")));

        // still the owner's, untouched by all of the above
        as(owner + "-transparency-officer").get(url("transparency", "/api/disclosures/" + draft)).then()
                .statusCode(200).body("status", equalTo("DRAFT"))
                .body("content.components[0].designation", equalTo(marker));
        as(owner + "-transparency-officer").delete(url("transparency", "/api/disclosures/" + draft)).then()
                .statusCode(204);
    }

    @ParameterizedTest(name = "a {0} sensor's details and raw reports stay with its owner")
    @ValueSource(strings = {"nato", "russia"})
    void sensorDetails(String owner) {
        String other = otherOf(owner);
        String sensor = owner.toUpperCase() + "-LEAK-" + Long.toString(System.nanoTime(), 36).toUpperCase();
        as(owner + "-fusion-operator").body("{\"id\":\"" + sensor + "\",\"type\":\"EARLY_WARNING_RADAR\","
                        + "\"latDeg\":51.123456,\"lonDeg\":23.654321,\"altM\":321.5,\"sigmaM\":77.7,\"revisitS\":2.5}")
                .post(url("fusion", "/api/sensors")).then().statusCode(201);

        for (String role : List.of("fusion-operator", "analyst")) {
            String user = other + "-" + role;
            Map<String, Object> byId = as(user).get(url("fusion", "/api/sensors/" + sensor)).then().statusCode(200)
                    .extract().path("$");
            assertThat(byId).containsOnlyKeys("id", "party", "type").containsEntry("party", owner.toUpperCase());
            List<Map<String, Object>> listed = as(user).get(url("fusion", "/api/sensors")).then().statusCode(200)
                    .extract().path("findAll { it.id == '" + sensor + "' }");
            assertThat(listed).singleElement().isEqualTo(byId);
            Response reports = as(user).get(url("fusion", "/api/reports?sensorId=" + sensor));
            assertThat(reports.statusCode()).isEqualTo(403);
            assertThat(reports.asString()).contains("urn:mdcoop:problem:not-permitted")
                    .doesNotContain("51.12").doesNotContain("23.65").doesNotContain("77.7");
        }
        Response change = as(other + "-fusion-operator").body("{\"type\":\"EARLY_WARNING_RADAR\",\"latDeg\":0,\"lonDeg\":0,\"altM\":0,\"sigmaM\":1,"
                + "\"revisitS\":1,\"version\":0}").put(url("fusion", "/api/sensors/" + sensor));
        assertThat(change.statusCode()).isEqualTo(403);
        assertThat(change.asString()).doesNotContain("51.12").doesNotContain("77.7");
        Map<String, Object> own = as(owner + "-fusion-operator").get(url("fusion", "/api/sensors/" + sensor)).then()
                .statusCode(200).extract().path("$");
        assertThat(own).containsEntry("latDeg", 51.123456f).containsEntry("sigmaM", 77.7f);
    }

    private static Map<String, Integer> counts(String party, List<String> roles, Function<String, Integer> count) {
        Map<String, Integer> counts = new TreeMap<>();
        roles.forEach(role -> counts.put(role, count.apply(party + "-" + role)));
        return counts;
    }

    private static Map<String, Integer> listSizes(String party, List<String> queries) {
        Map<String, Integer> sizes = new TreeMap<>();
        for (String role : READERS) {
            for (String query : queries) {
                sizes.put(role + " " + query, as(party + "-" + role).get(url("transparency", "/api/disclosures" + query))
                        .then().statusCode(200).extract().path("size()"));
            }
        }
        return sizes;
    }

    /** The call about the hidden id is answered exactly as the same call about an id nobody has. */
    private static void assertSameAsMissing(String hiddenId, Function<String, Response> call) {
        String missingId = UUID.randomUUID().toString();
        Response hidden = call.apply(hiddenId);
        Response missing = call.apply(missingId);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.contentType()).startsWith("application/problem+json");
        assertThat(hidden.asString().replace(hiddenId, "ID")).isEqualTo(missing.asString().replace(missingId, "ID"));
    }

    private static String otherOf(String party) {
        return party.equals("nato") ? "russia" : "nato";
    }

    private static String draftMarker() {
        return "M" + Long.toString(System.nanoTime(), 36).toUpperCase();
    }
}

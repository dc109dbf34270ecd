package org.mdcoop.transparency.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.mdcoop.common.domain.Party.NATO;
import static org.mdcoop.common.domain.Party.RUSSIA;
import static org.mdcoop.transparency.api.Api.analyst;
import static org.mdcoop.transparency.api.Api.as;
import static org.mdcoop.transparency.api.Api.draft;
import static org.mdcoop.transparency.api.Api.inventory;
import static org.mdcoop.transparency.api.Api.officer;
import static org.mdcoop.transparency.api.Api.performance;
import static org.mdcoop.transparency.api.Api.randomId;
import static org.mdcoop.transparency.api.Api.submit;
import static org.mdcoop.transparency.api.Api.submitted;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.events.EventEnvelope;
import org.mdcoop.common.security.Roles;
import org.mdcoop.common.testing.TopicProbe;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Reciprocity through the API: who reads which disclosure, and when. Each test uses reporting rounds of its own
 * (far in the future) so that the shared database of one test run never couples them.
 */
@QuarkusTest
class DisclosureReciprocityTest {

    /** One expectation: the reader (party, role) gets this HTTP status for this disclosure. */
    record Read(Party reader, String role, String disclosureId, int status, String problemType) {
    }

    @BeforeEach
    void transparencyInForce() {
        AgreementFeed.ensureInForce();
    }

    @Test
    void reciprocityTable_theOtherPartysSubmissionBecomesReadableOnlyAfterSubmittingTheSameKindAndRound() {
        String round = "2041-H1";
        String natoInventory = submitted(NATO, "INVENTORY", round, inventory("Site N", 24));
        String natoPerformance = submitted(NATO, "INTERCEPTOR_PERFORMANCE", round, performance(4.5));
        String natoInventoryNextRound = submitted(NATO, "INVENTORY", "2041-H2", inventory("Site N", 24));

        // stage 1: Russia has submitted nothing
        assertTable("Russia has submitted nothing", List.of(
                new Read(NATO, Roles.ANALYST, natoInventory, 200, null),
                new Read(NATO, Roles.AUDITOR, natoInventory, 200, null),
                new Read(RUSSIA, Roles.ANALYST, natoInventory, 403, "reciprocity-not-met"),
                new Read(RUSSIA, Roles.TRANSPARENCY_OFFICER, natoInventory, 403, "reciprocity-not-met"),
                new Read(RUSSIA, Roles.ANALYST, natoPerformance, 403, "reciprocity-not-met")));
        assertListed(RUSSIA, round, List.of());

        // stage 2: Russia drafts its inventory: a draft is not a submission
        String russianInventory = draft(RUSSIA, "INVENTORY", round, inventory("Site R", 12));
        assertTable("Russia has only a draft", List.of(
                new Read(RUSSIA, Roles.ANALYST, natoInventory, 403, "reciprocity-not-met"),
                new Read(NATO, Roles.ANALYST, russianInventory, 404, "not-found"),
                new Read(RUSSIA, Roles.ANALYST, russianInventory, 200, null)));

        // stage 3: Russia submits its inventory for the round: inventories of that round are mutually readable
        submit(RUSSIA, russianInventory);
        assertTable("both submitted INVENTORY " + round, List.of(
                new Read(RUSSIA, Roles.ANALYST, natoInventory, 200, null),
                new Read(RUSSIA, Roles.LIAISON, natoInventory, 200, null),
                new Read(RUSSIA, Roles.AUDITOR, natoInventory, 200, null),
                new Read(NATO, Roles.ANALYST, russianInventory, 200, null),
                // another kind of the same round: Russia has not submitted it
                new Read(RUSSIA, Roles.ANALYST, natoPerformance, 403, "reciprocity-not-met"),
                // the same kind of another round: Russia has not submitted that round
                new Read(RUSSIA, Roles.ANALYST, natoInventoryNextRound, 403, "reciprocity-not-met"),
                // roles without read access
                new Read(RUSSIA, Roles.EXERCISE_PLANNER, natoInventory, 403, "forbidden"),
                new Read(RUSSIA, Roles.FUSION_OPERATOR, natoInventory, 403, "forbidden")));
        assertListed(RUSSIA, round, List.of(natoInventory, russianInventory));
        assertListed(NATO, round, List.of(natoInventory, natoPerformance, russianInventory));
        analyst(RUSSIA).get("/api/disclosures/" + natoInventory).then()
                .body("access", equalTo("RECIPROCAL"))
                .body("party", equalTo("NATO"))
                .body("allowedActions", equalTo(List.of()))
                .body("content.components[0].designation", equalTo("Site N"));
        analyst(NATO).get("/api/disclosures/" + natoInventory).then().body("access", equalTo("OWN"));
    }

    @Test
    void draftsNeverLeak_notInListsNotByIdNotInErrors() {
        String round = "2042-H1";
        String marker = "Draft-only site " + UUID.randomUUID();
        String natoDraft = draft(NATO, "INVENTORY", round, inventory(marker, 3));
        // Russia has submitted the same kind and round: even so, a draft stays invisible
        submitted(RUSSIA, "INVENTORY", round, inventory("Site R", 1));

        for (String role : List.of(Roles.ANALYST, Roles.AUDITOR, Roles.LIAISON, Roles.TRANSPARENCY_OFFICER)) {
            for (String query : List.of("", "?party=NATO", "?status=DRAFT", "?round=" + round,
                    "?kind=INVENTORY&round=" + round + "&party=NATO&status=DRAFT")) {
                String body = as(RUSSIA, role).get("/api/disclosures" + query).then().statusCode(200)
                        .extract().asString();
                assertThat(body).as(role + " list " + query).doesNotContain(natoDraft).doesNotContain(marker);
            }
            assertSameAsMissing(as(RUSSIA, role).get("/api/disclosures/" + natoDraft), natoDraft, "GET");
        }
        String missing = randomId();
        // write attempts by the other party's officer: the same 404 as for an id that does not exist
        assertSameAsMissing(officer(RUSSIA).body("{\"content\":" + inventory("x", 1) + "}")
                .put("/api/disclosures/" + natoDraft), natoDraft, "PUT", officer(RUSSIA)
                .body("{\"content\":" + inventory("x", 1) + "}").put("/api/disclosures/" + missing), missing);
        assertSameAsMissing(officer(RUSSIA).post("/api/disclosures/" + natoDraft + "/submit"), natoDraft, "submit",
                officer(RUSSIA).post("/api/disclosures/" + missing + "/submit"), missing);
        assertSameAsMissing(officer(RUSSIA).delete("/api/disclosures/" + natoDraft), natoDraft, "DELETE",
                officer(RUSSIA).delete("/api/disclosures/" + missing), missing);
        // an assessment naming the draft is refused exactly like a missing disclosure
        String assess = "{\"interceptor\":{\"site\":{\"lat\":54,\"lon\":17},\"disclosureId\":\"%s\","
                + "\"interceptorType\":\"Type A\"},\"trajectoryIds\":[\"ILL-1\"]}";
        assertSameAsMissing(analyst(RUSSIA).body(assess.formatted(natoDraft)).post("/api/assessments"), natoDraft,
                "assessment", analyst(RUSSIA).body(assess.formatted(missing)).post("/api/assessments"), missing);

        // the draft is NATO's own: readable there, and still a draft
        analyst(NATO).get("/api/disclosures/" + natoDraft).then().statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("allowedActions", hasItems("edit", "submit", "discard"));
        // the compliance view counts submissions only
        String compliance = analyst(RUSSIA).get("/api/compliance").then().statusCode(200).extract().asString();
        assertThat(compliance).doesNotContain(natoDraft).doesNotContain(marker);
    }

    @Test
    void revisionSupersedesThePreviousVersionWithAFieldByFieldChangeNotice_andEventsArePublished() {
        String round = "2043-H1";
        try (TopicProbe probe = TopicProbe.localBroker("transparency.events")) {
            String v1 = submitted(NATO, "INVENTORY", round, inventory("Site A", 24));
            String today = LocalDate.ofInstant(AgreementFeed.serviceNow(), ZoneOffset.UTC).toString();

            // the change date is required, and never in the future
            officer(NATO).body("{\"content\":" + inventory("Site A", 30) + "}")
                    .post("/api/disclosures/" + v1 + "/revisions").then().statusCode(400)
                    .body("errors.field", hasItem("changeOccurredOn"));
            String v2 = officer(NATO).body("{\"content\":" + inventory("Site A", 30) + ",\"changeOccurredOn\":\""
                    + today + "\"}").post("/api/disclosures/" + v1 + "/revisions").then().statusCode(201)
                    .body("version", equalTo(2))
                    .body("status", equalTo("DRAFT"))
                    .body("changeNoticePreview", equalTo(true))
                    .body("changeNotice.changes[0].path", equalTo("components[designation=Site A].count"))
                    .extract().path("id");
            // a second draft of the same series is refused
            officer(NATO).body("{\"content\":" + inventory("Site A", 31) + ",\"changeOccurredOn\":\"" + today
                    + "\"}").post("/api/disclosures/" + v1 + "/revisions").then().statusCode(409)
                    .body("type", equalTo("urn:mdcoop:problem:draft-exists"));

            officer(NATO).post("/api/disclosures/" + v2 + "/submit").then().statusCode(200)
                    .body("status", equalTo("SUBMITTED"))
                    .body("changeNoticePreview", equalTo(false))
                    .body("changeNotice.fromVersion", equalTo(1))
                    .body("changeNotice.toVersion", equalTo(2))
                    .body("changeNotice.changes[0].type", equalTo("CHANGED"))
                    .body("changeNotice.changes[0].before", equalTo("24"))
                    .body("changeNotice.changes[0].after", equalTo("30"));
            analyst(NATO).get("/api/disclosures/" + v1).then().statusCode(200)
                    .body("status", equalTo("SUPERSEDED"))
                    .body("changeNotice", nullValue());
            // a superseded version cannot be revised again
            officer(NATO).body("{\"content\":" + inventory("Site A", 40) + ",\"changeOccurredOn\":\"" + today
                    + "\"}").post("/api/disclosures/" + v1 + "/revisions").then().statusCode(409)
                    .body("currentState", equalTo("SUPERSEDED"));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<EventEnvelope> mine = probe.poll(e -> e.subjectId().equals(v1) || e.subjectId().equals(v2));
                assertThat(mine).extracting(EventEnvelope::type).containsExactlyInAnyOrder(
                        "transparency.disclosure-submitted", "transparency.disclosure-submitted",
                        "transparency.disclosure-superseded");
                EventEnvelope superseded = mine.stream()
                        .filter(e -> e.type().equals("transparency.disclosure-superseded")).findFirst().orElseThrow();
                assertThat(superseded.subjectId()).isEqualTo(v1);
                assertThat(superseded.party()).isEqualTo(NATO);
                assertThat(superseded.producer()).isEqualTo("transparency");
                assertThat(superseded.agreementId()).isNotNull();
                assertThat(superseded.payload().path("supersededBy").asText()).isEqualTo(v2);
                assertThat(superseded.payload().path("changeNotice").path("changes").get(0).path("after").asText())
                        .isEqualTo("30");
            });
        }
    }

    @Test
    void invalidInputIsRefusedWith400ListingEveryField() {
        officer(NATO).body("{\"round\":\"2026-H3\",\"content\":{}}").post("/api/disclosures").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("kind", "round"));
        officer(NATO).body("{\"kind\":\"INVENTORY\",\"round\":\"2044-H1\",\"content\":{\"components\":["
                + "{\"type\":\"RADAR\",\"designation\":\"R1\",\"count\":-1,\"lat\":91,\"lon\":-181},"
                + "{\"type\":\"RADAR\",\"designation\":\"R1\",\"count\":1,\"lat\":0,\"lon\":0,\"status\":\"PLANNED\"}"
                + "]}}").post("/api/disclosures").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:mdcoop:problem:validation"))
                .body("errors.field", equalTo(List.of("content.components[0].count", "content.components[0].lat",
                        "content.components[0].lon", "content.components[0].status",
                        "content.components[1].designation")));
        officer(NATO).body("{\"kind\":\"INTERCEPTOR_PERFORMANCE\",\"round\":\"2044-H1\",\"content\":{\"interceptors\":"
                + "[{\"interceptorType\":\"T\",\"maxRangeKm\":700,\"maxAltitudeKm\":500,\"burnoutVelocityKmS\":13}]}}")
                .post("/api/disclosures").then().statusCode(400)
                .body("errors.field", equalTo(List.of("content.interceptors[0].burnoutVelocityKmS")));
        officer(NATO).body("{\"kind\":\"DEPLOYMENT_PLAN\",\"round\":\"2044-H1\",\"content\":{\"phases\":[{\"name\":"
                + "\"P\",\"startDate\":\"2028-01-01\",\"endDate\":\"2027-01-01\",\"sites\":[]}]}}")
                .post("/api/disclosures").then().statusCode(400)
                .body("errors.field", equalTo(List.of("content.phases[0].endDate")));
        // unknown fields, inside the content or at the top (a party field is never bound from the body)
        officer(NATO).body("{\"kind\":\"INVENTORY\",\"round\":\"2044-H1\",\"content\":{\"components\":[],"
                + "\"colour\":\"red\"}}").post("/api/disclosures").then().statusCode(400)
                .body("errors.field", hasItem("content.colour"));
        officer(NATO).body("{\"kind\":\"INVENTORY\",\"round\":\"2044-H1\",\"party\":\"RUSSIA\",\"content\":"
                + inventory("S", 1) + "}").post("/api/disclosures").then().statusCode(400)
                .body("errors.field", hasItem("party"));
        officer(NATO).body("{\"kind\":\"INVENTORY\",\"round\":\"2044-H1\",\"content\":{\"components\":[{\"type\":"
                + "\"SUBMARINE\",\"designation\":\"S\",\"count\":1,\"lat\":0,\"lon\":0,\"status\":\"PLANNED\"}]}}")
                .post("/api/disclosures").then().statusCode(400)
                .body("errors.field", hasItem("content.components[0].type"));
        analyst(NATO).get("/api/disclosures?round=2026-H7&kind=RADAR").then().statusCode(400)
                .body("errors.field", hasItems("kind"));
        // nothing was stored by any of these
        analyst(NATO).get("/api/disclosures?round=2044-H1").then().statusCode(200).body("size()", equalTo(0));
        // only transparency officers write
        as(NATO, Roles.ANALYST).body("{\"kind\":\"INVENTORY\",\"round\":\"2044-H1\",\"content\":"
                + inventory("S", 1) + "}").post("/api/disclosures").then().statusCode(403);
    }

    @Test
    void roleMatrix_readersReadEverywhereOnlyTransparencyOfficersWriteOtherRolesAreForbidden() {
        List<String> readers = List.of(Roles.TRANSPARENCY_OFFICER, Roles.ANALYST, Roles.AUDITOR, Roles.LIAISON);
        List<String> failures = new ArrayList<>();
        for (Party party : Party.values()) {
            for (String role : Roles.ALL) {
                int read = readers.contains(role) ? 200 : 403;
                expect(failures, party, role, "GET /api/disclosures", read,
                        as(party, role).get("/api/disclosures").statusCode());
                expect(failures, party, role, "GET /api/tests", read, as(party, role).get("/api/tests").statusCode());
                expect(failures, party, role, "GET /api/compliance", read,
                        as(party, role).get("/api/compliance").statusCode());
                expect(failures, party, role, "GET /api/assessments/reference-trajectories", read,
                        as(party, role).get("/api/assessments/reference-trajectories").statusCode());
                // an empty body gets past authorisation only for the roles allowed to write: then it is a 400
                expect(failures, party, role, "POST /api/assessments", readers.contains(role) ? 400 : 403,
                        as(party, role).body("{}").post("/api/assessments").statusCode());
                int write = Roles.TRANSPARENCY_OFFICER.equals(role) ? 400 : 403;
                expect(failures, party, role, "POST /api/disclosures", write,
                        as(party, role).body("{}").post("/api/disclosures").statusCode());
                expect(failures, party, role, "POST /api/tests", write,
                        as(party, role).body("{}").post("/api/tests").statusCode());
                expect(failures, party, role, "POST /api/disclosures/{id}/submit",
                        Roles.TRANSPARENCY_OFFICER.equals(role) ? 404 : 403,
                        as(party, role).post("/api/disclosures/" + randomId() + "/submit").statusCode());
            }
        }
        assertThat(failures).isEmpty();
        io.restassured.RestAssured.given().get("/api/disclosures").then().statusCode(401);
    }

    private static void expect(List<String> failures, Party party, String role, String call, int expected,
            int actual) {
        if (expected != actual) {
            failures.add(party + " " + role + " " + call + ": expected " + expected + " got " + actual);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static void assertTable(String stage, List<Read> table) {
        List<String> failures = new ArrayList<>();
        for (Read r : table) {
            Response response = as(r.reader(), r.role()).get("/api/disclosures/" + r.disclosureId());
            String type = response.statusCode() == 200 ? null : response.path("type");
            String expectedType = r.problemType() == null ? null : "urn:mdcoop:problem:" + r.problemType();
            if (response.statusCode() != r.status() || !java.util.Objects.equals(type, expectedType)) {
                failures.add(r + " got " + response.statusCode() + " " + type);
            }
        }
        assertThat(failures).as(stage).isEmpty();
    }

    private static void assertListed(Party reader, String round, List<String> expectedIds) {
        List<String> ids = analyst(reader).get("/api/disclosures?round=" + round).then().statusCode(200)
                .extract().path("id");
        assertThat(ids).as(reader + " lists round " + round).containsExactlyInAnyOrderElementsOf(expectedIds);
    }

    private static void assertSameAsMissing(Response response, String hiddenId, String what) {
        String missing = randomId();
        Response reference = as(RUSSIA, Roles.ANALYST).get("/api/disclosures/" + missing);
        assertSameAsMissing(response, hiddenId, what, reference, missing);
    }

    private static void assertSameAsMissing(Response response, String hiddenId, String what, Response reference,
            String missingId) {
        assertThat(response.statusCode()).as(what).isEqualTo(404);
        assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        assertThat(response.asString().replace(hiddenId, "ID")).as(what)
                .isEqualTo(reference.asString().replace(missingId, "ID"));
    }
}

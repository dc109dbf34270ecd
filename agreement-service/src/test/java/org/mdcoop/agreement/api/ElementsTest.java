package org.mdcoop.agreement.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.mdcoop.agreement.api.AgreementApi.as;
import static org.mdcoop.agreement.api.AgreementApi.closeOpenAgreements;
import static org.mdcoop.agreement.api.AgreementApi.command;
import static org.mdcoop.agreement.api.AgreementApi.draftByNato;
import static org.mdcoop.agreement.api.AgreementApi.natoLiaison;
import static org.mdcoop.agreement.api.AgreementApi.provisionalAgreement;
import static org.mdcoop.agreement.api.AgreementApi.russianLiaison;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mdcoop.common.events.EventEnvelope;
import org.mdcoop.common.security.Roles;
import org.mdcoop.common.testing.TestTokens;
import org.mdcoop.common.testing.TopicProbe;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Issue 16 through the API, against the real PostgreSQL and broker: one party stops one element alone, typed
 * amendments change the agreement when both endorse (and only then).
 */
@QuarkusTest
class ElementsTest {

    @BeforeEach
    void noOpenAgreement() {
        closeOpenAgreements();
    }

    private static ValidatableResponse stop(io.restassured.specification.RequestSpecification who, String id,
            String element) {
        return who.body("{\"reason\":\"too close to our border\"}")
                .post("/api/agreements/" + id + "/elements/" + element + "/stop").then();
    }

    private static int auditHead() {
        return as(TestTokens.nato(Roles.AUDITOR)).get("/api/audit/head").then().statusCode(200)
                .extract().path("seq");
    }

    private static List<String> auditActionsSince(int seq) {
        return as(TestTokens.russia(Roles.AUDITOR)).get("/api/audit?fromSeq=" + seq + "&limit=1000").then()
                .statusCode(200).extract().path("entries.action");
    }

    @Test
    void russiaStopsJointExercisesAloneTheStatusShowsItStoppedAndTheOthersRun() {
        try (TopicProbe probe = TopicProbe.localBroker(AgreementApi.STATUS_TOPIC)) {
            String id = provisionalAgreement();
            int head = auditHead();

            stop(russianLiaison(), id, "JOINT_EXERCISES").statusCode(200)
                    .body("status", equalTo("PROVISIONAL"))
                    .body("inForce", equalTo(true))
                    .body("elements", not(hasItem("JOINT_EXERCISES")))
                    .body("elements", hasItems("TRANSPARENCY", "DATA_FUSION_CENTRE", "COOPERATION_CENTRE"))
                    .body("stoppedElements", equalTo(List.of("JOINT_EXERCISES")));

            UUID agreementId = UUID.fromString(id);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<EventEnvelope> statuses = probe.poll(e -> agreementId.equals(e.agreementId()));
                assertThat(statuses).isNotEmpty();
                var latest = statuses.get(statuses.size() - 1).payload();
                assertThat(latest.path("status").asText()).isEqualTo("PROVISIONAL");
                assertThat(latest.path("elements").toString()).doesNotContain("JOINT_EXERCISES")
                        .contains("TRANSPARENCY", "DATA_FUSION_CENTRE", "COOPERATION_CENTRE");
                assertThat(latest.path("stoppedElements").toString()).isEqualTo("[\"JOINT_EXERCISES\"]");
            });
            assertThat(auditActionsSince(head)).contains("agreement.element-stopped");

            // twice: a conflict; an unknown element: a 400 naming it; another role: 403
            stop(natoLiaison(), id, "joint-exercises").statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo("urn:mdcoop:problem:element-already-stopped"));
            stop(natoLiaison(), id, "SUBMARINES").statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("element"));
            natoLiaison().body("{}").post("/api/agreements/" + id + "/elements/TRANSPARENCY/stop").then()
                    .statusCode(400).body("errors.field", hasItem("reason"));
            stop(as(TestTokens.nato(Roles.ANALYST)), id, "TRANSPARENCY").statusCode(403);

            // re-opening needs both: NATO's proposal alone changes nothing, Russia's endorsement opens it
            String amendment = natoLiaison().body("{\"title\":\"Exercises again\",\"text\":\"Resume them.\","
                    + "\"type\":\"ADD_ELEMENT\",\"element\":\"JOINT_EXERCISES\"}")
                    .post("/api/agreements/" + id + "/amendments").then().statusCode(201)
                    .body("type", equalTo("ADD_ELEMENT")).body("element", equalTo("JOINT_EXERCISES"))
                    .body("effect", nullValue())
                    .extract().path("id");
            natoLiaison().get("/api/agreements/" + id).then().body("elements", not(hasItem("JOINT_EXERCISES")));
            russianLiaison().post("/api/agreements/" + id + "/amendments/" + amendment + "/endorse").then()
                    .statusCode(200).body("status", equalTo("ADOPTED"))
                    .body("effect", equalTo("JOINT_EXERCISES opened"));
            natoLiaison().get("/api/agreements/" + id).then().statusCode(200)
                    .body("elements", hasItem("JOINT_EXERCISES")).body("stoppedElements", equalTo(List.of()));
            assertThat(auditActionsSince(head)).contains("amendment.adopted", "agreement.element-added");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<EventEnvelope> statuses = probe.poll(e -> agreementId.equals(e.agreementId()));
                var latest = statuses.get(statuses.size() - 1).payload();
                assertThat(latest.path("elements").toString()).contains("JOINT_EXERCISES");
                assertThat(latest.path("stoppedElements").toString()).isEqualTo("[]");
            });
        }
    }

    @Test
    void stoppingTheLastRunningElementIsAWithdrawal() {
        String id = draftByNato("{\"elements\":[\"TRANSPARENCY\",\"JOINT_EXERCISES\"]}");
        command(natoLiaison(), id, "submit").statusCode(200);
        command(russianLiaison(), id, "accept").statusCode(200);

        stop(natoLiaison(), id, "TRANSPARENCY").statusCode(200).body("status", equalTo("PROVISIONAL"));
        stop(russianLiaison(), id, "JOINT_EXERCISES").statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("withdrawnBy", equalTo("RUSSIA"))
                .body("inForce", equalTo(false));
        // no longer in force: 409
        stop(natoLiaison(), id, "JOINT_EXERCISES").statusCode(409)
                .body("type", equalTo("urn:mdcoop:problem:agreement-not-in-force"));
    }

    @Test
    void removeElementAndChangeNoticePeriodTakeEffectWhenBothEndorse() {
        String id = provisionalAgreement();
        int head = auditHead();
        String remove = russianLiaison().body("{\"title\":\"No fusion\",\"text\":\"Close the centre.\","
                + "\"type\":\"REMOVE_ELEMENT\",\"element\":\"DATA_FUSION_CENTRE\"}")
                .post("/api/agreements/" + id + "/amendments").then().statusCode(201).extract().path("id");
        String notice = natoLiaison().body("{\"title\":\"Shorter notice\",\"text\":\"Two months.\","
                + "\"type\":\"CHANGE_NOTICE_PERIOD\",\"noticeMonths\":2}")
                .post("/api/agreements/" + id + "/amendments").then().statusCode(201).extract().path("id");
        // a single party's endorsement changes nothing
        natoLiaison().get("/api/agreements/" + id).then()
                .body("elements", hasItem("DATA_FUSION_CENTRE")).body("noticeMonths", equalTo(6));

        natoLiaison().post("/api/agreements/" + id + "/amendments/" + remove + "/endorse").then().statusCode(200)
                .body("effect", equalTo("DATA_FUSION_CENTRE closed"));
        russianLiaison().post("/api/agreements/" + id + "/amendments/" + notice + "/endorse").then().statusCode(200)
                .body("effect", equalTo("notice period 6 -> 2 months"));
        natoLiaison().get("/api/agreements/" + id).then().statusCode(200)
                .body("elements", not(hasItem("DATA_FUSION_CENTRE"))).body("noticeMonths", equalTo(2))
                .body("stoppedElements", equalTo(List.of()));
        natoLiaison().get("/api/agreements/" + id + "/amendments").then().statusCode(200)
                .body("type", hasItems("REMOVE_ELEMENT", "CHANGE_NOTICE_PERIOD"));
        assertThat(auditActionsSince(head)).contains("agreement.element-removed", "agreement.notice-period-changed");
    }

    @Test
    void typedAmendmentsAreValidatedAtProposalAndTextStaysTheDefault() {
        String id = provisionalAgreement();
        String path = "/api/agreements/" + id + "/amendments";
        natoLiaison().body("{\"title\":\"t\",\"text\":\"x\"}").post(path).then().statusCode(201)
                .body("type", equalTo("TEXT"));
        natoLiaison().body("{\"title\":\"t\",\"text\":\"x\",\"type\":\"ADD_ELEMENT\"}").post(path).then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("element"));
        natoLiaison().body("{\"title\":\"t\",\"text\":\"x\",\"type\":\"CHANGE_NOTICE_PERIOD\",\"noticeMonths\":500}")
                .post(path).then().statusCode(400).body("errors.field", hasItem("noticeMonths"));
        natoLiaison().body("{\"title\":\"t\",\"text\":\"x\",\"type\":\"ADD_ELEMENT\",\"element\":\"TRANSPARENCY\"}")
                .post(path).then().statusCode(409).body("type", equalTo("urn:mdcoop:problem:element-already-covered"));
        natoLiaison().body("{\"title\":\"t\",\"text\":\"x\",\"type\":\"NONSENSE\"}").post(path).then()
                .statusCode(400).contentType("application/problem+json");
    }
}

package org.mdcoop.agreement.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.mdcoop.agreement.api.AgreementApi.ALL_ELEMENTS;
import static org.mdcoop.agreement.api.AgreementApi.as;
import static org.mdcoop.agreement.api.AgreementApi.closeOpenAgreements;
import static org.mdcoop.agreement.api.AgreementApi.command;
import static org.mdcoop.agreement.api.AgreementApi.draftByNato;
import static org.mdcoop.agreement.api.AgreementApi.natoLiaison;
import static org.mdcoop.agreement.api.AgreementApi.russianLiaison;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mdcoop.common.events.EventEnvelope;
import org.mdcoop.common.security.Roles;
import org.mdcoop.common.testing.TestTokens;
import org.mdcoop.common.testing.TopicProbe;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The agreement's life through the API, against the real PostgreSQL and the real broker. */
@QuarkusTest
class AgreementStoryTest {

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void noOpenAgreement() {
        closeOpenAgreements();
    }

    @Test
    void natoProposesRussiaAcceptsBothExtendRussiaWithdraws_eventsArriveInOrder() {
        try (TopicProbe probe = TopicProbe.localBroker(AgreementApi.EVENTS_TOPIC)) {
            String id = draftByNato(ALL_ELEMENTS);

            // a draft is NATO's alone
            as(TestTokens.russia(Roles.ANALYST)).get("/api/agreements/" + id).then().statusCode(404);
            as(TestTokens.russia(Roles.ANALYST)).get("/api/agreements").then().statusCode(200)
                    .body("id", not(hasItem(id)));
            as(TestTokens.nato(Roles.ANALYST)).get("/api/agreements/" + id).then().statusCode(200)
                    .body("status", equalTo("DRAFT"));

            command(natoLiaison(), id, "submit").statusCode(200).body("status", equalTo("PROPOSED"));
            // the proposer cannot accept its own proposal
            command(natoLiaison(), id, "accept").statusCode(409)
                    .contentType("application/problem+json")
                    .body("currentState", equalTo("PROPOSED"))
                    .body("allowedActions", hasItem("retract"));
            // once submitted, the other party's analysts and auditors read it
            as(TestTokens.russia(Roles.AUDITOR)).get("/api/agreements/" + id).then().statusCode(200)
                    .body("status", equalTo("PROPOSED"));

            command(russianLiaison(), id, "accept").statusCode(200)
                    .body("status", equalTo("PROVISIONAL"))
                    .body("termMonths", equalTo(48))
                    .body("inForce", equalTo(true));
            String expiresBefore = natoLiaison().get("/api/agreements/" + id).then().extract().path("expiresAt");

            natoLiaison().body("{\"months\":24}").put("/api/agreements/" + id + "/extension-consent")
                    .then().statusCode(200).body("status", equalTo("PROVISIONAL"));
            russianLiaison().body("{\"months\":24}").put("/api/agreements/" + id + "/extension-consent")
                    .then().statusCode(200);
            String expiresAfter = natoLiaison().get("/api/agreements/" + id).then().extract().path("expiresAt");
            assertThat(Instant.parse(expiresAfter)).isAfter(Instant.parse(expiresBefore).plus(Duration.ofDays(720)));

            russianLiaison().body("{\"reason\":\"national security interests\"}")
                    .post("/api/agreements/" + id + "/withdraw")
                    .then().statusCode(200)
                    .body("status", equalTo("WITHDRAWN"))
                    .body("withdrawnBy", equalTo("RUSSIA"))
                    .body("inForce", equalTo(false));

            UUID agreementId = UUID.fromString(id);
            List<String> expected = List.of("agreement.proposed", "agreement.activated",
                    "agreement.extension-consented", "agreement.extension-consented", "agreement.extended",
                    "agreement.withdrawn");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    probe.poll(e -> agreementId.equals(e.agreementId())).stream().map(EventEnvelope::type))
                    .containsExactlyElementsOf(expected));
            EventEnvelope withdrawn = probe.poll(e -> agreementId.equals(e.agreementId())).get(5);
            assertThat(withdrawn.party()).hasToString("RUSSIA");
            assertThat(withdrawn.subjectId()).isEqualTo(id);
            assertThat(withdrawn.payload().path("agreementStatus").path("inForce").asBoolean()).isFalse();
            assertThat(withdrawn.payload().path("reason").asText()).isEqualTo("national security interests");
        }
    }

    @Test
    void latestStatusIsPublishedToTheCompactedStatusTopic() {
        try (TopicProbe probe = TopicProbe.localBroker(AgreementApi.STATUS_TOPIC)) {
            String id = draftByNato(ALL_ELEMENTS);
            command(natoLiaison(), id, "submit").statusCode(200);
            command(russianLiaison(), id, "accept").statusCode(200);
            UUID agreementId = UUID.fromString(id);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<EventEnvelope> statuses = probe.poll(e -> agreementId.equals(e.agreementId()));
                assertThat(statuses).isNotEmpty();
                EventEnvelope latest = statuses.get(statuses.size() - 1);
                assertThat(latest.payload().path("status").asText()).isEqualTo("PROVISIONAL");
                assertThat(latest.payload().path("inForce").asBoolean()).isTrue();
                assertThat(latest.payload().path("elements").toString()).contains("DATA_FUSION_CENTRE");
            });
        }
    }

    @Test
    void provisionalAgreementExpiresByItselfWhenTheTermEnds() {
        String id = draftByNato("{\"elements\":[\"TRANSPARENCY\"],\"termMonths\":1}");
        command(natoLiaison(), id, "submit").statusCode(200);
        command(russianLiaison(), id, "accept").statusCode(200);

        long offset = natoLiaison().body("{\"seconds\": " + Duration.ofDays(32).toSeconds() + "}")
                .post("/api/clock/advance").then().statusCode(200).extract().jsonPath().getLong("offsetSeconds");
        // the moved clock survives a restart: a clock running backwards would find an expired agreement in force
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select offset_seconds from clock_offset where id = 1").getSingleResult())
                .longValue())).isEqualTo(offset);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                natoLiaison().get("/api/agreements/" + id).then().statusCode(200)
                        .body("status", equalTo("EXPIRED"))
                        .body("inForce", equalTo(false)));
        // consents after expiry are refused
        natoLiaison().body("{\"months\":12}").put("/api/agreements/" + id + "/extension-consent")
                .then().statusCode(409).contentType("application/problem+json");
        as(TestTokens.russia(Roles.AUDITOR)).get("/api/audit").then().statusCode(200)
                .body("entries.action", hasItem("agreement.expired"));
    }

    @Test
    void onlyOneAgreementMayBeOpenAtATime() {
        String first = draftByNato(ALL_ELEMENTS);
        command(natoLiaison(), first, "submit").statusCode(200);
        String second = russianLiaison().body(ALL_ELEMENTS).post("/api/agreements").then().statusCode(201)
                .extract().path("id");
        command(russianLiaison(), second, "submit").statusCode(409)
                .body("type", equalTo("urn:mdcoop:problem:agreement-already-open"));
        // an id the caller cannot see is unknown first, whatever else is open: the other party's draft, or no agreement
        String natoDraft = draftByNato(ALL_ELEMENTS);
        command(russianLiaison(), natoDraft, "submit").statusCode(404)
                .body("type", equalTo("urn:mdcoop:problem:not-found"));
        command(russianLiaison(), UUID.randomUUID().toString(), "submit").statusCode(404);
    }

    @Test
    void auditChainVerifiesThenFailsAtTheEditedEntry() {
        String id = draftByNato(ALL_ELEMENTS);
        command(natoLiaison(), id, "submit").statusCode(200);
        command(russianLiaison(), id, "accept").statusCode(200);

        as(TestTokens.nato(Roles.AUDITOR)).get("/api/audit/verify").then().statusCode(200)
                .body("valid", equalTo(true));
        int headSeq = as(TestTokens.russia(Roles.AUDITOR)).get("/api/audit/head").then().statusCode(200)
                .extract().path("seq");
        assertThat(headSeq).isGreaterThanOrEqualTo(2);

        long tampered = headSeq - 1;
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update audit_entry set action = 'agreement.rejected' where seq = :seq")
                .setParameter("seq", tampered).executeUpdate());
        try {
            as(TestTokens.russia(Roles.AUDITOR)).get("/api/audit/verify").then().statusCode(200)
                    .body("valid", equalTo(false))
                    .body("firstBrokenSeq", equalTo((int) tampered))
                    .body("failure", equalTo("HASH_MISMATCH"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> entityManager
                    .createNativeQuery("update audit_entry set action = 'agreement.proposed' where seq = :seq")
                    .setParameter("seq", tampered).executeUpdate());
        }
        as(TestTokens.nato(Roles.AUDITOR)).get("/api/audit/verify").then().body("valid", equalTo(true));
    }

    @Test
    void analystMayNotReadTheAuditLogNorActAsLiaison() {
        as(TestTokens.nato(Roles.ANALYST)).get("/api/audit").then().statusCode(403);
        as(TestTokens.nato(Roles.AUDITOR)).body(ALL_ELEMENTS).post("/api/agreements").then().statusCode(403);
    }

    @Test
    void invalidDraftIsRefusedWithTheFieldsAndNothingIsStored() {
        long before = countAgreements();
        natoLiaison().body("{\"elements\":[],\"termMonths\":121}").post("/api/agreements")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("elements", "termMonths"));
        natoLiaison().body("{\"elements\":[\"SPACE_WEAPONS\"]}").post("/api/agreements")
                .then().statusCode(400).body("errors.field", hasItem("elements[0]"));
        natoLiaison().body("{\"elements\":[\"TRANSPARENCY\"],\"status\":\"PERMANENT\"}").post("/api/agreements")
                .then().statusCode(400).body("errors.field", hasItem("status"));
        assertThat(countAgreements()).isEqualTo(before);
    }

    @Transactional
    long countAgreements() {
        return entityManager.createQuery("select count(a) from AgreementRow a", Long.class).getSingleResult();
    }
}

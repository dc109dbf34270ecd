package org.mdcoop.agreement.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mdcoop.agreement.api.AgreementApi.command;
import static org.mdcoop.agreement.api.AgreementApi.draftByNato;
import static org.mdcoop.agreement.api.AgreementApi.natoLiaison;
import static org.mdcoop.agreement.api.AgreementApi.russianLiaison;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.mdcoop.agreement.contract.AgreementStatusMessage;
import org.mdcoop.agreement.contract.AgreementTopics;
import org.mdcoop.common.events.EventEnvelope;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.testing.TopicProbe;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What the agreement-service publishes with nobody acting: {@code agreement.in-force} when a deferred effective moment
 * comes, and the heartbeat (the committed status again, same revision) every few seconds. What it publishes reads as
 * the contract's {@link AgreementStatusMessage}.
 */
@QuarkusTest
class TimeDrivenStatusTest {

    @Test
    void aDeferredStartIsAnnouncedWhenItsMomentComes() {
        AgreementApi.closeOpenAgreements();
        Instant now = Instant.parse(natoLiaison().get("/api/clock").then().statusCode(200).extract().path("now"));
        Instant effective = now.plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String id = draftByNato("{\"elements\":[\"TRANSPARENCY\"],\"effectiveAt\":\"" + effective + "\"}");
        command(natoLiaison(), id, "submit").statusCode(200);
        long accepted = command(russianLiaison(), id, "accept").statusCode(200).extract().jsonPath()
                .getLong("version");

        try (TopicProbe events = TopicProbe.localBroker(AgreementApi.EVENTS_TOPIC)) {
            await("accepted, not yet in force").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(statusesOf(events.poll(e -> id.equals(e.subjectId())
                            && "agreement.activated".equals(e.type())))).singleElement().satisfies(s -> {
                                assertThat(s.inForce()).isFalse();
                                assertThat(s.effectiveAt()).isEqualTo(effective);
                            }));

            natoLiaison().body("{\"seconds\": " + Duration.ofHours(2).plusSeconds(1).toSeconds() + "}")
                    .post("/api/clock/advance").then().statusCode(200);

            await("in force, announced by the scheduler").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(statusesOf(events.poll(e -> id.equals(e.subjectId())
                            && AgreementTopics.IN_FORCE_EVENT.equals(e.type())))).singleElement().satisfies(s -> {
                                assertThat(s.status()).isEqualTo("PROVISIONAL");
                                assertThat(s.inForce()).isTrue();
                                assertThat(s.revision()).isGreaterThan(accepted);
                            }));
        }
        // announced once: a second pass of the scheduler finds nothing due
        natoLiaison().get("/api/agreements/" + id).then().statusCode(200)
                .body("inForce", org.hamcrest.Matchers.equalTo(true));
        AgreementApi.closeOpenAgreements();
    }

    @Test
    void theStatusOfAnOpenAgreementIsRepeatedAsTheHeartbeat() {
        String id = AgreementApi.provisionalAgreement();
        long revision = natoLiaison().get("/api/agreements/" + id).then().statusCode(200).extract().jsonPath()
                .getLong("version");

        try (TopicProbe probe = TopicProbe.localBroker(AgreementApi.STATUS_TOPIC)) {
            UUID heartbeatId = AgreementTopics.heartbeatEventId(UUID.fromString(id), revision);
            await("two heartbeats, nobody acting").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<EventEnvelope> same = probe.poll(e -> id.equals(e.subjectId())).stream()
                        .filter(e -> read(e.payload()).revision() == revision).toList();
                assertThat(statusesOnTopic(same)).hasSizeGreaterThanOrEqualTo(3) // the outbox's one and two beats
                        .allSatisfy(s -> {
                            assertThat(s.status()).isEqualTo("PROVISIONAL");
                            assertThat(s.elements()).contains("DATA_FUSION_CENTRE");
                        });
                // every beat of the revision is one fact under one id (followers claim it once); the change itself,
                // from the outbox, is an event of its own
                assertThat(same).filteredOn(e -> heartbeatId.equals(e.eventId())).hasSizeGreaterThanOrEqualTo(2);
                assertThat(same).filteredOn(e -> !heartbeatId.equals(e.eventId())).hasSize(1);
            });
        }
        AgreementApi.closeOpenAgreements();
    }

    private static List<AgreementStatusMessage> statusesOf(List<EventEnvelope> events) {
        return events.stream().map(e -> read(e.payload().path(AgreementTopics.STATUS_MEMBER))).toList();
    }

    private static List<AgreementStatusMessage> statusesOnTopic(List<EventEnvelope> statuses) {
        return statuses.stream().map(e -> read(e.payload())).toList();
    }

    private static AgreementStatusMessage read(com.fasterxml.jackson.databind.JsonNode node) {
        try {
            return EventSerde.mapper().treeToValue(node, AgreementStatusMessage.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("not a status: " + node, e);
        }
    }
}

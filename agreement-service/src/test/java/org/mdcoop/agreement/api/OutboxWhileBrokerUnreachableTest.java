package org.mdcoop.agreement.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.mdcoop.agreement.api.AgreementApi.ALL_ELEMENTS;
import static org.mdcoop.agreement.api.AgreementApi.closeOpenAgreements;
import static org.mdcoop.agreement.api.AgreementApi.command;
import static org.mdcoop.agreement.api.AgreementApi.draftByNato;
import static org.mdcoop.agreement.api.AgreementApi.natoLiaison;
import static org.mdcoop.agreement.api.AgreementApi.russianLiaison;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.mdcoop.common.events.EventEnvelope;
import org.mdcoop.common.outbox.OutboxConfig;
import org.mdcoop.common.outbox.OutboxRelay;
import org.mdcoop.common.testing.TopicProbe;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The service's Kafka address points at a closed port: commands must still succeed (the events wait in the
 * outbox), and once a relay reaches the real broker every event arrives exactly once.
 */
@QuarkusTest
@TestProfile(OutboxWhileBrokerUnreachableTest.UnreachableBroker.class)
class OutboxWhileBrokerUnreachableTest {

    public static class UnreachableBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:1");
        }
    }

    @Inject
    EntityManager entityManager;

    @Inject
    OutboxConfig outboxConfig;

    @Test
    void commandsSucceedWhileTheBrokerIsDownAndTheirEventsArriveOnceWhenItIsBack() {
        closeOpenAgreements();
        String id = draftByNato(ALL_ELEMENTS);
        command(natoLiaison(), id, "submit").statusCode(200).body("status", equalTo("PROPOSED"));
        command(russianLiaison(), id, "accept").statusCode(200).body("status", equalTo("PROVISIONAL"));
        UUID agreementId = UUID.fromString(id);

        // the application's own relay tries, fails, and keeps the events
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                unsent(agreementId)).isEqualTo(4));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager.createNativeQuery(
                        "select coalesce(max(attempts), 0) from outbox where sent_at is null")
                        .getSingleResult()).intValue())).isGreaterThan(0));

        // the broker is reachable again (a relay with the real address): everything arrives exactly once
        OutboxRelay reachable = new OutboxRelay(entityManager, outboxConfig, java.time.Clock.systemUTC(),
                Map.of("bootstrap.servers", "127.0.0.1:9092"));
        try (TopicProbe events = TopicProbe.localBroker(AgreementApi.EVENTS_TOPIC)) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                reachable.relayPending();
                assertThat(unsent(agreementId)).isZero();
            });
            reachable.relayPending();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<EventEnvelope> received = events.poll(e -> agreementId.equals(e.agreementId()));
                assertThat(received).extracting(EventEnvelope::type)
                        .containsExactly("agreement.proposed", "agreement.activated");
                assertThat(received).extracting(EventEnvelope::eventId).doesNotHaveDuplicates();
            });
        }
    }

    private long unsent(UUID agreementId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from outbox where sent_at is null and message_key = :key")
                .setParameter("key", agreementId.toString()).getSingleResult()).longValue());
    }
}

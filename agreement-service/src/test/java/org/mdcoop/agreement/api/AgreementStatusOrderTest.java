package org.mdcoop.agreement.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mdcoop.agreement.api.AgreementApi.natoLiaison;
import static org.mdcoop.agreement.api.AgreementApi.provisionalAgreement;
import static org.mdcoop.agreement.api.AgreementApi.russianLiaison;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.junit.jupiter.api.Test;
import org.mdcoop.agreement.persistence.AgreementRow;
import org.mdcoop.agreement.service.AgreementService;
import org.mdcoop.agreement.service.AmendmentService;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.events.EventEnvelope;
import org.mdcoop.common.testing.TopicProbe;
import org.mdcoop.common.time.AdjustableClock;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The followers keep the status with the highest revision, so every status about an agreement must carry a higher
 * revision than the one committed before it: an amendment racing a withdrawal, a withdrawal waiting behind an
 * amendment, whatever the clock says. A withdrawal can never be overtaken. The races are made to happen on every run
 * by holding one side open inside a transaction.
 */
@QuarkusTest
class AgreementStatusOrderTest {

    @Inject
    AgreementService agreements;

    @Inject
    AmendmentService amendments;

    @Inject
    EntityManager entityManager;

    @Inject
    AdjustableClock clock;

    @Inject
    DataSource dataSource;

    @Test
    void anEndorsementRacingAWithdrawalWaitsForItAndIsRefused() throws Exception {
        String id = provisionalAgreement();
        String amendment = natoLiaison().body("{\"title\":\"Shared radar calibration\",\"text\":\"Monthly.\"}")
                .post("/api/agreements/" + id + "/amendments").then().statusCode(201).extract().path("id");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch written = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            Future<?> withdrawal = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                agreements.withdraw(new AgreementService.Actor(Party.RUSSIA, "russia-liaison-test"),
                        UUID.fromString(id), "walks away mid-session");
                written.countDown();
                awaitQuietly(commit);
            }));
            assertThat(written.await(30, TimeUnit.SECONDS)).as("withdrawal written, not yet committed").isTrue();

            Future<Integer> endorsement = pool.submit(() -> russianLiaison()
                    .post("/api/agreements/" + id + "/amendments/" + amendment + "/endorse").statusCode());
            // either it waits for the withdrawal's row lock (as it must) or it has already answered (the old race)
            await("endorsement waiting or answered").atMost(Duration.ofSeconds(30))
                    .until(() -> endorsement.isDone() || someoneWaitsForARowLock());
            commit.countDown();
            withdrawal.get(60, TimeUnit.SECONDS);

            assertThat(endorsement.get(60, TimeUnit.SECONDS)).isEqualTo(409);
        } finally {
            pool.shutdownNow();
        }

        natoLiaison().get("/api/agreements/" + id + "/amendments/" + amendment).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("PROPOSED"));
        natoLiaison().get("/api/agreements/" + id).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("WITHDRAWN"));
        awaitTheWithdrawalAsTheLatestStatus(id);
    }

    /**
     * The other order: a withdrawal arrives while an amendment holds the agreement. Its status must outrank the
     * amendment's "in force" status at the followers. The clock moves on while the withdrawal waits: it must not
     * matter.
     */
    @Test
    void aWithdrawalWaitingBehindAnAmendmentPublishesTheLatestStatus() throws Exception {
        String id = provisionalAgreement();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch goOn = new CountDownLatch(1);
            Future<?> amendment = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                entityManager.find(AgreementRow.class, UUID.fromString(id), LockModeType.PESSIMISTIC_WRITE);
                held.countDown();
                awaitQuietly(goOn);
                amendments.propose(new AgreementService.Actor(Party.NATO, "nato-liaison-test"), UUID.fromString(id),
                        "Joint early-warning drill", "Twice a year.");
            }));
            assertThat(held.await(30, TimeUnit.SECONDS)).as("agreement held by the amendment").isTrue();

            Future<Integer> withdrawal = pool.submit(() -> russianLiaison().body("{\"reason\":\"walks away\"}")
                    .post("/api/agreements/" + id + "/withdraw").statusCode());
            await("withdrawal waiting").atMost(Duration.ofSeconds(30)).until(this::someoneWaitsForARowLock);
            clock.advance(Duration.ofSeconds(2));
            goOn.countDown();
            amendment.get(60, TimeUnit.SECONDS);

            assertThat(withdrawal.get(60, TimeUnit.SECONDS)).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }

        awaitTheWithdrawalAsTheLatestStatus(id);
    }

    /**
     * Whatever the clocks: the withdrawal's revision is higher than every status published before it, it is the
     * revision the agreement commits with, and a read of the statuses shows no lower one.
     */
    @Test
    void aWithdrawalCarriesAHigherRevisionThanEveryStatusBeforeIt() throws Exception {
        String id = provisionalAgreement();
        clock.advance(Duration.ofHours(1));

        long committed = russianLiaison().body("{\"reason\":\"walks away\"}")
                .post("/api/agreements/" + id + "/withdraw").then().statusCode(200).extract().jsonPath()
                .getLong("version");

        try (TopicProbe probe = TopicProbe.localBroker(AgreementApi.STATUS_TOPIC)) {
            await("withdrawal status published").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<EventEnvelope> statuses = probe.poll(e -> id.equals(e.subjectId()));
                List<EventEnvelope> withdrawn = statuses.stream()
                        .filter(e -> "WITHDRAWN".equals(e.payload().path("status").asText())).toList();
                assertThat(withdrawn).isNotEmpty().allSatisfy(e -> assertThat(
                        e.payload().path("revision").asLong()).isEqualTo(committed));
                assertThat(statuses).filteredOn(e -> !"WITHDRAWN".equals(e.payload().path("status").asText()))
                        .isNotEmpty()
                        .allSatisfy(e -> assertThat(e.payload().path("revision").asLong()).isLessThan(committed));
            });
        }
        // and a read of the statuses is not of an older revision either
        java.util.List<Long> revisions = natoLiaison().get("/api/agreements/status").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.agreementId == '" + id + "' }.revision", Long.class);
        assertThat(revisions).singleElement().satisfies(revision -> assertThat(revision).isEqualTo(committed));
    }

    /**
     * Waits for the agreement's four statuses (proposed, provisional, the amendment's, withdrawn) and checks that the
     * one the followers keep — the highest revision — is the withdrawal's.
     */
    private static void awaitTheWithdrawalAsTheLatestStatus(String id) {
        try (TopicProbe probe = TopicProbe.localBroker(AgreementApi.STATUS_TOPIC)) {
            await("every status published").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<EventEnvelope> statuses = probe.poll(e -> id.equals(e.subjectId()));
                assertThat(statuses).anySatisfy(
                        e -> assertThat(e.payload().path("status").asText()).isEqualTo("WITHDRAWN"));
                assertThat(statuses).hasSizeGreaterThanOrEqualTo(4);
                EventEnvelope latest = statuses.stream()
                        .max(Comparator.comparingLong(e -> e.payload().path("revision").asLong()))
                        .orElseThrow();
                assertThat(latest.payload().path("status").asText()).isEqualTo("WITHDRAWN");
                assertThat(latest.payload().path("inForce").asBoolean()).isFalse();
            });
        }
    }

    private boolean someoneWaitsForARowLock() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select count(*) from pg_stat_activity"
                        + " where datname = current_database() and wait_event_type = 'Lock'");
                ResultSet result = query.executeQuery()) {
            result.next();
            return result.getInt(1) > 0;
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

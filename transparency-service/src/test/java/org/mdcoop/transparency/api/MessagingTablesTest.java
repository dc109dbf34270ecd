package org.mdcoop.transparency.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.mdcoop.agreement.contract.AgreementStatusMessage;
import org.mdcoop.agreement.contract.AgreementTopics;
import org.mdcoop.agreement.contract.testing.StatusFixture;
import org.mdcoop.common.retention.MessageBacklog;
import org.mdcoop.common.retention.MessageRetention;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The messaging tables do not grow without bound: the agreement-service's heartbeat leaves one claim per revision,
 * not one per beat; common's retention deletes sent outbox rows and old claims and keeps what may still be needed;
 * the backlog shows in {@code /q/metrics}. Real PostgreSQL (the service's test database) and the real broker.
 */
@QuarkusTest
class MessagingTablesTest {

    private static final String TEST_CONSUMER = "retention-test";

    @Inject
    EntityManager entityManager;

    @Inject
    DataSource dataSource;

    @Inject
    MessageRetention retention;

    @Inject
    MessageBacklog backlog;

    @Test
    void heartbeatsOfOneRevisionLeaveOneClaimNotOnePerBeat() throws Exception {
        AgreementFeed.endAllInForce();
        StatusFixture agreement = AgreementFeed.fresh(StatusFixture.ALL_ELEMENTS);
        AgreementStatusMessage accepted = agreement.provisional(AgreementFeed.serviceNow());
        AgreementFeed.publish(accepted); // the feed repeats it every second as the heartbeat, as the agreement-service does
        AgreementFeed.awaitCooperating(agreement.id());
        UUID heartbeatId = AgreementTopics.heartbeatEventId(agreement.id(), accepted.revision());
        await("the first heartbeat claimed").atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from processed_event where event_id = ?1", heartbeatId) == 1);
        Thread.sleep(1_500); // the first beat of any other revision the feed has just published, claimed too
        long before = count("select count(*) from processed_event where consumer = 'agreement-status'");

        Thread.sleep(4_000); // four more beats of every agreement the feed knows

        assertThat(count("select count(*) from processed_event where consumer = 'agreement-status'"))
                .as("claims of the status channel after four more heartbeats").isEqualTo(before);
        assertThat(AgreementFeed.stateOf(agreement.id())).isEqualTo("IN_FORCE");
        AgreementFeed.endAllInForce();
    }

    @Test
    void retentionDeletesSentOutboxRowsAndOldClaimsAndKeepsTheRest() throws Exception {
        UUID sentLongAgo = outboxRow("2 days");
        UUID sentLately = outboxRow("1 hour");
        UUID oldClaim = claim("9 days");
        UUID recentClaim = claim("7 days");
        // more old claims than one batch (5,000) deletes, so the pass must go on until none is due
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("insert into processed_event"
                + " (event_id, consumer, processed_at) select gen_random_uuid(), :consumer, now() - interval '30 days'"
                + " from generate_series(1, 12000)").setParameter("consumer", TEST_CONSUMER).executeUpdate());

        try (Unsent unsent = Unsent.lockedRow(dataSource)) {
            MessageRetention.Purged purged = retention.purge();

            assertThat(purged.outboxRows()).isGreaterThanOrEqualTo(1);
            assertThat(purged.claims()).isGreaterThanOrEqualTo(12_001);
            assertThat(count("select count(*) from outbox where event_id = ?1", sentLongAgo)).as("sent 2 days ago")
                    .isZero();
            assertThat(count("select count(*) from outbox where event_id = ?1", sentLately)).as("sent an hour ago")
                    .isEqualTo(1);
            assertThat(count("select count(*) from outbox where event_id = ?1", unsent.eventId))
                    .as("never sent, created 30 days ago").isEqualTo(1);
            assertThat(count("select count(*) from processed_event where event_id = ?1", oldClaim)).as("claimed 9 days ago")
                    .isZero();
            assertThat(count("select count(*) from processed_event where event_id = ?1", recentClaim))
                    .as("claimed 7 days ago").isEqualTo(1);
            assertThat(count("select count(*) from processed_event where consumer = ?1", TEST_CONSUMER))
                    .as("the test consumer's claims left").isEqualTo(1);
            assertThat(count("select count(*) from outbox where sent_at < now() - interval '1 day'")).isZero();
            assertThat(count("select count(*) from processed_event where processed_at < now() - interval '8 days'"))
                    .isZero();
        }
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("delete from outbox where event_id = ?1").setParameter(1, sentLately)
                    .executeUpdate();
            entityManager.createNativeQuery("delete from processed_event where consumer = ?1")
                    .setParameter(1, TEST_CONSUMER).executeUpdate();
        });
    }

    @Test
    void theBacklogShowsInTheMetrics() throws Exception {
        claim("1 minute");
        claim("2 minutes");
        try (Unsent unsent = Unsent.lockedRow(dataSource)) {
            MessageBacklog.Reading reading = backlog.refresh();
            assertThat(reading.unsent()).isGreaterThanOrEqualTo(1);
            assertThat(reading.oldestUnsentAgeSeconds()).isGreaterThanOrEqualTo(Duration.ofDays(30).toSeconds());

            String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(value(metrics, "mdcoop_outbox_unsent", "")).isGreaterThanOrEqualTo(1);
            assertThat(value(metrics, "mdcoop_outbox_oldest_unsent_age_seconds", ""))
                    .isGreaterThanOrEqualTo(Duration.ofDays(30).toSeconds());
            assertThat(value(metrics, "mdcoop_consumer_claims", "consumer=\"" + TEST_CONSUMER + "\"")).isEqualTo(2);
            assertThat(value(metrics, "mdcoop_retention_deleted_total", "table=\"processed_event\"")).isNotNegative();
            assertThat(value(metrics, "mdcoop_retention_deleted_total", "table=\"outbox\"")).isNotNegative();
        }
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "delete from processed_event where consumer = ?1").setParameter(1, TEST_CONSUMER).executeUpdate());
        MessageBacklog.Reading after = backlog.refresh();
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).doesNotContain("consumer=\"" + TEST_CONSUMER + "\"");
        assertThat(after.oldestUnsentAgeSeconds()).isLessThan(Duration.ofDays(1).toSeconds());
    }

    /**
     * An outbox row that stays unsent while the test looks: created 30 days ago and held locked by a connection of
     * the test, so the relay (which skips locked rows) cannot send it meanwhile. Deleted on close.
     */
    private static final class Unsent implements AutoCloseable {
        final UUID eventId = UUID.randomUUID();
        private final Connection connection;

        private Unsent(Connection connection) {
            this.connection = connection;
        }

        static Unsent lockedRow(DataSource dataSource) throws Exception {
            for (int attempt = 0; attempt < 10; attempt++) {
                Unsent row = new Unsent(dataSource.getConnection());
                row.connection.setAutoCommit(true);
                try (PreparedStatement insert = row.connection.prepareStatement("insert into outbox (event_id, topic,"
                        + " message_key, payload, created_at) values (?, 'transparency-test.retention', 'k', '{}',"
                        + " now() - interval '30 days')")) {
                    insert.setObject(1, row.eventId);
                    insert.executeUpdate();
                }
                row.connection.setAutoCommit(false);
                try (PreparedStatement lock = row.connection.prepareStatement(
                        "select event_id from outbox where event_id = ? and sent_at is null for update")) {
                    lock.setObject(1, row.eventId);
                    try (ResultSet locked = lock.executeQuery()) {
                        if (locked.next()) {
                            return row; // locked before the relay saw it
                        }
                    }
                }
                row.close(); // the relay sent it first: try another
            }
            throw new AssertionError("the relay sent every test row before it could be locked");
        }

        @Override
        public void close() throws Exception {
            try (PreparedStatement delete = connection.prepareStatement("delete from outbox where event_id = ?")) {
                delete.setObject(1, eventId);
                delete.executeUpdate();
            }
            connection.commit();
            connection.close();
        }
    }

    private UUID outboxRow(String sentAgo) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("insert into outbox (event_id,"
                + " topic, message_key, payload, created_at, sent_at, attempts) values (?1, 'transparency-test.retention',"
                + " 'k', '{}', now() - cast(?2 as interval), now() - cast(?2 as interval), 1)")
                .setParameter(1, id).setParameter(2, sentAgo).executeUpdate());
        return id;
    }

    private UUID claim(String processedAgo) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("insert into processed_event"
                + " (event_id, consumer, processed_at) values (?1, ?2, now() - cast(?3 as interval))")
                .setParameter(1, id).setParameter(2, TEST_CONSUMER).setParameter(3, processedAgo).executeUpdate());
        return id;
    }

    private long count(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    /** The value of the first series of the metric whose labels contain {@code label} (e.g. {@code table="outbox"}). */
    private static double value(String metrics, String name, String label) {
        Pattern series = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})? (\\S+)$");
        for (String line : metrics.lines().toList()) {
            Matcher m = series.matcher(line);
            if (m.matches() && (label.isEmpty() || String.valueOf(m.group(1)).contains(label))) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError("no " + name + " {" + label + "} in /q/metrics; similar: "
                + metrics.lines().filter(l -> l.startsWith(name)).toList());
    }
}

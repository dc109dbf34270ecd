package org.mdcoop.common.retention;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.event.Observes;

/**
 * Deletes what the messaging tables no longer need, on a schedule: outbox rows the broker acknowledged more than
 * {@link RetentionConfig#sentOutbox()} ago, and consumer claims ({@code processed_event}) older than
 * {@link RetentionConfig#claims()}. Unsent outbox rows are never deleted, however old. Ages are real time (the
 * database's {@code now()}, which also stamps the claims), not the service clock that tests move by years. Deletes in
 * batches, each a short transaction that skips rows another instance is deleting, so instances may run it side by
 * side. A service opts in with {@code mdcoop.retention.enabled=true} (a build property).
 */
@ApplicationScoped
@IfBuildProperty(name = "mdcoop.retention.enabled", stringValue = "true")
public class MessageRetention {

    /** What one pass deleted. */
    public record Purged(long outboxRows, long claims) {
    }

    private static final String SENT_OUTBOX = "delete from outbox where event_id in (select event_id from outbox"
            + " where sent_at is not null and sent_at < now() - :seconds * interval '1 second'"
            + " order by sent_at limit :limit for update skip locked)";
    private static final String OLD_CLAIMS = "delete from processed_event where (event_id, consumer) in"
            + " (select event_id, consumer from processed_event"
            + " where processed_at < now() - :seconds * interval '1 second'"
            + " order by processed_at limit :limit for update skip locked)";
    /** Shorter than this, a claim could be gone before its event's redelivery arrives: refused at start. */
    static final Duration MIN_CLAIMS = Duration.ofHours(1);

    private final EntityManager entityManager;
    private final RetentionConfig config;
    private final Counter outboxDeleted;
    private final Counter claimsDeleted;

    public MessageRetention(EntityManager entityManager, RetentionConfig config, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.config = config;
        this.outboxDeleted = Counter.builder("mdcoop.retention.deleted").tag("table", "outbox")
                .description("sent outbox rows deleted by retention").register(registry);
        this.claimsDeleted = Counter.builder("mdcoop.retention.deleted").tag("table", "processed_event")
                .description("consumer claims deleted by retention").register(registry);
    }

    void check(@Observes StartupEvent startup) {
        if (config.claims().compareTo(MIN_CLAIMS) < 0) {
            throw new IllegalStateException("mdcoop.retention.claims=" + config.claims() + " is shorter than "
                    + MIN_CLAIMS + ": a redelivered event would find no claim and take effect twice");
        }
        if (config.sentOutbox().isNegative() || config.batchSize() < 1) {
            throw new IllegalStateException("mdcoop.retention.sent-outbox must not be negative and "
                    + "mdcoop.retention.batch-size must be positive");
        }
    }

    @Scheduled(every = "${mdcoop.retention.every:10m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            Purged purged = purge();
            if (purged.outboxRows() + purged.claims() > 0) {
                Log.infof("retention deleted %d sent outbox row(s) and %d consumer claim(s)", purged.outboxRows(),
                        purged.claims());
            }
        } catch (RuntimeException e) {
            // e.g. the database is briefly unreachable: the next pass deletes the same rows
            Log.warnf("retention pass failed, will retry: %s", e.getMessage());
        }
    }

    /** One retention pass: deletes batch after batch until nothing is due. */
    public Purged purge() {
        long outbox = deleteAll(SENT_OUTBOX, config.sentOutbox());
        outboxDeleted.increment(outbox);
        long claims = deleteAll(OLD_CLAIMS, config.claims());
        claimsDeleted.increment(claims);
        return new Purged(outbox, claims);
    }

    private long deleteAll(String statement, Duration olderThan) {
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(statement)
                    .setParameter("seconds", olderThan.toSeconds())
                    .setParameter("limit", config.batchSize())
                    .executeUpdate());
            total += deleted;
        } while (deleted == config.batchSize());
        return total;
    }
}

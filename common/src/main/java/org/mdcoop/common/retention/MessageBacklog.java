package org.mdcoop.common.retention;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The messaging tables' backlog in {@code /q/metrics}: {@code mdcoop_outbox_unsent} (rows the relay has not had
 * acknowledged yet), {@code mdcoop_outbox_oldest_unsent_age_seconds} (0 when none) and
 * {@code mdcoop_consumer_claims{consumer=...}} (claims kept per consumer, bounded by {@link MessageRetention}).
 * Read from the database every {@link RetentionConfig#backlogEvery()}, not on each scrape; NaN while the database
 * cannot be read. Comes with {@code mdcoop.retention.enabled=true}.
 */
@ApplicationScoped
@IfBuildProperty(name = "mdcoop.retention.enabled", stringValue = "true")
public class MessageBacklog {

    /** The values of one reading. */
    public record Reading(double unsent, double oldestUnsentAgeSeconds) {
    }

    private final EntityManager entityManager;
    private final MultiGauge claims;
    private final AtomicReference<Reading> latest = new AtomicReference<>(new Reading(Double.NaN, Double.NaN));

    public MessageBacklog(EntityManager entityManager, MeterRegistry registry) {
        this.entityManager = entityManager;
        Gauge.builder("mdcoop.outbox.unsent", latest, r -> r.get().unsent())
                .description("outbox rows not yet acknowledged by the broker").register(registry);
        Gauge.builder("mdcoop.outbox.oldest.unsent.age", latest, r -> r.get().oldestUnsentAgeSeconds())
                .baseUnit("seconds").description("age of the oldest outbox row not yet acknowledged (0: none)")
                .register(registry);
        this.claims = MultiGauge.builder("mdcoop.consumer.claims")
                .description("events claimed by each idempotent consumer and kept (processed_event)")
                .register(registry);
    }

    @Scheduled(every = "${mdcoop.retention.backlog-every:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            refresh();
        } catch (RuntimeException e) {
            latest.set(new Reading(Double.NaN, Double.NaN));
            Log.debugf("backlog not read: %s", e.getMessage());
        }
    }

    /** Reads the backlog now and publishes it to the gauges. */
    public Reading refresh() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] outbox = (Object[]) entityManager.createNativeQuery("select count(*), coalesce(extract(epoch from"
                    + " now() - min(created_at)), 0) from outbox where sent_at is null").getSingleResult();
            Reading reading = new Reading(((Number) outbox[0]).doubleValue(),
                    Math.max(0, ((Number) outbox[1]).doubleValue()));
            @SuppressWarnings("unchecked")
            List<Object[]> perConsumer = entityManager.createNativeQuery(
                    "select consumer, count(*) from processed_event group by consumer").getResultList();
            claims.register(perConsumer.stream().map(row -> MultiGauge.Row.of(Tags.of("consumer", (String) row[0]),
                    ((Number) row[1]).doubleValue())).toList(), true);
            latest.set(reading);
            return reading;
        });
    }
}

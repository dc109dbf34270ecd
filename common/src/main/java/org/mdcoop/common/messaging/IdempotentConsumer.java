package org.mdcoop.common.messaging;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.mdcoop.common.events.EventEnvelope;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.events.PoisonMessageException;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;

/**
 * Applies an incoming event exactly once per consumer: the event id is claimed in {@code processed_event} in the
 * same transaction as the effect. A poison message (unparseable, or refused by the effect with
 * {@link PoisonMessageException}) is rethrown so the channel's dead-letter strategy moves it to the DLQ with the
 * reason; any other failure is treated as transient and retried with back-off, never dead-lettered.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final ProcessedEvents processedEvents;
    private volatile boolean shuttingDown;

    public IdempotentConsumer(ProcessedEvents processedEvents) {
        this.processedEvents = processedEvents;
    }

    /** @return true if the effect ran, false if the event had been applied before */
    public boolean apply(String rawMessage, String consumerName, Consumer<EventEnvelope> effect) {
        EventEnvelope event = EventSerde.fromJson(rawMessage);
        return retrying(consumerName, "event " + event.eventId() + " (" + event.type() + ")", () -> {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    if (!processedEvents.claim(event.eventId(), consumerName)) {
                        return false;
                    }
                    effect.accept(event);
                    return true;
                });
            } catch (PoisonMessageException e) {
                throw e;
            } catch (RuntimeException e) {
                if (violatesDataRule(e)) {
                    // the same message would break the same rule on every retry: dead-letter it with the reason
                    throw new PoisonMessageException(event.type() + " " + event.eventId()
                            + " breaks a data rule: " + rootMessage(e), e);
                }
                throw e;
            }
        });
    }

    /**
     * Runs {@code work} until it succeeds: a {@link PoisonMessageException} is rethrown at once, any other failure
     * (the database restarting) is retried with back-off, except while the service shuts down.
     */
    public <T> T retrying(String consumerName, String what, Supplier<T> work) {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                return work.get();
            } catch (PoisonMessageException e) {
                throw e;
            } catch (RuntimeException e) {
                if (shuttingDown) {
                    throw e;
                }
                Log.warnf("%s could not apply %s, retrying in %s: %s", consumerName, what, backoff, e.getMessage());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private static boolean violatesDataRule(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException
                    || t instanceof org.hibernate.exception.DataException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    void onShutdown(@Observes ShutdownEvent shutdown) {
        shuttingDown = true;
    }

    private static void sleep(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", interrupted);
        }
    }
}

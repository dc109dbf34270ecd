package org.mdcoop.common.cooperation;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * When this instance last heard the agreement-service speak of each agreement, and of which revision. Pure: the
 * elapsed time comes from a monotonic ticker (nanoseconds), never from the service clock, because that clock is the
 * agreement's calendar and tests move it by years; moving it must not look like silence.
 *
 * <p>An agreement is <em>current</em> when a status of it was heard within the timeout and the view has applied at
 * least that revision. A heartbeat ahead of the view (the view's consumer lags or is stuck) is not current either:
 * the newer status might be the withdrawal. Silence is counted from the last status heard or, before the first, from
 * this instance's start: a restarted instance trusts its stored view for one timeout, exactly as long as a running
 * one that has just stopped hearing anything (and the fusion centre can recover its picture at start).
 */
public final class HeartbeatWatch {

    private record Heard(long atNanos, long revision) {
    }

    private final long timeoutNanos;
    private final LongSupplier ticker;
    private final Map<UUID, Heard> heard = new ConcurrentHashMap<>();
    private final Map<UUID, Long> applied = new ConcurrentHashMap<>();
    private final long startNanos;

    public HeartbeatWatch(Duration timeout, LongSupplier ticker) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the heartbeat timeout must be positive: " + timeout);
        }
        this.timeoutNanos = timeout.toNanos();
        this.ticker = ticker;
        this.startNanos = ticker.getAsLong();
    }

    public Duration timeout() {
        return Duration.ofNanos(timeoutNanos);
    }

    /** A status of the agreement arrived (heartbeat or change). */
    public void heard(UUID agreementId, long revision) {
        long now = ticker.getAsLong();
        heard.merge(agreementId, new Heard(now, revision),
                (old, fresh) -> new Heard(fresh.atNanos(), Math.max(old.revision(), fresh.revision())));
    }

    /**
     * The view applied this revision of the agreement (kept in memory, so that a caller holding an older revision —
     * e.g. a cache refreshed every few seconds — is not taken for a view that lags the heartbeat).
     */
    public void applied(UUID agreementId, long revision) {
        applied.merge(agreementId, revision, Math::max);
    }

    /** Heard within the timeout (or started within it), of no revision newer than what the view holds. */
    public boolean isCurrent(UUID agreementId, long viewRevision) {
        viewRevision = Math.max(viewRevision, applied.getOrDefault(agreementId, 0L));
        Heard h = heard.get(agreementId);
        long now = ticker.getAsLong();
        if (h == null) {
            return now - startNanos <= timeoutNanos;
        }
        return now - h.atNanos() <= timeoutNanos && h.revision() <= viewRevision;
    }

    /** How long since the agreement was last heard of; empty if never (since this instance started). */
    public Optional<Duration> silentFor(UUID agreementId) {
        Heard h = heard.get(agreementId);
        return h == null ? Optional.empty() : Optional.of(Duration.ofNanos(ticker.getAsLong() - h.atNanos()));
    }

    /** The highest revision heard of, or -1. */
    public long heardRevision(UUID agreementId) {
        Heard h = heard.get(agreementId);
        return h == null ? -1 : h.revision();
    }
}

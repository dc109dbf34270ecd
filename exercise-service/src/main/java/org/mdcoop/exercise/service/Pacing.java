package org.mdcoop.exercise.service;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How a run maps scenario time to wall time. Scenario time {@code s} is published at
 * {@code startedAt + (s − epoch)/f}; its age when published is {@code (1 − 1/f)·((epoch + D) − s)}, where D is the
 * scenario's length (time zero to the last object's 20 km descent).
 *
 * <ul>
 * <li>The fusion centre refuses reports more than 5 s in its future: with {@link #epochFor} the age is never
 * negative (zero only for the very last report), whatever f.</li>
 * <li>It also refuses reports older than its horizon (10 min by default): the oldest report is the first one, aged
 * {@code (1 − 1/f)·span} with span = last descent − first burnout. {@link #effectiveFactor} lowers f just enough to
 * keep that within the configured maximum age; long scenarios therefore play closer to real time.</li>
 * </ul>
 */
public final class Pacing {

    private Pacing() {
    }

    /** Scenario time zero: {@code startedAt − d + d/f} (to the millisecond, never later than the exact value). */
    public static Instant epochFor(Instant startedAt, Duration d, double factor) {
        long dNs = d.toNanos();
        Instant exact = startedAt.minusNanos(dNs).plusNanos((long) Math.floor(dNs / factor));
        return exact.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * The factor a run uses: the configured one, lowered if needed so that no report is older than {@code maxAge}
     * when published ({@code (1 − 1/f)·span ≤ maxAge}, i.e. {@code f ≤ span/(span − maxAge)}); never below 1.
     *
     * @param span scenario time from the first report (first burnout) to the last (last 20 km descent)
     */
    public static double effectiveFactor(double configured, Duration span, Duration maxAge) {
        if (configured <= 1.0) {
            return 1.0;
        }
        double spanS = span.toNanos() / 1e9;
        double maxAgeS = maxAge.toNanos() / 1e9;
        if (spanS <= maxAgeS || spanS * (1 - 1 / configured) <= maxAgeS) {
            return configured;
        }
        return Math.max(1.0, spanS / (spanS - maxAgeS));
    }
}

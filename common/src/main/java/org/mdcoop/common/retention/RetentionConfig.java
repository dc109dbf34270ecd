package org.mdcoop.common.retention;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How long the messaging tables keep what they no longer need (services with {@code mdcoop.retention.enabled=true}).
 * Ages are measured in real time (the database's {@code now()}), never with the service clock: tests and the demo
 * move that clock by years, and redeliveries happen in real time. See docs/reliability.md, "Retention".
 */
@ConfigMapping(prefix = "mdcoop.retention")
public interface RetentionConfig {

    /**
     * Whether the service runs retention and the backlog gauges at all: a build property (the beans exist only
     * when it is {@code true}, {@code @IfBuildProperty}); listed here so that the mapping knows it.
     */
    @WithDefault("false")
    boolean enabled();

    /**
     * How long an outbox row is kept after the broker acknowledged it. A sent row is never read again (the relay only
     * reads unsent rows); it is kept a day for diagnosis ("was this sent, when?").
     */
    @WithDefault("P1D")
    Duration sentOutbox();

    /**
     * How long a consumer's claim of an event ({@code processed_event}) is kept. A claim must outlive every
     * redelivery of its event, or the event would take effect twice. Redeliveries come from the relay (a crash
     * between the broker's ack and the commit: seconds), from a consumer restarted before it committed its offsets
     * (seconds to minutes), and from a consumer group whose committed offsets the broker dropped (after 7 days of
     * absence, {@code offsets.retention.minutes}), which then reads its topics again from the earliest retained
     * record: 7 days back for the high-rate topics ({@code fusion.*}). Eight days covers all three; the 30-day topics
     * ({@code agreement.events}) are applied by revision and survive a replay anyway.
     */
    @WithDefault("P8D")
    Duration claims();

    /** How often the retention pass runs. */
    @WithDefault("10m")
    Duration every();

    /** How many rows one delete removes; each batch is a short transaction of its own, so no table is locked long. */
    @WithDefault("5000")
    int batchSize();

    /** How often the backlog gauges ({@code mdcoop_outbox_*}, {@code mdcoop_consumer_claims}) are refreshed. */
    @WithDefault("15s")
    Duration backlogEvery();
}

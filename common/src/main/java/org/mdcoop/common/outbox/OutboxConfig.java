package org.mdcoop.common.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "mdcoop.outbox")
public interface OutboxConfig {

    /** How often the relay looks for unsent events (read by the relay's schedule; a service tunes it per latency need). */
    @WithDefault("1s")
    String interval();

    /** How many unsent events one relay pass locks and sends. */
    @WithDefault("200")
    int batchSize();

    /** How long the relay waits for the broker to acknowledge one batch before trying again later. */
    @WithDefault("15s")
    Duration sendTimeout();
}

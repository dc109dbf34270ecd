package org.mdcoop.common.cooperation;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a follower keeps its view of the agreement (services with {@code mdcoop.cooperation-view.enabled=true}). */
@ConfigMapping(prefix = "mdcoop.cooperation")
public interface CooperationConfig {

    /**
     * How long this service may go without hearing the agreement-service's heartbeat before it suspends
     * cooperation (503 {@code cooperation-status-unknown}). Several heartbeat periods (the agreement-service sends
     * one every 5 s by default), so a lost message or a short broker hiccup does not suspend anything.
     */
    @WithDefault("30s")
    Duration heartbeatTimeout();

    /** How often the view re-evaluates the terms with the clock, so a deferred start or an expiry takes effect. */
    @WithDefault("1s")
    Duration evaluateEvery();
}

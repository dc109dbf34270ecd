package org.mdcoop.agreement.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "mdcoop.agreement")
public interface AgreementConfig {

    /** How often expiry and the end of notice periods are checked (read by {@code LifecycleScheduler}). */
    @WithDefault("10s")
    java.time.Duration lifecycleCheck();

    /**
     * How often the status of every open agreement is republished to the status topic: the heartbeat by which the
     * followers know that what they hold is current (they suspend cooperation when it stops).
     */
    @WithDefault("5s")
    java.time.Duration heartbeat();

    /** How long after its last change an ended agreement is still in the heartbeat (its end reaches everyone). */
    @WithDefault("2m")
    java.time.Duration heartbeatEndedFor();

    /** Where lifecycle events go. Tests use a topic of their own so their agreements never reach a running stack. */
    @WithDefault("agreement.events")
    String eventsTopic();

    /** The compacted topic with the latest status of every agreement (for consumers that start late). */
    @WithDefault("agreement.status")
    String statusTopic();
}

package org.mdcoop.agreement.service;

import java.time.Period;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "mdcoop.agreement")
public interface AgreementConfig {

    /** Notice period between a withdrawal notice from a permanent agreement and the withdrawal itself. */
    @WithDefault("P6M")
    Period noticePeriod();

    /** How often expiry and the end of notice periods are checked (read by {@code LifecycleScheduler}). */
    @WithDefault("10s")
    java.time.Duration lifecycleCheck();
}

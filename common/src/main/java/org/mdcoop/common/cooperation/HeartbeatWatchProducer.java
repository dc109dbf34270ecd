package org.mdcoop.common.cooperation;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One heartbeat watch per instance, measuring silence on the monotonic clock (see {@link HeartbeatWatch}). */
public class HeartbeatWatchProducer {

    @Produces
    @Singleton
    HeartbeatWatch heartbeatWatch(CooperationConfig config) {
        return new HeartbeatWatch(config.heartbeatTimeout(), System::nanoTime);
    }
}

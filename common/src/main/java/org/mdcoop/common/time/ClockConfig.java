package org.mdcoop.common.time;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "mdcoop.clock")
public interface ClockConfig {

    /** Whether {@code POST /api/clock/advance} may move time. Refused in the prod profile whatever this says. */
    @WithDefault("false")
    boolean controlEnabled();
}

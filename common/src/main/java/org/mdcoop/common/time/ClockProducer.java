package org.mdcoop.common.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One clock per service; inject {@link Clock} wherever time matters. */
public class ClockProducer {

    private final AdjustableClock clock = AdjustableClock.systemUtc();

    /** Injectable as {@link Clock} everywhere, and as {@link AdjustableClock} where time is moved. */
    @Produces
    @Singleton
    AdjustableClock clock() {
        return clock;
    }

    /** The machine's clock (see {@link WallClock}): what the database and the broker stamp with. */
    @Produces
    @Singleton
    @WallClock
    java.time.Clock wallClock() {
        return java.time.Clock.systemUTC();
    }
}

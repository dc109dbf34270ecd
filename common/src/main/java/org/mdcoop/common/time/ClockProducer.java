package org.mdcoop.common.time;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One clock per service; inject {@link Clock} wherever time matters. */
public class ClockProducer {

    private final AdjustableClock clock = AdjustableClock.systemUtc();

    @Produces
    @Singleton
    AdjustableClock adjustableClock() {
        return clock;
    }

    @Produces
    @Singleton
    Clock clock() {
        return clock;
    }
}

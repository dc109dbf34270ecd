package org.mdcoop.common.cooperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** When an agreement counts as current: heard lately, of no revision the view lacks. Plain JUnit, a fake ticker. */
class HeartbeatWatchTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final HeartbeatWatch watch = new HeartbeatWatch(Duration.ofSeconds(30), nanos::get);
    private final UUID agreement = UUID.randomUUID();

    @Test
    void neverHeardIsCurrentForOneTimeoutAfterTheStartThenNot() {
        assertThat(watch.isCurrent(agreement, 5)).as("just started: the stored view stands").isTrue();
        assertThat(watch.silentFor(agreement)).isEmpty();

        advance(Duration.ofSeconds(30).plusMillis(1));
        assertThat(watch.isCurrent(agreement, 5)).isFalse();
    }

    @Test
    void currentUntilTheTimeoutThenSuspendedThenCurrentAgainWhenHeard() {
        watch.heard(agreement, 3);
        advance(Duration.ofSeconds(30));
        assertThat(watch.isCurrent(agreement, 3)).isTrue();

        advance(Duration.ofMillis(1));
        assertThat(watch.isCurrent(agreement, 3)).isFalse();
        assertThat(watch.silentFor(agreement)).contains(Duration.ofSeconds(30).plusMillis(1));

        watch.heard(agreement, 3);
        assertThat(watch.isCurrent(agreement, 3)).isTrue();
    }

    @Test
    void aHeartbeatAheadOfTheViewIsNotCurrentUntilTheViewCatchesUp() {
        watch.heard(agreement, 7);

        assertThat(watch.isCurrent(agreement, 6)).as("the newer status might be the withdrawal").isFalse();
        assertThat(watch.isCurrent(agreement, 7)).isTrue();
    }

    @Test
    void aCallerWithAnOlderCachedRevisionIsCurrentOnceTheViewAppliedTheHeardOne() {
        watch.heard(agreement, 9);
        assertThat(watch.isCurrent(agreement, 7)).isFalse();

        watch.applied(agreement, 9);
        assertThat(watch.isCurrent(agreement, 7)).as("the view holds 9, whatever the caller cached").isTrue();
        watch.applied(agreement, 8);
        assertThat(watch.isCurrent(agreement, 7)).as("applied revisions never go back").isTrue();
    }

    @Test
    void aLateOldRevisionDoesNotLowerWhatWasHeard() {
        watch.heard(agreement, 7);
        watch.heard(agreement, 2);

        assertThat(watch.heardRevision(agreement)).isEqualTo(7);
        assertThat(watch.isCurrent(agreement, 6)).isFalse();
    }

    @Test
    void theTimeoutMustBePositive() {
        assertThatThrownBy(() -> new HeartbeatWatch(Duration.ZERO, nanos::get))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }
}

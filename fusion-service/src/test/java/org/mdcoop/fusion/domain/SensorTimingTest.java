package org.mdcoop.fusion.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SensorTimingTest {

    /** A radar scanning every 0.4 s, each scan delivered 30 ms after its time. */
    private static SensorTiming radarWithScans(int scans) {
        SensorTiming timing = new SensorTiming();
        for (int k = 0; k < scans; k++) {
            timing.arrived(100.0 + 0.4 * k, 0.03);
        }
        return timing;
    }

    @Test
    void aSensorWhoseNextScanIsNotDueCannotSendAnythingOlder() {
        SensorTiming radar = radarWithScans(6); // newest 102.0, next due at 102.4
        // radars in turn: the scans of the others at 102.1, 102.2, 102.3 need not wait for this one
        assertThat(radar.mayStillSendUpTo(102.1)).isFalse();
        assertThat(radar.mayStillSendUpTo(102.3)).isFalse();
        // past 90 % of its revisit its next scan may be on its way
        assertThat(radar.mayStillSendUpTo(102.37)).isTrue();
        assertThat(radar.mayStillSendUpTo(102.5)).isTrue();
        // anything not newer than what it sent: nothing older can come (one sensor's reports arrive in order)
        assertThat(radar.mayStillSendUpTo(101.0)).isFalse();
        assertThat(radar.mayStillSendUpTo(102.0)).isFalse();
    }

    @Test
    void theRevisitIsTrustedOnlyOnceItWasSeenSeveralTimes() {
        SensorTiming young = radarWithScans(SensorTiming.REVISITS_BEFORE_TRUSTED); // one gap short
        assertThat(young.mayStillSendUpTo(young.newestT() + 0.1)).isTrue();
        SensorTiming known = radarWithScans(SensorTiming.REVISITS_BEFORE_TRUSTED + 1);
        assertThat(known.mayStillSendUpTo(known.newestT() + 0.1)).isFalse();
    }

    @Test
    void aFasterRevisitIsFollowedAtOnceASlowerOneGradually() {
        SensorTiming radar = radarWithScans(8);
        radar.arrived(102.9, 0.03); // 0.1 s after the last: it now scans faster
        assertThat(radar.mayStillSendUpTo(102.98)).as("next may come 0.1 s later").isFalse();
        assertThat(radar.mayStillSendUpTo(103.0)).isTrue();

        SensorTiming slowing = radarWithScans(8); // newest 102.8, revisit 0.4
        slowing.arrived(103.8, 0.03);             // one gap of 1 s
        // the learned revisit grew by 5 % only: 0.42 s, so 0.9 * 0.42 = 0.378 s after the newest
        assertThat(slowing.mayStillSendUpTo(103.8 + 0.37)).isFalse();
        assertThat(slowing.mayStillSendUpTo(103.8 + 0.39)).isTrue();
    }

    @Test
    void aSensorWhoseEveryReportHasItsOwnTimeIsAlwaysWaitedFor() {
        SensorTiming rotating = new SensorTiming();
        for (int k = 0; k < 100; k++) {
            rotating.arrived(100.0 + 0.001 * k, 0.03); // a rotating radar: one time per report, a millisecond apart
        }
        assertThat(rotating.mayStillSendUpTo(rotating.newestT() + 0.01)).isTrue();
    }

    @Test
    void theExpectedDelayIsTheMeanDelayPlusThreeDeviationsCapped() {
        SensorTiming steady = radarWithScans(50);
        assertThat(steady.expectedDelayS(0.25)).isCloseTo(0.03, org.assertj.core.data.Offset.offset(1e-9));
        SensorTiming jittery = new SensorTiming();
        for (int k = 0; k < 200; k++) {
            jittery.arrived(100.0 + 0.4 * k, k % 2 == 0 ? 0.02 : 0.10);
        }
        assertThat(jittery.expectedDelayS(1.0)).isBetween(0.10, 0.25);
        assertThat(jittery.expectedDelayS(0.05)).isEqualTo(0.05);
    }
}

package org.mdcoop.agreement.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The asOf rule of {@link AgreementEventPublisher}: each status later than the previous, in stored precision. */
class StatusAsOfTest {

    private static final Instant PREVIOUS = Instant.parse("2030-01-01T00:00:00.000100Z");

    @Test
    void theFirstStatusIsNowToTheMicrosecond() {
        assertThat(AgreementEventPublisher.nextAsOf(null, Instant.parse("2030-01-01T00:00:00.123456789Z")))
                .isEqualTo(Instant.parse("2030-01-01T00:00:00.123456Z"));
    }

    @Test
    void aClockPastThePreviousStatusGivesNow() {
        assertThat(AgreementEventPublisher.nextAsOf(PREVIOUS, Instant.parse("2030-01-01T00:00:01Z")))
                .isEqualTo(Instant.parse("2030-01-01T00:00:01Z"));
    }

    @Test
    void aClockBehindThePreviousStatusGivesOneMicrosecondLater() {
        assertThat(AgreementEventPublisher.nextAsOf(PREVIOUS, Instant.parse("2029-12-31T23:59:59Z")))
                .isEqualTo(Instant.parse("2030-01-01T00:00:00.000101Z"));
    }

    @Test
    void aClockWithinTheSameMicrosecondIsNotLater() {
        assertThat(AgreementEventPublisher.nextAsOf(PREVIOUS, Instant.parse("2030-01-01T00:00:00.000100900Z")))
                .isEqualTo(Instant.parse("2030-01-01T00:00:00.000101Z"));
    }
}

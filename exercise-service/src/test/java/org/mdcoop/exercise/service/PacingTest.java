package org.mdcoop.exercise.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PacingTest {

    private static final Instant START = Instant.parse("2027-03-01T08:00:00.123456789Z");

    /** Wall time at which scenario time s is published. */
    private static Instant wallOf(Instant s, Instant epoch, double f) {
        return START.plusNanos(Math.round(Duration.between(epoch, s).toNanos() / f));
    }

    @ParameterizedTest
    @CsvSource({ "1, 600", "2, 600", "40, 640.5", "1000, 1800", "7.3, 59.9" })
    void noReportIsPublishedBeforeItsTimeAndTheLastIsDueWhenTheRunEnds(double f, double dS) {
        Duration d = Duration.ofMillis(Math.round(dS * 1000));
        Instant epoch = Pacing.epochFor(START, d, f);
        for (int i = 0; i <= 100; i++) {
            Instant s = epoch.plusNanos(d.toNanos() * i / 100);
            assertThat(s).as("scenario time %d%% of the run", i).isBeforeOrEqualTo(wallOf(s, epoch, f));
        }
        Instant end = epoch.plus(d);
        assertThat(Duration.between(end, wallOf(end, epoch, f)).toNanos() / 1e9).isCloseTo(0.0, within(0.002));
        if (f == 1) {
            assertThat(epoch).isEqualTo(START.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        }
    }

    @ParameterizedTest
    @CsvSource({
        // configured, span s, max age s, expected
        "40, 300, 540, 40",       // short span: as configured
        "40, 580, 540, 14.5",     // lowered just enough: 580·(1 − 1/14.5) = 540
        "40, 3600, 540, 1.1764705882352942",
        "1, 3600, 540, 1",
        "0.5, 100, 540, 1",       // never slower than real time (would publish ahead of time)
    })
    void theFactorIsLoweredSoThatNoReportIsOlderThanTheMaximumAge(double configured, double spanS, double maxAgeS,
            double expected) {
        Duration span = Duration.ofMillis(Math.round(spanS * 1000));
        double f = Pacing.effectiveFactor(configured, span, Duration.ofMillis(Math.round(maxAgeS * 1000)));
        assertThat(f).isCloseTo(expected, within(1e-9));
        assertThat(spanS * (1 - 1 / f)).isLessThanOrEqualTo(maxAgeS + 1e-6);
    }
}

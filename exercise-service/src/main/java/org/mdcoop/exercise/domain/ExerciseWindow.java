package org.mdcoop.exercise.domain;

import java.time.Duration;
import java.time.Instant;

/** Scheduled time window, half-open [start, end): windows that only touch do not overlap. */
public record ExerciseWindow(Instant start, Instant end) {

    public Duration length() {
        return Duration.between(start, end);
    }

    public boolean overlaps(ExerciseWindow other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public boolean contains(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }
}

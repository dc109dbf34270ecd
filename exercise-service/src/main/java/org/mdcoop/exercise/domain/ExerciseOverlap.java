package org.mdcoop.exercise.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.mdcoop.common.domain.Party;
import org.mdcoop.common.domain.RuleViolation;

/**
 * The calendar rule: no two exercises of the same host overlap in time (a completed exercise holds its window only
 * until it completed). Windows are half-open (back-to-back is fine).
 * CANCELLED and HALTED exercises no longer hold their slot; PROPOSED, APPROVED, RUNNING and COMPLETED do. The other
 * party's exercises never conflict (rotating hosts may overlap each other).
 */
public final class ExerciseOverlap {

    public static final String RULE = "exercise-overlap";

    private ExerciseOverlap() {
    }

    /**
     * @param candidateId the exercise being proposed/rescheduled (excluded from {@code existing}); may be null
     * @throws RuleViolation {@value #RULE} naming the first conflicting exercise
     */
    public static void check(UUID candidateId, Party host, ExerciseWindow window, Collection<Exercise> existing) {
        for (Exercise other : existing) {
            if (conflicts(candidateId, host, window, other)) {
                throw new RuleViolation(RULE, "the window " + window.start() + " – " + window.end()
                        + " overlaps exercise '" + other.name() + "' (" + other.id() + ", " + other.window().start()
                        + " – " + other.window().end() + ") of the same host " + host);
            }
        }
    }

    public static boolean conflicts(UUID candidateId, Party host, ExerciseWindow window, Exercise other) {
        return !Objects.equals(other.id(), candidateId)
                && other.host() == host
                && other.status().occupiesWindow()
                && occupied(other).map(taken -> taken.overlaps(window)).orElse(false);
    }

    /**
     * The part of the host's calendar an exercise takes: its window, but only up to the moment it completed when it
     * finished early — the rest of the slot is free for the next one.
     */
    static Optional<ExerciseWindow> occupied(Exercise exercise) {
        ExerciseWindow window = exercise.window();
        Instant completedAt = exercise.completedAt();
        if (exercise.status() != ExerciseStatus.COMPLETED || completedAt == null || !completedAt.isBefore(window.end())) {
            return Optional.of(window);
        }
        return completedAt.isAfter(window.start())
                ? Optional.of(new ExerciseWindow(window.start(), completedAt))
                : Optional.empty();
    }
}

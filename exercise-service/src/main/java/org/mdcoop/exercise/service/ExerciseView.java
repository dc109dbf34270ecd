package org.mdcoop.exercise.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.mdcoop.common.domain.Party;
import org.mdcoop.exercise.domain.Exercise;
import org.mdcoop.exercise.domain.ExerciseAction;
import org.mdcoop.exercise.domain.ExerciseKind;
import org.mdcoop.exercise.domain.ExerciseStatus;
import org.mdcoop.exercise.domain.ExerciseWindow;
import org.mdcoop.exercise.domain.Participant;

/**
 * An exercise as either party's readers see it (joint exercises are shared by both parties).
 *
 * @param allowedActions what the caller's party may do now (slugs of the state machine)
 * @param run the run of a started exercise: epoch, pacing and publication progress; null before start
 * @param version the optimistic-lock version (changes with every command)
 */
public record ExerciseView(UUID id, String name, ExerciseKind kind, Party host, ExerciseWindow window,
        ExerciseStatus status, int scenarioVersion, Integer approvedScenarioVersion, Party approvedBy,
        Instant approvedAt, Instant proposedAt, Instant startedAt, Instant completedAt, Instant cancelledAt,
        Party cancelledBy, String cancelReason, Instant haltedAt, String haltReason, Instant updatedAt,
        UUID agreementId, List<Participant> participants, List<String> allowedActions, RunView run, long version) {

    public static ExerciseView of(Exercise e, Party viewer, java.util.UUID agreementId, RunView run, long version) {
        return new ExerciseView(e.id(), e.name(), e.kind(), e.host(), e.window(), e.status(),
                e.scenario().version(), e.approvedScenarioVersion(), e.approvedBy(), e.approvedAt(), e.proposedAt(),
                e.startedAt(), e.completedAt(), e.cancelledAt(), e.cancelledBy(), e.cancelReason(), e.haltedAt(),
                e.haltReason(), e.updatedAt(), agreementId, e.participants(),
                e.allowedActions(viewer).stream().map(ExerciseAction::slug).toList(), run, version);
    }

    /**
     * How a run maps scenario time to wall time: scenario time {@code s} is published at
     * {@code startedAt + (s − epoch) / pacingFactor}; the last report (at {@code scenarioEnd}) at {@code wallEnd}.
     */
    public record RunView(Instant startedAt, Instant epoch, double pacingFactor, Instant scenarioEnd, Instant wallEnd,
            int scenarioVersion, Instant publishedUntil, long reportsPublished, Instant finishedAt,
            String finishReason, long trackSamples) {
    }
}

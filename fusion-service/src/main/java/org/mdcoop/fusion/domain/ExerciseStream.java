package org.mdcoop.fusion.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.mdcoop.common.domain.Party;

/**
 * What the fusion centre knows of one exercise, learnt from the exercise-service's events: its status, the parties
 * taking part (host and approver) and the sensors its run declared. An exercise's stream takes a report only while
 * the exercise is RUNNING, from a party taking part, for a declared sensor.
 */
public record ExerciseStream(UUID exerciseId, String status, Set<Party> parties, Set<String> sensorIds,
        Instant eventAt) {

    public static final String RUNNING = "RUNNING";
    private static final Set<String> ENDED = Set.of("COMPLETED", "HALTED", "CANCELLED");

    public ExerciseStream {
        parties = Set.copyOf(parties);
        sensorIds = Set.copyOf(sensorIds);
    }

    public boolean ended() {
        return ENDED.contains(status);
    }

    /**
     * Whether this newer knowledge replaces {@code older}: nothing replaces an ended exercise, and otherwise the later
     * event wins (events of one exercise are keyed by it, so they arrive in order; this only guards replays).
     */
    public boolean supersedes(ExerciseStream older) {
        return older == null || !older.ended() && !eventAt.isBefore(older.eventAt);
    }

    /** Why a report of {@code party}'s sensor {@code sensorId} may not join the stream of {@code known}, if it may not. */
    public static Optional<String> refusal(UUID exerciseId, ExerciseStream known, Party party, String sensorId) {
        if (known == null) {
            return Optional.of("exercise " + exerciseId + " is not running at the fusion centre (unknown exercise)");
        }
        if (!RUNNING.equals(known.status())) {
            return Optional.of("exercise " + exerciseId + " is " + known.status() + ", not RUNNING");
        }
        if (!known.parties().contains(party)) {
            return Optional.of(party + " takes no part in exercise " + exerciseId);
        }
        if (!known.sensorIds().contains(sensorId)) {
            return Optional.of("sensor " + sensorId + " is not declared in exercise " + exerciseId);
        }
        return Optional.empty();
    }
}

package org.mdcoop.fusion.service;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.mdcoop.common.domain.Party;
import org.mdcoop.fusion.domain.ExerciseStream;
import org.mdcoop.fusion.persistence.ExerciseStreamRow;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The exercises whose streams may take reports, as the exercise-service announced them on {@code exercise.events}
 * (the only writer of that topic). Every instance reads the table the events are applied to, through a cache whose
 * entries are re-read after {@value #FRESH_MILLIS} ms ("unknown" after {@value #UNKNOWN_FRESH_MILLIS} ms), so an exercise's end reaches every instance
 * within that time and a flood of made-up exercise ids costs one read each per interval at most.
 */
@ApplicationScoped
public class ExerciseStreams {

    static final long FRESH_MILLIS = 2_000;
    /** "Unknown" is re-read sooner: an exercise that just started must not stay unknown for long. */
    static final long UNKNOWN_FRESH_MILLIS = 250;
    /** Beyond this many cached exercises the cache starts over (made-up ids must not grow memory). */
    private static final int MAX_CACHED = 10_000;

    private record Cached(ExerciseStream stream, long readAtNanos) {
    }

    private final EntityManager entityManager;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    public ExerciseStreams(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Applies what an exercise event says, in the caller's transaction. An event without declared sensors (any but
     * {@code exercise.started}) keeps those known; an older event, or any after the exercise ended, changes nothing.
     *
     * @return whether it changed what is known
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(ExerciseStream update, Instant now) {
        ExerciseStreamRow row = entityManager.find(ExerciseStreamRow.class, update.exerciseId(),
                LockModeType.PESSIMISTIC_WRITE);
        ExerciseStream known = row == null ? null : toStream(row);
        if (!update.supersedes(known)) {
            return false;
        }
        Set<String> sensors = update.sensorIds().isEmpty() && known != null ? known.sensorIds() : update.sensorIds();
        boolean fresh = row == null;
        if (fresh) {
            row = new ExerciseStreamRow();
            row.exerciseId = update.exerciseId();
        }
        row.status = update.status();
        row.parties = update.parties().stream().map(Party::name).sorted().collect(Collectors.joining(","));
        row.sensorIds = String.join(",", new java.util.TreeSet<>(sensors));
        row.eventAt = update.eventAt();
        row.updatedAt = now;
        if (fresh) {
            entityManager.persist(row);
        }
        entityManager.flush();
        cache.remove(update.exerciseId());
        return true;
    }

    /** Why a report of {@code party}'s sensor may not join exercise {@code exerciseId}'s stream, if it may not. */
    public Optional<String> refusal(UUID exerciseId, Party party, String sensorId) {
        return ExerciseStream.refusal(exerciseId, known(exerciseId), party, sensorId);
    }

    /** The exercise as last read (at most {@value #FRESH_MILLIS} ms ago), or null if the centre has not heard of it. */
    public ExerciseStream known(UUID exerciseId) {
        Cached cached = cache.get(exerciseId);
        long now = System.nanoTime();
        long freshMillis = cached != null && cached.stream() == null ? UNKNOWN_FRESH_MILLIS : FRESH_MILLIS;
        if (cached == null || now - cached.readAtNanos() > freshMillis * 1_000_000L) {
            // joins the caller's transaction (REST) or runs one of its own (the Kafka consumer has none)
            ExerciseStream read = QuarkusTransaction.joiningExisting().call(() -> {
                ExerciseStreamRow row = entityManager.find(ExerciseStreamRow.class, exerciseId);
                return row == null ? null : toStream(row);
            });
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cached = new Cached(read, now);
            cache.put(exerciseId, cached);
        }
        return cached.stream();
    }

    private static ExerciseStream toStream(ExerciseStreamRow row) {
        Set<Party> parties = Arrays.stream(row.parties.split(",")).filter(s -> !s.isEmpty()).map(Party::valueOf)
                .collect(Collectors.toSet());
        Set<String> sensors = Arrays.stream(row.sensorIds.split(",")).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new ExerciseStream(row.exerciseId, row.status, parties, sensors, row.eventAt);
    }
}

package org.mdcoop.fusion.service;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.mdcoop.common.api.Paging;
import org.mdcoop.common.api.Paging.Page;
import org.mdcoop.common.events.EventSerde;
import org.mdcoop.common.events.FusedTrackMessage;
import org.mdcoop.common.domain.NotFound;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Fused tracks in the database: the current state of each (for restart and archive) and its thinned history. */
@ApplicationScoped
public class TrackStore {

    public static final String CONFIRMED = "CONFIRMED";
    public static final String DELETED = "DELETED";
    public static final String CLOSED = "CLOSED";

    private final EntityManager entityManager;

    public TrackStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A persisted track: its stream and last message. */
    public record StoredTrack(String trackId, String stream, String status, FusedTrackMessage last) {
    }

    /** Writes the current states (upsert) with one history row each, and marks ended tracks, in one transaction. */
    @Transactional
    public void write(List<TrackUpdate> updates, List<String> ended, String endedStatus, Instant now) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
            if (!updates.isEmpty()) {
                try (PreparedStatement upsert = connection.prepareStatement("""
                        insert into track (track_id, stream, exercise, exercise_id, status, t, message, updated_at)
                        values (?, ?, ?, ?, 'CONFIRMED', ?, ?, ?)
                        on conflict (track_id) do update set status = 'CONFIRMED', t = excluded.t,
                            message = excluded.message, updated_at = excluded.updated_at""");
                        PreparedStatement history = connection.prepareStatement(
                                "insert into track_update (track_id, t, message) values (?, ?, ?)")) {
                    for (TrackUpdate u : updates) {
                        String json = u.track().json();
                        OffsetDateTime t = OffsetDateTime.ofInstant(u.message().t(), ZoneOffset.UTC);
                        upsert.setString(1, u.message().trackId());
                        upsert.setString(2, u.stream());
                        upsert.setBoolean(3, u.message().exercise());
                        upsert.setObject(4, u.message().exerciseId(), java.sql.Types.OTHER);
                        upsert.setObject(5, t);
                        upsert.setString(6, json);
                        upsert.setObject(7, at);
                        upsert.addBatch();
                        history.setString(1, u.message().trackId());
                        history.setObject(2, t);
                        history.setString(3, json);
                        history.addBatch();
                    }
                    upsert.executeBatch();
                    history.executeBatch();
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("track message cannot be serialized", e);
                }
            }
            if (!ended.isEmpty()) {
                try (PreparedStatement end = connection.prepareStatement(
                        "update track set status = ?, updated_at = ? where track_id = ? and status = 'CONFIRMED'")) {
                    for (String id : ended) {
                        end.setString(1, endedStatus);
                        end.setObject(2, at);
                        end.setString(3, id);
                        end.addBatch();
                    }
                    end.executeBatch();
                }
            }
        });
    }

    /** Every track still confirmed, e.g. to recover the picture on start. */
    @Transactional
    public List<StoredTrack> confirmed() {
        List<Object[]> rows = entityManager.createNativeQuery(
                "select track_id, stream, status, message from track where status = 'CONFIRMED' order by track_id",
                Object[].class).getResultList();
        List<StoredTrack> out = new ArrayList<>();
        for (Object[] row : rows) {
            out.add(new StoredTrack((String) row[0], (String) row[1], (String) row[2], parse((String) row[3])));
        }
        return out;
    }

    /** Marks every confirmed track as ended (the centre closed). */
    @Transactional
    public int endAll(String status, Instant now) {
        return entityManager.createNativeQuery(
                "update track set status = :status, updated_at = :now where status = 'CONFIRMED'")
                .setParameter("status", status).setParameter("now", now).executeUpdate();
    }

    /** A track's history, oldest first: its newest {@code limit} updates. */
    @Transactional
    public List<FusedTrackMessage> history(String trackId, int limit) {
        requireTrack(trackId);
        List<?> rows = entityManager.createNativeQuery(
                "select message from (select seq, message from track_update where track_id = :id order by seq desc limit :limit) h order by seq")
                .setParameter("id", trackId).setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> parse((String) r)).toList();
    }

    /**
     * {@link #history} by pages of {@code limit}: the newest {@code limit} updates before {@code cursor} (null: the
     * newest), oldest first, so the first page is exactly what {@code history} answers for that limit and the next
     * cursor leads back to the updates before the page. The cursor holds the track id beside the oldest shown row's
     * {@code seq}, so a cursor of another track is refused rather than read as a position in this one.
     */
    @Transactional
    public Page<FusedTrackMessage> historyPage(String trackId, int limit, String cursor) {
        Long before = Paging.after(cursor, 2, parts -> parts[1].equals(trackId) ? Long.valueOf(parts[0]) : null);
        requireTrack(trackId);
        var query = entityManager.createNativeQuery("select seq, message from track_update where track_id = :id"
                + (before == null ? "" : " and seq < :before") + " order by seq desc limit :limit", Object[].class)
                .setParameter("id", trackId).setParameter("limit", limit + 1);
        if (before != null) {
            query.setParameter("before", before);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> newestFirst = query.getResultList();
        Page<FusedTrackMessage> page = Paging.of(newestFirst, limit, row -> Paging.cursor(row[0], trackId),
                row -> parse((String) row[1]));
        List<FusedTrackMessage> oldestFirst = new ArrayList<>(page.items());
        Collections.reverse(oldestFirst);
        return new Page<>(List.copyOf(oldestFirst), page.next());
    }

    private void requireTrack(String trackId) {
        List<?> status = entityManager.createNativeQuery("select status from track where track_id = :id")
                .setParameter("id", trackId).getResultList();
        if (status.isEmpty()) {
            throw new NotFound("no track " + trackId);
        }
    }

    private static FusedTrackMessage parse(String json) {
        try {
            return EventSerde.mapper().readValue(json, FusedTrackMessage.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored track message is not readable", e);
        }
    }

    /** One track update to store, with its JSON shared with the sender. */
    public record TrackUpdate(String stream, TrackPayload track) {

        public TrackUpdate(String stream, FusedTrackMessage message) {
            this(stream, new TrackPayload(message));
        }

        public FusedTrackMessage message() {
            return track.message();
        }
    }

    static UUID exerciseIdOf(String stream) {
        return stream.startsWith("exercise:") ? UUID.fromString(stream.substring("exercise:".length())) : null;
    }
}

package org.mdcoop.transparency.persistence;

import org.mdcoop.common.persistence.StateJson;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.mdcoop.transparency.domain.observation.InterceptorTest;

/** Storage of one interceptor test: the aggregate as JSON ({@link TestSnapshot}) plus the columns queries need. */
@Entity
@Table(name = "interceptor_test")
public class InterceptorTestRow {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String host;

    @Column(nullable = false)
    public String state;

    @Column(name = "window_start", nullable = false)
    public Instant windowStart;

    @Column(name = "window_end", nullable = false)
    public Instant windowEnd;

    @Column(nullable = false, columnDefinition = "text")
    public String snapshot;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public InterceptorTest toDomain() {
        return StateJson.read(snapshot, TestSnapshot.class).restore();
    }

    public InterceptorTestRow write(InterceptorTest t, Instant now) {
        id = t.id();
        host = t.host().name();
        state = t.state().name();
        windowStart = t.announcement().windowStart();
        windowEnd = t.announcement().windowEnd();
        snapshot = StateJson.write(TestSnapshot.of(t));
        if (createdAt == null) {
            createdAt = now;
        }
        updatedAt = now;
        return this;
    }
}

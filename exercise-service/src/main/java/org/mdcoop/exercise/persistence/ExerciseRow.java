package org.mdcoop.exercise.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Storage of one exercise: the domain snapshot as JSON plus the columns queries need. */
@Entity
@Table(name = "exercise")
public class ExerciseRow {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String host;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public String name;

    @Column(name = "window_start", nullable = false)
    public Instant windowStart;

    @Column(name = "window_end", nullable = false)
    public Instant windowEnd;

    /** The agreement in force (covering JOINT_EXERCISES) under which the exercise was proposed. */
    @Column(name = "agreement_id", nullable = false)
    public UUID agreementId;

    /** The declared sensors (JSON list of {@code SensorSpec}); part of the reviewed scenario. */
    @Column(nullable = false, columnDefinition = "text")
    public String sensors;

    @Column(nullable = false, columnDefinition = "text")
    public String state;

    @Column(name = "proposed_at", nullable = false)
    public Instant proposedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Optimistic lock: of two concurrent commands on one exercise only the first to commit applies. */
    @Version
    public long version;
}

package org.mdcoop.fusion.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One exercise as the fusion centre knows it from {@code exercise.events} (see {@code ExerciseStream}). */
@Entity
@Table(name = "exercise_stream")
public class ExerciseStreamRow {

    @Id
    @Column(name = "exercise_id")
    public UUID exerciseId;

    @Column(nullable = false)
    public String status;

    /** Comma-separated parties taking part (host, approver). */
    @Column(nullable = false)
    public String parties;

    /** Comma-separated ids of the sensors the run declared (empty before it started). */
    @Column(name = "sensor_ids", nullable = false)
    public String sensorIds;

    @Column(name = "event_at", nullable = false)
    public Instant eventAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}

package org.mdcoop.exercise.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Storage of an exercise's after-action report: the domain snapshot as JSON. */
@Entity
@Table(name = "after_action_report")
public class AfterActionReportRow {

    @Id
    @Column(name = "exercise_id")
    public UUID exerciseId;

    @Column(nullable = false, unique = true)
    public UUID id;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int revision;

    @Column(nullable = false, columnDefinition = "text")
    public String state;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}

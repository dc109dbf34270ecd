package org.mdcoop.exercise.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One run of a started exercise. Scenario time {@code s} is published at wall time
 * {@code startedAt + (s − epoch) / pacingFactor}; {@code publishedUntil} is the scenario time of the last report the
 * broker acknowledged, so a restarted service resumes after it. Written only by the report publisher (and at start),
 * so it never contends with the exercise's optimistic lock.
 */
@Entity
@Table(name = "exercise_run")
public class ExerciseRunRow {

    @Id
    @Column(name = "exercise_id")
    public UUID exerciseId;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(nullable = false)
    public Instant epoch;

    @Column(name = "pacing_factor", nullable = false)
    public double pacingFactor;

    @Column(name = "scenario_end", nullable = false)
    public Instant scenarioEnd;

    @Column(name = "wall_end", nullable = false)
    public Instant wallEnd;

    @Column(nullable = false)
    public long seed;

    @Column(name = "scenario_version", nullable = false)
    public int scenarioVersion;

    @Column(name = "published_until")
    public Instant publishedUntil;

    @Column(name = "reports_published", nullable = false)
    public long reportsPublished;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "finish_reason")
    public String finishReason;

    /** The W3C traceparent of the start's transaction (null when it ran outside any trace). */
    public String traceparent;

    /** Scenario time at a wall time. */
    public Instant scenarioTimeAt(Instant wall) {
        long elapsedNs = java.time.Duration.between(startedAt, wall).toNanos();
        return epoch.plusNanos(Math.round(elapsedNs * pacingFactor));
    }
}

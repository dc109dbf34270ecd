package org.mdcoop.exercise.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.mdcoop.common.domain.NotFound;
import org.mdcoop.common.domain.Party;
import org.mdcoop.exercise.domain.Exercise;
import org.mdcoop.exercise.domain.ExerciseEvent;
import org.mdcoop.exercise.domain.aar.AfterActionCalculator;
import org.mdcoop.exercise.domain.aar.AfterActionMetrics;
import org.mdcoop.exercise.domain.aar.AfterActionReport;
import org.mdcoop.exercise.domain.aar.AfterActionStatus;
import org.mdcoop.exercise.domain.aar.Comment;
import org.mdcoop.exercise.messaging.ExerciseEventPublisher;
import org.mdcoop.exercise.persistence.AfterActionReportRow;
import org.mdcoop.exercise.persistence.ExerciseRow;
import org.mdcoop.exercise.persistence.GroundTruthStore;
import org.mdcoop.common.persistence.StateJson;
import org.mdcoop.exercise.persistence.TrackStore;

/**
 * After-action report use cases. The figures come from {@link AfterActionCalculator}: the stored ground truth of the
 * run against the fused tracks the fusion centre published for the exercise. A first draft is made when the host
 * completes the exercise; either party's planner may recompute it while it is a DRAFT (late tracks), which clears
 * the approvals; both parties approving the current revision make it FINAL.
 */
@ApplicationScoped
public class AfterActionService {

    private final EntityManager entityManager;
    private final Clock clock;
    private final GroundTruthStore groundTruth;
    private final TrackStore tracks;
    private final ExerciseEventPublisher events;

    public AfterActionService(EntityManager entityManager, Clock clock, GroundTruthStore groundTruth,
            TrackStore tracks, ExerciseEventPublisher events) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.groundTruth = groundTruth;
        this.tracks = tracks;
        this.events = events;
    }

    @Transactional
    public ReportView get(UUID exerciseId) {
        exercise(exerciseId);
        AfterActionReportRow row = entityManager.find(AfterActionReportRow.class, exerciseId);
        if (row == null) {
            throw new NotFound("exercise " + exerciseId + " has no after-action report yet (it is made on completion)");
        }
        return ReportView.of(load(row), row.version);
    }

    /** Computes the report of a COMPLETED exercise: a first draft, or the next revision of a draft. */
    @Transactional
    public ReportView compute(Actor actor, UUID exerciseId) {
        ExerciseRow exerciseRow = exercise(exerciseId);
        Exercise exercise = Exercise.restore(StateJson.read(exerciseRow.state, Exercise.Snapshot.class));
        return computeFor(actor, exercise, exerciseRow.agreementId, clock.instant());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    ReportView computeFor(Actor actor, Exercise exercise, UUID agreementId, Instant now) {
        AfterActionReportRow row = entityManager.find(AfterActionReportRow.class, exercise.id());
        AfterActionReport report;
        ExerciseEvent computed;
        if (row == null) {
            AfterActionReport.Drafted drafted = AfterActionReport.draft(UUID.randomUUID(), exercise,
                    metrics(exercise.id()), now);
            report = drafted.report();
            computed = drafted.event();
            row = new AfterActionReportRow();
            row.exerciseId = exercise.id();
            row.id = report.id();
            write(row, report, now);
            entityManager.persist(row);
        } else {
            report = load(row);
            if (report.status() == AfterActionStatus.DRAFT) {
                computed = report.recompute(metrics(exercise.id()), now);
            } else {
                computed = report.recompute(report.metrics(), now); // refused: a FINAL report is frozen
            }
            write(row, report, now);
        }
        events.publish(computed, agreementId, actor, now);
        entityManager.flush();
        return ReportView.of(report, row.version);
    }

    @Transactional
    public ReportView approve(Actor actor, UUID exerciseId, int revision) {
        ExerciseRow exerciseRow = exercise(exerciseId);
        AfterActionReportRow row = reportRow(exerciseId);
        AfterActionReport report = load(row);
        Instant now = clock.instant();
        List<ExerciseEvent.ReportEvent> approved = report.approve(actor.party(), revision, now);
        write(row, report, now);
        events.publish(approved, exerciseRow.agreementId, actor, now);
        entityManager.flush();
        return ReportView.of(report, row.version);
    }

    @Transactional
    public Comment addComment(Actor actor, UUID exerciseId, String text) {
        exercise(exerciseId);
        AfterActionReportRow row = reportRow(exerciseId);
        AfterActionReport report = load(row);
        Instant now = clock.instant();
        Comment c = report.addComment(actor.party(), UUID.randomUUID(), actor.username(), text, now);
        write(row, report, now);
        return c;
    }

    @Transactional
    public void removeComment(Party party, UUID exerciseId, UUID commentId) {
        exercise(exerciseId);
        AfterActionReportRow row = reportRow(exerciseId);
        AfterActionReport report = load(row);
        report.removeComment(party, commentId);
        write(row, report, clock.instant());
    }

    private AfterActionMetrics metrics(UUID exerciseId) {
        return AfterActionCalculator.compute(groundTruth.load(exerciseId), tracks.load(exerciseId));
    }

    private ExerciseRow exercise(UUID id) {
        ExerciseRow row = entityManager.find(ExerciseRow.class, id);
        if (row == null) {
            throw new NotFound("exercise " + id + " not found");
        }
        return row;
    }

    private AfterActionReportRow reportRow(UUID exerciseId) {
        AfterActionReportRow row = entityManager.find(AfterActionReportRow.class, exerciseId);
        if (row == null) {
            throw new NotFound("exercise " + exerciseId + " has no after-action report yet");
        }
        return row;
    }

    private static AfterActionReport load(AfterActionReportRow row) {
        return AfterActionReport.restore(StateJson.read(row.state, AfterActionReport.Snapshot.class));
    }

    private static void write(AfterActionReportRow row, AfterActionReport report, Instant now) {
        row.status = report.status().name();
        row.revision = report.revision();
        row.state = StateJson.write(report.snapshot());
        row.updatedAt = now;
    }
}

package org.mdcoop.exercise.domain.aar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.mdcoop.common.domain.IllegalTransition;
import org.mdcoop.common.domain.NotFound;
import org.mdcoop.common.domain.Party;
import org.mdcoop.common.domain.RuleViolation;
import org.mdcoop.common.domain.ValidationFailed;
import org.mdcoop.exercise.domain.Exercise;
import org.mdcoop.exercise.domain.ExerciseEvent;
import org.mdcoop.exercise.domain.ExerciseStatus;

/**
 * The after-action report of one completed exercise.
 *
 * <pre>
 * DRAFT --approve (NATO, RUSSIA in either order)--> FINAL (when both have approved the current revision)
 * DRAFT --recompute--> DRAFT (revision + 1, approvals cleared: the figures changed)
 * </pre>
 * Rules: a party approves once per revision (a second approval is refused, {@code already-approved}); nothing changes
 * once FINAL ({@link IllegalTransition}); comments are added and removed by their own party only, while DRAFT (the
 * final record is frozen); comments survive a recomputation. Computing and approving return the
 * {@link ExerciseEvent}s they caused; comments are not published.
 */
public final class AfterActionReport {

    public static final int MAX_COMMENT_LENGTH = 4_000;
    public static final int MAX_COMMENTS_PER_PARTY = 100;

    private final UUID id;
    private final UUID exerciseId;
    private AfterActionStatus status;
    private AfterActionMetrics metrics;
    private int revision;
    private Instant computedAt;
    private final EnumMap<Party, Instant> approvals;
    private final List<Comment> comments;
    private Instant finalizedAt;

    /** All state, for persistence and {@link #restore}. */
    public record Snapshot(UUID id, UUID exerciseId, AfterActionStatus status, AfterActionMetrics metrics,
            int revision, Instant computedAt, Map<Party, Instant> approvals, List<Comment> comments,
            Instant finalizedAt) {

        public Snapshot {
            approvals = Map.copyOf(approvals);
            comments = List.copyOf(comments);
        }
    }

    private AfterActionReport(Snapshot s) {
        this.id = s.id();
        this.exerciseId = s.exerciseId();
        this.status = s.status();
        this.metrics = s.metrics();
        this.revision = s.revision();
        this.computedAt = s.computedAt();
        this.approvals = new EnumMap<>(Party.class);
        this.approvals.putAll(s.approvals());
        this.comments = new ArrayList<>(s.comments());
        this.finalizedAt = s.finalizedAt();
    }

    /** A first draft and the event that publishes its figures. */
    public record Drafted(AfterActionReport report, ExerciseEvent.ReportComputed event) {
    }

    /**
     * A first draft (revision 1) for a COMPLETED exercise.
     *
     * @throws RuleViolation {@code exercise-not-completed} otherwise
     */
    public static Drafted draft(UUID id, Exercise exercise, AfterActionMetrics metrics, Instant now) {
        if (exercise.status() != ExerciseStatus.COMPLETED) {
            throw new RuleViolation("exercise-not-completed",
                    "an after-action report needs a COMPLETED exercise; this one is " + exercise.status());
        }
        AfterActionReport report = new AfterActionReport(new Snapshot(Objects.requireNonNull(id), exercise.id(),
                AfterActionStatus.DRAFT, Objects.requireNonNull(metrics), 1, now, Map.of(), List.of(), null));
        return new Drafted(report, new ExerciseEvent.ReportComputed(report.state()));
    }

    public static AfterActionReport restore(Snapshot snapshot) {
        return new AfterActionReport(snapshot);
    }

    public Snapshot snapshot() {
        return new Snapshot(id, exerciseId, status, metrics, revision, computedAt, approvals, comments, finalizedAt);
    }

    private void requireDraft(String action) {
        if (status != AfterActionStatus.DRAFT) {
            throw new IllegalTransition(status.name(), action, List.of());
        }
    }

    /** Replaces the figures (e.g. late tracks arrived): next revision, both approvals cleared. Only while DRAFT. */
    public ExerciseEvent.ReportComputed recompute(AfterActionMetrics newMetrics, Instant now) {
        requireDraft("recompute");
        metrics = Objects.requireNonNull(newMetrics);
        revision++;
        computedAt = now;
        approvals.clear();
        return new ExerciseEvent.ReportComputed(state());
    }

    /**
     * {@code party} approves the revision it reviewed; the second party's approval makes the report FINAL.
     *
     * @throws RuleViolation {@code already-approved} on a second approval by the same party, or
     *         {@code report-revision-mismatch} if the report was recomputed since it was reviewed
     * @return the approval, followed by {@link ExerciseEvent.ReportFinalised} when it was the second
     */
    public List<ExerciseEvent.ReportEvent> approve(Party party, int reviewedRevision, Instant now) {
        Objects.requireNonNull(party, "party");
        requireDraft("approve");
        if (approvals.containsKey(party)) {
            throw new RuleViolation("already-approved", party + " has already approved revision " + revision);
        }
        if (reviewedRevision != revision) {
            throw new RuleViolation("report-revision-mismatch", "the report is at revision " + revision + ", not "
                    + reviewedRevision + "; review the current figures before approving");
        }
        approvals.put(party, now);
        if (approvals.size() < Party.values().length) {
            return List.of(new ExerciseEvent.ReportApproved(state()));
        }
        status = AfterActionStatus.FINAL;
        finalizedAt = now;
        ExerciseEvent.ReportState finalised = state();
        return List.of(new ExerciseEvent.ReportApproved(finalised), new ExerciseEvent.ReportFinalised(finalised));
    }

    /** The report as its events carry it. */
    private ExerciseEvent.ReportState state() {
        return ExerciseEvent.ReportState.of(this);
    }

    /** Adds a comment of the caller's own party. Only while DRAFT. */
    public Comment addComment(Party party, UUID commentId, String author, String text, Instant now) {
        Objects.requireNonNull(party, "party");
        requireDraft("comment");
        if (text == null || text.isBlank()) {
            throw ValidationFailed.of("text", "must not be blank");
        }
        if (text.strip().length() > MAX_COMMENT_LENGTH) {
            throw ValidationFailed.of("text", "at most " + MAX_COMMENT_LENGTH + " characters");
        }
        if (comments(party).size() >= MAX_COMMENTS_PER_PARTY) {
            throw new RuleViolation("too-many-comments", "at most " + MAX_COMMENTS_PER_PARTY + " comments per party");
        }
        Comment c = new Comment(commentId, party, author, text.strip(), now);
        comments.add(c);
        return c;
    }

    /**
     * Removes one of the caller's own party's comments. Another party's comment is reported as not found, like a
     * missing one. Only while DRAFT.
     */
    public void removeComment(Party party, UUID commentId) {
        requireDraft("remove-comment");
        if (!comments.removeIf(c -> c.id().equals(commentId) && c.party() == party)) {
            throw new NotFound("no comment " + commentId + " of " + party);
        }
    }

    public List<Comment> comments(Party party) {
        return comments.stream().filter(c -> c.party() == party).toList();
    }

    public UUID id() {
        return id;
    }

    public UUID exerciseId() {
        return exerciseId;
    }

    public AfterActionStatus status() {
        return status;
    }

    public AfterActionMetrics metrics() {
        return metrics;
    }

    public int revision() {
        return revision;
    }

    public Instant computedAt() {
        return computedAt;
    }

    public Map<Party, Instant> approvals() {
        return Map.copyOf(approvals);
    }

    public boolean isApprovedBy(Party party) {
        return approvals.containsKey(party);
    }

    public List<Comment> comments() {
        return List.copyOf(comments);
    }

    public Instant finalizedAt() {
        return finalizedAt;
    }
}

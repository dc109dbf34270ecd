package org.mdcoop.exercise.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.mdcoop.common.domain.Party;
import org.mdcoop.exercise.domain.aar.AfterActionMetrics;
import org.mdcoop.exercise.domain.aar.AfterActionReport;
import org.mdcoop.exercise.domain.aar.AfterActionStatus;
import org.mdcoop.exercise.domain.aar.Comment;

/**
 * The after-action report of an exercise as both parties see it.
 *
 * @param revision approve with this number; a recomputation makes a new revision and clears approvals
 * @param detectedLaunches / falseTracks / totalTrackBreaks summary figures of {@code metrics}
 */
public record ReportView(UUID id, UUID exerciseId, AfterActionStatus status, int revision, Instant computedAt,
        Map<Party, Instant> approvals, Instant finalizedAt, int launches, int detectedLaunches, int falseTracks,
        int totalTrackBreaks, AfterActionMetrics metrics, List<Comment> comments, long version) {

    public static ReportView of(AfterActionReport r, long version) {
        AfterActionMetrics m = r.metrics();
        return new ReportView(r.id(), r.exerciseId(), r.status(), r.revision(), r.computedAt(), r.approvals(),
                r.finalizedAt(), m.launches().size(), m.detectedLaunches(), m.falseTracks(), m.totalTrackBreaks(), m,
                r.comments(), version);
    }
}

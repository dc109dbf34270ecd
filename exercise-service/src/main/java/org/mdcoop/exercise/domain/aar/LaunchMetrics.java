package org.mdcoop.exercise.domain.aar;

import java.time.Instant;
import java.util.List;

/**
 * After-action figures for one launch (object). Nullable fields are null when there is nothing to measure (not
 * detected, or the primary track had no launch/impact estimate).
 *
 * @param detected whether any track was associated with the object
 * @param firstObservableAt the object's first observable instant (burnout)
 * @param firstConfirmedAt earliest first-confirmation time among the associated tracks
 * @param detectionLatencyS firstConfirmedAt − firstObservableAt (s)
 * @param latencyFromLaunchS firstConfirmedAt − launch time (s)
 * @param primaryTrackId the associated track with the most samples (ties: earlier confirmation, then id)
 * @param launchPointErrorKm great-circle distance of the primary track's estimated launch point to the true one
 * @param impactPointErrorKm great-circle distance of the primary track's predicted impact point to the true one
 * @param meanPositionErrorM mean 3-D distance of all associated tracks' samples to the truth at the same times
 * @param trackIds distinct associated track ids, by first confirmation
 * @param trackBreaks continuity: number of distinct associated track ids − 1 (0 when undetected)
 */
public record LaunchMetrics(int objectId, boolean detected, Instant firstObservableAt, Instant firstConfirmedAt,
        Double detectionLatencyS, Double latencyFromLaunchS, String primaryTrackId, Double launchPointErrorKm,
        Double impactPointErrorKm, Double meanPositionErrorM, List<String> trackIds, int trackBreaks) {

    public LaunchMetrics {
        trackIds = List.copyOf(trackIds);
    }
}

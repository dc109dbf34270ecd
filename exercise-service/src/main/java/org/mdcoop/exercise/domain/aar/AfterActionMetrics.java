package org.mdcoop.exercise.domain.aar;

import java.util.List;

/**
 * The computed part of an after-action report.
 *
 * @param launches one entry per ground-truth object, by object id
 * @param falseTrackIds tracks associated with no object (mean distance to every object above the gate)
 * @param gateM the association gate used (m)
 */
public record AfterActionMetrics(List<LaunchMetrics> launches, List<String> falseTrackIds, double gateM) {

    public AfterActionMetrics {
        launches = List.copyOf(launches);
        falseTrackIds = List.copyOf(falseTrackIds);
    }

    public int falseTracks() {
        return falseTrackIds.size();
    }

    public int detectedLaunches() {
        return (int) launches.stream().filter(LaunchMetrics::detected).count();
    }

    public int totalTrackBreaks() {
        return launches.stream().mapToInt(LaunchMetrics::trackBreaks).sum();
    }
}

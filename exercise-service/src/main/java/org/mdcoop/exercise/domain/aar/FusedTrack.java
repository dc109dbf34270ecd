package org.mdcoop.exercise.domain.aar;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.mdcoop.exercise.domain.physics.GeoPoint;

/**
 * A fused track of the exercise as the fusion centre published it: its state samples, its (latest) estimated launch
 * point and predicted impact point (null if it never had one), and when it was first confirmed.
 */
public record FusedTrack(String trackId, List<StateSample> samples, GeoPoint estimatedLaunchPoint,
        GeoPoint predictedImpactPoint, Instant firstConfirmedAt) {

    public FusedTrack {
        samples = samples.stream().sorted(Comparator.comparing(StateSample::t)).toList();
    }
}

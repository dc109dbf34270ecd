package org.mdcoop.exercise.domain.aar;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.mdcoop.exercise.domain.physics.GeoPoint;

/**
 * Ground truth of one synthetic launch: its true launch and impact points, launch time, and states sorted by time
 * from its first observable instant (burnout) to its last (20 km descent).
 */
public record TruthObject(int objectId, GeoPoint launchPoint, GeoPoint impactPoint, Instant launchTime,
        List<StateSample> samples) {

    public TruthObject {
        samples = samples.stream().sorted(Comparator.comparing(StateSample::t)).toList();
    }

    /** First time the object could be observed (its first sample: burnout). */
    public Instant firstObservableTime() {
        return samples.isEmpty() ? launchTime : samples.get(0).t();
    }
}

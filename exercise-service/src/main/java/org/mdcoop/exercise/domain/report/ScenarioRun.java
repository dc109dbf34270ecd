package org.mdcoop.exercise.domain.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.mdcoop.exercise.domain.aar.StateSample;
import org.mdcoop.exercise.domain.aar.TruthObject;
import org.mdcoop.exercise.domain.physics.StateVector;
import org.mdcoop.exercise.domain.physics.TrajectoryGenerator;
import org.mdcoop.exercise.domain.scenario.Inject;
import org.mdcoop.exercise.domain.scenario.Scenario;

/**
 * A scenario laid out in time for one run of an exercise: inject i (object id i) launches at
 * {@code epoch + timeOffsetS} (rounded to the millisecond) and flies the trajectory of
 * {@link TrajectoryGenerator}. Source of the synthetic reports ({@link #reports}) and of the ground truth.
 * Deterministic: the same scenario, epoch, sensors and seed give the same reports, ids and noise.
 */
public final class ScenarioRun {

    private final UUID exerciseId;
    private final Instant epoch;
    private final List<PlannedLaunch> launches;

    private ScenarioRun(UUID exerciseId, Instant epoch, List<PlannedLaunch> launches) {
        this.exerciseId = exerciseId;
        this.epoch = epoch;
        this.launches = List.copyOf(launches);
    }

    /**
     * @param epoch time zero of the scenario, normally {@code Exercise#startedAt()}
     */
    public static ScenarioRun plan(UUID exerciseId, Instant epoch, Scenario scenario, TrajectoryGenerator generator) {
        Objects.requireNonNull(exerciseId, "exerciseId");
        List<PlannedLaunch> launches = new ArrayList<>();
        List<Inject> injects = scenario.injects();
        for (int i = 0; i < injects.size(); i++) {
            Inject in = injects.get(i);
            Instant launch = epoch.plusMillis(Math.round(in.timeOffsetS() * 1000.0));
            launches.add(new PlannedLaunch(i, in, launch, generator.generate(in.launchPoint(), in.impactPoint(),
                    in.burnoutSpeedMps(), in.missileClass().boostDurationS())));
        }
        return new ScenarioRun(exerciseId, epoch, launches);
    }

    public static ScenarioRun plan(UUID exerciseId, Instant epoch, Scenario scenario) {
        return plan(exerciseId, epoch, scenario, TrajectoryGenerator.DEFAULT);
    }

    public UUID exerciseId() {
        return exerciseId;
    }

    public Instant epoch() {
        return epoch;
    }

    public List<PlannedLaunch> launches() {
        return launches;
    }

    /** When the last object descends through 20 km: nothing is reported after this. */
    public Instant endTime() {
        return launches.stream().map(PlannedLaunch::endTime).max(Comparator.naturalOrder()).orElse(epoch);
    }

    /**
     * The synthetic reports of all sensors, lazily, sorted by time (ties: sensor order as given, then object id).
     * Noise and report numbering are per sensor, so one sensor's reports do not depend on the others.
     */
    public ReportStream reports(List<DeclaredSensor> sensors, long seed) {
        DeclaredSensor.requireValid(sensors, "sensors");
        return new ReportStream(this, sensors, seed);
    }

    /** A seed derived from the exercise id, for when nothing else is stored. */
    public static long seedFor(UUID exerciseId) {
        return exerciseId.getMostSignificantBits() ^ Long.rotateLeft(exerciseId.getLeastSignificantBits(), 17);
    }

    /**
     * Ground truth of every object from its burnout to its end (20 km descent) every {@code step} (grid anchored at
     * the epoch, millisecond times), plus each object's exact first and last state; sorted by time then object.
     */
    public List<GroundTruthRow> groundTruth(Duration step) {
        List<GroundTruthRow> rows = new ArrayList<>();
        for (PlannedLaunch l : launches) {
            for (Instant t : sampleTimes(l, step)) {
                StateVector s = l.stateAt(t);
                rows.add(new GroundTruthRow(l.objectId(), t, s.x(), s.y(), s.z(), s.vx(), s.vy(), s.vz()));
            }
        }
        rows.sort(Comparator.comparing(GroundTruthRow::t).thenComparingInt(GroundTruthRow::objectId));
        return rows;
    }

    /** True state of every object in flight at {@code t}, by object id. */
    public List<GroundTruthRow> groundTruthAt(Instant t) {
        List<GroundTruthRow> rows = new ArrayList<>();
        for (PlannedLaunch l : launches) {
            if (l.inFlight(t)) {
                StateVector s = l.stateAt(t);
                rows.add(new GroundTruthRow(l.objectId(), t, s.x(), s.y(), s.z(), s.vx(), s.vy(), s.vz()));
            }
        }
        return rows;
    }

    /** The ground truth as after-action input: launch/impact points, launch time and states every {@code step}. */
    public List<TruthObject> truthObjects(Duration step) {
        List<TruthObject> out = new ArrayList<>();
        for (PlannedLaunch l : launches) {
            List<StateSample> samples = new ArrayList<>();
            for (Instant t : sampleTimes(l, step)) {
                StateVector s = l.stateAt(t);
                samples.add(new StateSample(t, s.x(), s.y(), s.z(), s.vx(), s.vy(), s.vz()));
            }
            out.add(new TruthObject(l.objectId(), l.trajectory().launchPoint(), l.trajectory().impactPoint(),
                    l.launchTime(), samples));
        }
        return out;
    }

    private List<Instant> sampleTimes(PlannedLaunch l, Duration step) {
        if (step.isZero() || step.isNegative()) {
            throw new IllegalArgumentException("step must be positive");
        }
        Instant first = l.burnoutTime();
        Instant last = l.endTime();
        List<Instant> times = new ArrayList<>();
        times.add(first);
        long stepNs = step.toNanos();
        long fromEpochNs = Duration.between(epoch, first).toNanos();
        long k = Math.floorDiv(fromEpochNs, stepNs) + 1;
        for (Instant t = epoch.plusNanos(k * stepNs); t.isBefore(last); t = t.plus(step)) {
            if (t.isAfter(first)) {
                times.add(t);
            }
        }
        if (last.isAfter(first)) {
            times.add(last);
        }
        return times;
    }
}

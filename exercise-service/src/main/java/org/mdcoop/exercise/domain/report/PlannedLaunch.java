package org.mdcoop.exercise.domain.report;

import java.time.Instant;

import org.mdcoop.exercise.domain.physics.StateVector;
import org.mdcoop.exercise.domain.physics.Trajectory;
import org.mdcoop.exercise.domain.scenario.Inject;

/** One inject turned into a timed trajectory. Times as Instants: launch, burnout (first observable), end (20 km). */
public record PlannedLaunch(int objectId, Inject inject, Instant launchTime, Trajectory trajectory) {

    public Instant burnoutTime() {
        return at(trajectory.burnoutTimeS());
    }

    public Instant endTime() {
        return at(trajectory.endTimeS());
    }

    public boolean inFlight(Instant t) {
        return trajectory.inFlight(secondsSinceLaunch(t));
    }

    public StateVector stateAt(Instant t) {
        return trajectory.stateAt(secondsSinceLaunch(t));
    }

    double secondsSinceLaunch(Instant t) {
        return (t.getEpochSecond() - launchTime.getEpochSecond()) + (t.getNano() - launchTime.getNano()) / 1e9;
    }

    private Instant at(double secondsSinceLaunch) {
        return launchTime.plusNanos(Math.round(secondsSinceLaunch * 1e9));
    }
}

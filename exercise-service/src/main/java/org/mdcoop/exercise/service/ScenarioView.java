package org.mdcoop.exercise.service;

import java.util.List;
import java.util.UUID;

import org.mdcoop.exercise.domain.ExerciseStatus;
import org.mdcoop.exercise.domain.scenario.Inject;

/** The exercise's current scenario: version, the version the other party approved (if any), injects and sensors. */
public record ScenarioView(UUID exerciseId, ExerciseStatus status, int version, Integer approvedVersion,
        List<Inject> injects, List<SensorSpec> sensors) {
}

package org.mdcoop.exercise.domain.scenario;

import java.util.List;

/**
 * A versioned list of injects. Version 1 is the scenario the exercise was proposed with; every change makes the next
 * version (see {@code Exercise#changeScenario}). Object ids of the synthetic launches are the inject indexes (0-based).
 */
public record Scenario(int version, List<Inject> injects) {

    public Scenario {
        injects = List.copyOf(injects);
    }

    /** Validates (field paths {@code injects[i].field}) and wraps as version 1. */
    public static Scenario initial(List<Inject> injects) {
        ScenarioValidator.requireValid(injects, "injects");
        return new Scenario(1, injects);
    }

    /** Validates and returns the next version with these injects. */
    public Scenario next(List<Inject> newInjects) {
        ScenarioValidator.requireValid(newInjects, "injects");
        return new Scenario(version + 1, newInjects);
    }

    public boolean isEmpty() {
        return injects.isEmpty();
    }

    /** Largest inject time offset (s), 0 for an empty scenario. */
    public double lastOffsetS() {
        return injects.stream().mapToDouble(Inject::timeOffsetS).max().orElse(0.0);
    }
}

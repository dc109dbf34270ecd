package org.mdcoop.fusion.engine.scenario;

import java.util.List;
import java.util.Map;

import org.mdcoop.fusion.engine.tools.Detections;
import org.mdcoop.fusion.engine.tools.StateRows;

/**
 * A generated raid in memory: what {@link ScenarioFiles} writes, so tests can use it without a disk.
 * Numbers are already rounded as in the files (t and arrival to 1 ms, positions to 0.1 m, velocities
 * to 0.01 m/s), so replaying the files gives exactly what replaying this gives. The detection and truth
 * arrays are the scenario's own: read them, do not change them.
 *
 * @param detections every report, sorted by t (with {@code arrivalSeconds})
 * @param origins    per detection, the objectId it came from, or null for clutter
 * @param truth      every object in flight at every distinct detection time, by t then objectId
 * @param biases     per sensor (same order), the constant bias of its radar measurements ({@link Sensor.Bias#NONE}
 *                   for an unbiased or non-radar sensor): the truth registration is scored against
 */
public record Scenario(Params params, double durationS, List<Sensor> sensors, List<Sensor.Bias> biases,
                       List<Missile> missiles,
                       ClutterBox clutterBox, Detections detections, List<String> origins, StateRows truth,
                       Counts counts) {

    /**
     * @param scans          distinct detection times
     * @param minSeparationM smallest distance between two objects at a common detection time (NaN if
     *                       never two in flight)
     */
    public record Counts(int scans, int detections, int clutter, int truthRows, int maxInFlight,
                         double minSeparationM, Map<String, Integer> classes) {
    }

    public static Scenario generate(Params params) {
        return new ScenarioGenerator(params).generate();
    }

    /** The true bias of a sensor's measurements. */
    public Sensor.Bias bias(String sensorId) {
        for (int i = 0; i < sensors.size(); i++) {
            if (sensors.get(i).sensorId().equals(sensorId)) {
                return biases.get(i);
            }
        }
        throw new IllegalArgumentException("no sensor " + sensorId);
    }

    public double lastBurnoutS() {
        return missiles.stream().mapToDouble(Missile::burnoutTimeS).max().orElse(Double.NaN);
    }

    public double firstEndS() {
        return missiles.stream().mapToDouble(Missile::endTimeS).min().orElse(Double.NaN);
    }
}

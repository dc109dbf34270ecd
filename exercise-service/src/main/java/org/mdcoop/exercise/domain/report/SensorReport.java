package org.mdcoop.exercise.domain.report;

import java.time.Instant;

import org.mdcoop.common.domain.Party;

/**
 * A synthetic sensor report in the fusion centre's report format ({@code fusion.sensor-reports}): position in the
 * Earth-centred frame (m), isotropic 1-σ noise {@code sigma} (m), always {@code exercise=true} with the exercise id.
 * Component names match the wire format field for field.
 */
public record SensorReport(String reportId, String sensorId, Party party, Instant t, double x, double y, double z,
        double sigma, boolean exercise, String exerciseId) {
}

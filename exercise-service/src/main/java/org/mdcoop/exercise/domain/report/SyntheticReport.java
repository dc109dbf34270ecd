package org.mdcoop.exercise.domain.report;

/**
 * A generated report with its true origin: {@code objectId} is the inject index. Publish {@link #report()}; keep
 * the origin for diagnostics (it is not part of the wire format).
 */
public record SyntheticReport(SensorReport report, int objectId) {
}

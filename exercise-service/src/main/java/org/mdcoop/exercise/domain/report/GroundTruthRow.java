package org.mdcoop.exercise.domain.report;

import java.time.Instant;

/** True state of one synthetic object (objectId = inject index) at time t; metres and m/s, Earth-centred frame. */
public record GroundTruthRow(int objectId, Instant t, double x, double y, double z, double vx, double vy, double vz) {
}

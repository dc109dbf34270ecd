package org.mdcoop.exercise.domain.aar;

import java.time.Instant;

/** A timed state in the Earth-centred frame: metres and m/s. */
public record StateSample(Instant t, double x, double y, double z, double vx, double vy, double vz) {

    public double distanceM(double px, double py, double pz) {
        double dx = x - px;
        double dy = y - py;
        double dz = z - pz;
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}

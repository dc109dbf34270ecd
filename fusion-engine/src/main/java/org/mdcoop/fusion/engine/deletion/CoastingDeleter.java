package org.mdcoop.fusion.engine.deletion;

import org.mdcoop.fusion.engine.TrackTable;
import org.mdcoop.fusion.engine.model.Earth;

/**
 * Deletes a track when it has coasted too long (consecutive missed scans or seconds since the last
 * update), when its position uncertainty has grown too large, or when it descends below the floor
 * altitude (end of the observable flight).
 */
public final class CoastingDeleter implements Deleter {
    private final int maxConsecutiveMisses;
    private final double maxCoastSeconds;
    private final double maxPositionSigmaM;
    private final double floorAltitudeM;

    public CoastingDeleter(int maxConsecutiveMisses, double maxCoastSeconds, double maxPositionSigmaM,
                           double floorAltitudeM) {
        this.maxConsecutiveMisses = maxConsecutiveMisses;
        this.maxCoastSeconds = maxCoastSeconds;
        this.maxPositionSigmaM = maxPositionSigmaM;
        this.floorAltitudeM = floorAltitudeM;
    }

    public CoastingDeleter() {
        this(12, 10.0, 10_000.0, 20_000.0);
    }

    @Override
    public boolean shouldDelete(TrackTable t, int s, double tSeconds) {
        if (t.consecutiveMisses(s) > maxConsecutiveMisses) {
            return true;
        }
        if (tSeconds - t.lastUpdateSeconds(s) > maxCoastSeconds) {
            return true;
        }
        double tracePos = t.cov(s, 0, 0) + t.cov(s, 1, 1) + t.cov(s, 2, 2);
        if (tracePos > 3.0 * maxPositionSigmaM * maxPositionSigmaM) {
            return true;
        }
        double x = t.state(s, 0), y = t.state(s, 1), z = t.state(s, 2);
        if (Earth.altitudeM(x, y, z) < floorAltitudeM) {
            double radialSpeed = x * t.state(s, 3) + y * t.state(s, 4) + z * t.state(s, 5);
            return radialSpeed < 0;
        }
        return false;
    }
}

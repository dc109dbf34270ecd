package org.mdcoop.fusion.engine;

/** Public door to the package-private test helper for tests in sub-packages. */
public final class TrajectoriesAccess {
    private TrajectoriesAccess() {
    }

    public static double[] burnout(double latDeg, double lonDeg, double speedMps, double gammaDeg, double headingDeg) {
        return Trajectories.burnout(latDeg, lonDeg, speedMps, gammaDeg, headingDeg);
    }

    public static double[] at(double[] s0, double dtSeconds) {
        return Trajectories.at(s0, dtSeconds);
    }
}

package org.mdcoop.fusion.engine;

import org.mdcoop.fusion.engine.model.BallisticMotionModel;
import org.mdcoop.fusion.engine.model.Earth;

/** Test helper: exact ballistic states (fine-step RK4) from a burnout state. */
final class Trajectories {
    private static final BallisticMotionModel FINE = new BallisticMotionModel(0, 0.1);

    private Trajectories() {
    }

    /** A burnout state at 100 km altitude over (lat, lon) heading north-east with given speed and flight-path angle. */
    static double[] burnout(double latDeg, double lonDeg, double speedMps, double gammaDeg, double headingDeg) {
        double lat = Math.toRadians(latDeg), lon = Math.toRadians(lonDeg);
        double r = Earth.RADIUS_M + 100_000.0;
        double ux = Math.cos(lat) * Math.cos(lon), uy = Math.cos(lat) * Math.sin(lon), uz = Math.sin(lat);
        double ex = -Math.sin(lon), ey = Math.cos(lon), ez = 0;
        double nx = -Math.sin(lat) * Math.cos(lon), ny = -Math.sin(lat) * Math.sin(lon), nz = Math.cos(lat);
        double g = Math.toRadians(gammaDeg), h = Math.toRadians(headingDeg);
        double horiz = speedMps * Math.cos(g), up = speedMps * Math.sin(g);
        double vx = up * ux + horiz * (Math.sin(h) * ex + Math.cos(h) * nx);
        double vy = up * uy + horiz * (Math.sin(h) * ey + Math.cos(h) * ny);
        double vz = up * uz + horiz * (Math.sin(h) * ez + Math.cos(h) * nz);
        return new double[]{r * ux, r * uy, r * uz, vx, vy, vz};
    }

    static double[] at(double[] s0, double dtSeconds) {
        double[] s = s0.clone();
        FINE.propagate(s, 0, dtSeconds);
        return s;
    }
}

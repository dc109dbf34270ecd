package org.mdcoop.fusion.engine.scenario;

import org.mdcoop.fusion.engine.products.MissileClass;

/**
 * One generated missile: where it was launched and aimed, its burnout state (where it appears) and
 * where it ends (descending through 20 km). Angles in degrees (geocentric), times in s, lengths in m.
 *
 * @param groundRangeM great-circle distance from launch point to aim point (decides {@code cls})
 * @param apogeeM      highest altitude of the arc
 */
public record Missile(String objectId, String launchArea, String targetArea, double launchLatDeg,
                      double launchLonDeg, double launchTimeS, double burnoutTimeS, State burnout,
                      double burnoutAltM, double burnoutSpeedMps, double flightPathAngleDeg, double azimuthDeg,
                      double aimLatDeg, double aimLonDeg, double endTimeS, State end, double groundRangeM,
                      double apogeeM, MissileClass cls) {

    /** Position (m) and velocity (m/s) in the Earth-centred frame. */
    public record State(double x, double y, double z, double vx, double vy, double vz) {
        static State of(double[] s) {
            return new State(s[0], s[1], s[2], s[3], s[4], s[5]);
        }

        public double[] toArray() {
            return new double[]{x, y, z, vx, vy, vz};
        }
    }

    public boolean inFlight(double tSeconds) {
        return tSeconds >= burnoutTimeS && tSeconds <= endTimeS;
    }
}

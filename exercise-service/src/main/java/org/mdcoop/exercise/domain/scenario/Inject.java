package org.mdcoop.exercise.domain.scenario;

import org.mdcoop.exercise.domain.physics.GeoPoint;

/**
 * One scripted synthetic launch: {@code timeOffsetS} after the exercise start, from the launch point to the impact
 * point (geocentric degrees), of the given class, with the given burnout speed (km/s). Validate with
 * {@link ScenarioValidator}; the record itself accepts anything so stored data always loads.
 */
public record Inject(double timeOffsetS, double launchLat, double launchLon, double impactLat, double impactLon,
        MissileClass missileClass, double burnoutSpeedKmS) {

    public GeoPoint launchPoint() {
        return new GeoPoint(launchLat, launchLon);
    }

    public GeoPoint impactPoint() {
        return new GeoPoint(impactLat, impactLon);
    }

    public double burnoutSpeedMps() {
        return burnoutSpeedKmS * 1000.0;
    }
}

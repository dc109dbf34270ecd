package org.mdcoop.exercise.domain.physics;

/**
 * Simplified powered flight: the boost phase is not simulated. The missile appears at burnout, at
 * {@code burnoutAltitudeM} (100 km by default, like the fusion data) above the ground point reached by flying
 * {@code min(boostRangeFraction × ground range, maxBoostRangeM)} from the launch point along the great circle toward
 * the aim point, {@code boostDurationS} after launch (per missile class, see the caller).
 */
public record BoostModel(double burnoutAltitudeM, double boostRangeFraction, double maxBoostRangeM) {

    /** 100 km burnout altitude, burnout 10% of the ground range downrange, at most 50 km. */
    public static final BoostModel DEFAULT = new BoostModel(100_000.0, 0.1, 50_000.0);

    public BoostModel {
        if (!(burnoutAltitudeM > 0) || !(boostRangeFraction >= 0 && boostRangeFraction < 0.5)
                || !(maxBoostRangeM >= 0)) {
            throw new IllegalArgumentException("invalid boost model");
        }
    }

    double boostRangeM(double groundRangeM) {
        return Math.min(boostRangeFraction * groundRangeM, maxBoostRangeM);
    }
}

package org.mdcoop.exercise.domain.scenario;

/**
 * Ballistic-missile classes by ground range (launch point → impact point, great circle on the 6,371 km sphere), the
 * same thresholds as the fusion data: SRBM &lt; 1,000 km ≤ MRBM &lt; 3,000 km ≤ IRBM &lt; 5,500 km ≤ ICBM.
 */
public enum MissileClass {
    SRBM(0, 1_000, 60),
    MRBM(1_000, 3_000, 90),
    IRBM(3_000, 5_500, 120),
    ICBM(5_500, Double.POSITIVE_INFINITY, 180);

    private final double minRangeKm;
    private final double maxRangeKm;
    private final double boostDurationS;

    MissileClass(double minRangeKm, double maxRangeKm, double boostDurationS) {
        this.minRangeKm = minRangeKm;
        this.maxRangeKm = maxRangeKm;
        this.boostDurationS = boostDurationS;
    }

    /** Inclusive lower bound of the ground range (km). */
    public double minRangeKm() {
        return minRangeKm;
    }

    /** Exclusive upper bound of the ground range (km). */
    public double maxRangeKm() {
        return maxRangeKm;
    }

    /** Seconds from launch to burnout used by the synthetic trajectories (the object is observable from then). */
    public double boostDurationS() {
        return boostDurationS;
    }

    public boolean covers(double rangeKm) {
        return rangeKm >= minRangeKm && rangeKm < maxRangeKm;
    }

    public static MissileClass forRangeKm(double rangeKm) {
        for (MissileClass c : values()) {
            if (c.covers(rangeKm)) {
                return c;
            }
        }
        throw new IllegalArgumentException("range " + rangeKm);
    }
}

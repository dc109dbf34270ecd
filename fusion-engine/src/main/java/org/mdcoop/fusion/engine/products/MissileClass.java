package org.mdcoop.fusion.engine.products;

/** Ballistic missile class by ground range (launch to impact). */
public enum MissileClass {
    SRBM(0, 1_000_000.0),
    MRBM(1_000_000.0, 3_000_000.0),
    IRBM(3_000_000.0, 5_500_000.0),
    ICBM(5_500_000.0, Double.POSITIVE_INFINITY);

    public final double minRangeM;
    public final double maxRangeM;

    MissileClass(double minRangeM, double maxRangeM) {
        this.minRangeM = minRangeM;
        this.maxRangeM = maxRangeM;
    }

    public static MissileClass ofRange(double groundRangeM) {
        for (MissileClass c : values()) {
            if (groundRangeM < c.maxRangeM) {
                return c;
            }
        }
        return ICBM;
    }
}

package org.mdcoop.fusion.domain;

/**
 * What the fusion centre has learned of one sensor's timing in one stream, to decide when a scan of another sensor
 * may be fused without waiting for this one: how late its reports arrive (delivery delay: the service's clock minus
 * the report time) and how often it reports (its revisit: the gap between its successive report times). One sensor's
 * reports arrive in time order (they share a partition), so both are learned from what arrived.
 */
public final class SensorTiming {
    /** Gaps seen before the revisit is trusted: a sensor's first reports say nothing about its rhythm. */
    static final int REVISITS_BEFORE_TRUSTED = 4;
    /** Share of the revisit before which the next report is not expected (room for a revisit's jitter). */
    static final double REVISIT_MARGIN = 0.9;
    /** How fast the learned revisit follows a sensor that slows down (a faster one is followed at once). */
    static final double REVISIT_GROWTH = 1.05;

    private double newestT = Double.NEGATIVE_INFINITY;
    private double delayMeanS;
    private double delayDevS;
    private boolean delayLearned;
    private double revisitS;
    private int revisits;

    /** A report of report time {@code tSeconds} arrived {@code delayS} after that time. */
    public void arrived(double tSeconds, double delayS) {
        if (tSeconds > newestT) {
            if (newestT != Double.NEGATIVE_INFINITY) {
                double gap = tSeconds - newestT;
                revisitS = revisits == 0 ? gap : Math.min(gap, revisitS * REVISIT_GROWTH);
                revisits++;
            }
            newestT = tSeconds;
        }
        if (!delayLearned) {
            delayMeanS = delayS;
            delayLearned = true;
            return;
        }
        double d = delayS - delayMeanS;
        delayMeanS += 0.05 * d;
        delayDevS += 0.05 * (Math.abs(d) - delayDevS);
    }

    /** The newest report time that arrived. */
    public double newestT() {
        return newestT;
    }

    /** How long after a report time this sensor's reports of that time have nearly all arrived, at most {@code capS}. */
    public double expectedDelayS(double capS) {
        return Math.min(capS, Math.max(0, delayMeanS + 3 * delayDevS));
    }

    /**
     * Whether this sensor can still send a report of time {@code tSeconds} or older: not when it already sent one as
     * new, nor when its next report is not due before then (radars reporting in turn: the others' next scans are all
     * later than this one's). A report that comes anyway is fused late, by retrodiction.
     */
    public boolean mayStillSendUpTo(double tSeconds) {
        if (newestT >= tSeconds) {
            return false;
        }
        return !(revisits >= REVISITS_BEFORE_TRUSTED && newestT + REVISIT_MARGIN * revisitS > tSeconds);
    }
}

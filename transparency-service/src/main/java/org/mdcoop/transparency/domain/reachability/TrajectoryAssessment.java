package org.mdcoop.transparency.domain.reachability;

import java.util.List;

/**
 * The answer for one reference trajectory.
 *
 * @param reachable                 some engageable point can be reached in time
 * @param verdict                   why (REACHABLE, or the limiting factor)
 * @param earliestInterceptTimeS    first sample time (s after threat launch) at which the interceptor can be there;
 *                                  null if not reachable
 * @param earliestInterceptPoint    the threat's position at that time; null if not reachable
 * @param marginS                   max over engageable samples (above min altitude, inside the envelope) of
 *                                  t − delay − flyOut(P(t)); positive = reachable with that much time to spare,
 *                                  negative = too late by that much; null when no sample is engageable
 * @param timingOnlyMarginS         the same maximum ignoring the kinematic envelope (still above min altitude):
 *                                  diagnostic, shows how far timing alone is from allowing an intercept; null if the
 *                                  arc never rises above min altitude
 * @param closestApproachKm         smallest straight-line distance from the site to the arc above min altitude
 * @param threat                    the computed threat arc
 * @param assumptions               every assumption behind the answer, in words
 */
public record TrajectoryAssessment(String trajectoryId, String trajectoryName, boolean reachable, Verdict verdict,
        Double earliestInterceptTimeS, GeoPosition earliestInterceptPoint, Double marginS, Double timingOnlyMarginS,
        Double closestApproachKm, ThreatSummary threat, List<String> assumptions) {

    public enum Verdict {
        REACHABLE,
        /** Points are inside the kinematic envelope but the interceptor cannot get there before the threat leaves. */
        TOO_LATE,
        /** No point of the arc above the minimum engagement altitude lies inside the interceptor's envelope. */
        OUT_OF_ENVELOPE,
        /** The arc never rises above the minimum engagement altitude. */
        BELOW_MIN_ENGAGEMENT_ALTITUDE
    }

    /** The threat arc computed from physics. */
    public record ThreatSummary(double groundRangeKm, double burnoutSpeedKmS, double flightPathAngleDeg,
            double flightTimeS, double apogeeAltitudeKm) {
    }
}

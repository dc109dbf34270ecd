package org.mdcoop.transparency.domain.reachability;

import java.util.List;

/** The answer for one interceptor against a set of trajectories. */
public record ReachabilityAssessment(InterceptorSpec interceptor, AssessmentParameters parameters,
        InterceptorEnvelope envelope, List<TrajectoryAssessment> trajectories, List<String> assumptions) {

    public boolean anyReachable() {
        return trajectories.stream().anyMatch(TrajectoryAssessment::reachable);
    }

    /**
     * The interceptor's kinematic envelope from its burnout velocity (Keplerian, from the surface).
     *
     * @param maxAltitudeKm        vertical-shot apogee (before declared caps)
     * @param maxGroundRangeKm     maximum ballistic ground range (before declared caps; half the circumference if
     *                             the speed allows any range)
     * @param averageFlyoutSpeedKmS k × Vbo
     */
    public record InterceptorEnvelope(double maxAltitudeKm, double maxGroundRangeKm, double averageFlyoutSpeedKmS) {
    }
}

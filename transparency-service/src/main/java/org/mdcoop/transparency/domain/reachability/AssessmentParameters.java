package org.mdcoop.transparency.domain.reachability;

import org.mdcoop.transparency.domain.FieldErrors;

/**
 * Model parameters. Defaults ({@link #DEFAULT}) and why:
 *
 * @param launchDelayS             60 s from threat launch to interceptor launch (detection, tracking, decision,
 *                                 launch). Short on purpose: optimistic for the defender.
 * @param flyoutSpeedFactor        0.7: average fly-out speed = 0.7 × burnout velocity (the interceptor's own boost
 *                                 and gravity losses); upper end of the usual 0.6–0.7, optimistic for the defender.
 * @param minEngagementAltitudeKm  70 km: exo-atmospheric kill vehicles engage above the sensible atmosphere.
 * @param burnoutAltitudeKm        0 km: the threat's powered flight is not modelled; the arc starts at the launch
 *                                 point. (≈7.2 km/s then flies 10,000 km in ≈32 min.)
 * @param timeStepS                1 s sampling of the threat arc; 0.01 to 60 s.
 * @param branch                   DEPRESSED root of the range equation when a burnout speed above minimum energy is
 *                                 given.
 */
public record AssessmentParameters(double launchDelayS, double flyoutSpeedFactor, double minEngagementAltitudeKm,
        double burnoutAltitudeKm, double timeStepS, BallisticArc.Branch branch) {

    /** 10 ms: at most 360,000 samples for an hour of flight. */
    public static final double MIN_TIME_STEP_S = 0.01;

    public static final AssessmentParameters DEFAULT =
            new AssessmentParameters(60, 0.7, 70, 0, 1, BallisticArc.Branch.DEPRESSED);

    public AssessmentParameters withLaunchDelayS(double v) {
        return new AssessmentParameters(v, flyoutSpeedFactor, minEngagementAltitudeKm, burnoutAltitudeKm, timeStepS,
                branch);
    }

    public AssessmentParameters withFlyoutSpeedFactor(double v) {
        return new AssessmentParameters(launchDelayS, v, minEngagementAltitudeKm, burnoutAltitudeKm, timeStepS,
                branch);
    }

    public AssessmentParameters withMinEngagementAltitudeKm(double v) {
        return new AssessmentParameters(launchDelayS, flyoutSpeedFactor, v, burnoutAltitudeKm, timeStepS, branch);
    }

    public void validate(String path, FieldErrors errors) {
        errors.range(FieldErrors.join(path, "launchDelayS"), launchDelayS, 0, 3_600);
        errors.positiveUpTo(FieldErrors.join(path, "flyoutSpeedFactor"), flyoutSpeedFactor, 1);
        errors.range(FieldErrors.join(path, "minEngagementAltitudeKm"), minEngagementAltitudeKm, 0, 2_000);
        errors.range(FieldErrors.join(path, "burnoutAltitudeKm"), burnoutAltitudeKm, 0, 1_000);
        // a floor, not just > 0: the arc is sampled every step, so 1e-9 s would keep a request thread busy for hours
        errors.range(FieldErrors.join(path, "timeStepS"), timeStepS, MIN_TIME_STEP_S, 60);
        errors.required(FieldErrors.join(path, "branch"), branch);
    }
}

package org.mdcoop.transparency.domain.reachability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.mdcoop.transparency.domain.reachability.BallisticArcTest.eastKm;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mdcoop.common.domain.ValidationFailed;
import org.mdcoop.common.domain.ValidationFailed.FieldError;
import org.mdcoop.transparency.domain.LatLon;
import org.mdcoop.transparency.domain.reachability.TrajectoryAssessment.Verdict;

class ReachabilityAssessorTest {

    private final ReachabilityAssessor assessor = new ReachabilityAssessor();
    private static final AssessmentParameters P = AssessmentParameters.DEFAULT;

    /** Minimum-energy ICBM along the equator over 10,000 km: 7.198 km/s, 1,931 s, apogee 1,319 km at mid-range. */
    private static final ReferenceTrajectory ICBM_10K =
            new ReferenceTrajectory("ICBM-10K", "test", LatLon.of(0, 0), LatLon.of(0, eastKm(10_000)), null);
    /** A 7 km/s ICBM (depressed arc) along the equator over 8,000 km: 1,334 s, apogee 605 km. */
    private static final ReferenceTrajectory ICBM_7 =
            new ReferenceTrajectory("ICBM-7", "test", LatLon.of(0, 0), LatLon.of(0, eastKm(8_000)), 7.0);

    private TrajectoryAssessment assess(InterceptorSpec spec, ReferenceTrajectory t, AssessmentParameters p) {
        return assessor.assess(spec, List.of(t), p).trajectories().get(0);
    }

    @Test
    void interceptorBelowTheMidpointWithEnoughSpeedCanReachIt() {
        // 5 km/s straight below the apogee: vertical reach R·Q/(2−Q) = 1,606 km > 1,319 km apogee.
        // Hand-worked slack at the apogee sample: t = 1,931/2 = 965.5 s; fly-out 1,319.5 km / (0.7 × 5) = 377.0 s;
        // 965.5 − 60 − 377.0 = 528.5 s > 0. The margin is the maximum over all samples, so at least that.
        TrajectoryAssessment r = assess(InterceptorSpec.of(0, eastKm(5_000), 5.0), ICBM_10K, P);
        assertThat(r.reachable()).isTrue();
        assertThat(r.verdict()).isEqualTo(Verdict.REACHABLE);
        assertThat(r.marginS()).isGreaterThanOrEqualTo(528.4);
        assertThat(r.closestApproachKm()).isCloseTo(1319.5, within(0.5));
        assertThat(r.earliestInterceptTimeS()).isBetween(60.0, 965.5);
        assertThat(r.earliestInterceptPoint().altitudeKm()).isGreaterThanOrEqualTo(70.0);
        assertEarliestIsTheFirstFeasibleSample(r, InterceptorSpec.of(0, eastKm(5_000), 5.0), ICBM_10K);
    }

    /**
     * Recomputes slack independently from the arc: ≥ 0 at the reported time (inside the envelope); one sample
     * earlier the interceptor was either too late or the point was outside its envelope.
     */
    private static void assertEarliestIsTheFirstFeasibleSample(TrajectoryAssessment r, InterceptorSpec spec,
            ReferenceTrajectory ref) {
        BallisticArc arc = BallisticArc.solve(ref.launch().lat(), ref.launch().lon(), ref.target().lat(),
                ref.target().lon(), ref.burnoutSpeedKmS(), 0, BallisticArc.Branch.DEPRESSED);
        Vec3 site = Earth.position(spec.site().lat(), spec.site().lon(), 0);
        double avg = 0.7 * spec.burnoutVelocityKmS() * 1000;
        double t = r.earliestInterceptTimeS();
        assertThat(t - 60 - arc.positionAt(t).distanceTo(site) / avg).isGreaterThanOrEqualTo(0);
        assertThat(ReachabilityAssessor.insideKeplerEnvelope(site, arc.positionAt(t), spec.burnoutVelocityKmS()))
                .isTrue();
        Vec3 before = arc.positionAt(t - 1);
        boolean feasibleBefore = t - 1 - 60 - before.distanceTo(site) / avg >= 0
                && ReachabilityAssessor.insideKeplerEnvelope(site, before, spec.burnoutVelocityKmS());
        assertThat(feasibleBefore).isFalse();
    }

    @Test
    void interceptorBelowTheMidpointWithoutEnoughSpeedCannotReachTheMinimumEnergyApogee() {
        // 4.5 km/s: envelope ellipse |OP| + |SP| ≤ 4a − R = 8,831 km; at the apogee 7,690 + 1,319 = 9,009 km > 8,831
        TrajectoryAssessment r = assess(InterceptorSpec.of(0, eastKm(5_000), 4.5), ICBM_10K, P);
        assertThat(r.reachable()).isFalse();
        assertThat(r.verdict()).isEqualTo(Verdict.OUT_OF_ENVELOPE);
        assertThat(r.marginS()).isNull();
        assertThat(r.timingOnlyMarginS()).as("timing alone would allow it").isPositive();
    }

    @Test
    void threeKmPerSecondInterceptorTwoThousandKilometresBehindASevenKmPerSecondIcbmCannotCatchIt() {
        // Tail chase: the threat moves away over the ground at ≥ 5.5 km/s, the interceptor averages 2.1 km/s, so the
        // gap only grows: slack(t) < t − 60 − (2,000 km + 5.5 km/s·t)/2.1 km/s < 0 for every t.
        // The 3 km/s envelope (ground range ≈ 988 km) does not even reach the launch point.
        TrajectoryAssessment r = assess(InterceptorSpec.of(0, -eastKm(2_000), 3.0), ICBM_7, P);
        assertThat(r.reachable()).isFalse();
        assertThat(r.verdict()).isEqualTo(Verdict.OUT_OF_ENVELOPE);
        assertThat(r.earliestInterceptTimeS()).isNull();
        assertThat(r.earliestInterceptPoint()).isNull();
        assertThat(r.timingOnlyMarginS()).isLessThan(-1000.0);
        assertThat(r.closestApproachKm()).isGreaterThan(2000.0);
    }

    @Test
    void tailChaseFromCloserBehindIsInsideTheEnvelopeButTooLateWithANegativeMargin() {
        TrajectoryAssessment r = assess(InterceptorSpec.of(0, -eastKm(500), 3.0), ICBM_7, P);
        assertThat(r.reachable()).isFalse();
        assertThat(r.verdict()).isEqualTo(Verdict.TOO_LATE);
        assertThat(r.marginS()).isNegative().isLessThan(-300.0);
    }

    @Test
    void interceptorNearTheTargetReachesTheDescendingThreat() {
        TrajectoryAssessment r = assess(InterceptorSpec.of(0, eastKm(9_700), 3.0), ICBM_10K, P);
        assertThat(r.reachable()).isTrue();
        assertThat(r.earliestInterceptPoint().lonDeg()).isGreaterThan(eastKm(8_000));
        assertThat(r.marginS()).isPositive();
    }

    @Test
    void aLongerDelayReducesTheMarginByExactlyTheDifference() {
        InterceptorSpec spec = InterceptorSpec.of(0, eastKm(4_000), 4.5);
        TrajectoryAssessment fast = assess(spec, ICBM_7, P);
        TrajectoryAssessment slow = assess(spec, ICBM_7, P.withLaunchDelayS(160));
        assertThat(fast.marginS() - slow.marginS()).isCloseTo(100.0, within(0.11));
        assertThat(slow.earliestInterceptTimeS()).isGreaterThan(fast.earliestInterceptTimeS());
    }

    @Test
    void aSlowerFlyOutFactorNeverHelps() {
        InterceptorSpec spec = InterceptorSpec.of(0, eastKm(4_000), 4.5);
        assertThat(assess(spec, ICBM_7, P.withFlyoutSpeedFactor(0.6)).marginS())
                .isLessThan(assess(spec, ICBM_7, P).marginS());
    }

    @Test
    void declaredMaxAltitudeCapsTheEnvelope() {
        InterceptorSpec capped = new InterceptorSpec(LatLon.of(0, eastKm(4_000)), 4.5, null, 300.0);
        TrajectoryAssessment r = assess(capped, ICBM_7, P);
        assertThat(r.reachable()).isFalse();
        assertThat(r.verdict()).isEqualTo(Verdict.OUT_OF_ENVELOPE);
        assertThat(r.assumptions()).anyMatch(a -> a.contains("declared max altitude 300 km"));
    }

    @Test
    void declaredMaxRangeCapsTheEnvelope() {
        InterceptorSpec capped = new InterceptorSpec(LatLon.of(0, eastKm(9_700)), 3.0, 50.0, null);
        assertThat(assess(capped, ICBM_10K, P).reachable()).isTrue(); // passes almost overhead, within 50 km
        InterceptorSpec offset = new InterceptorSpec(LatLon.of(3, eastKm(9_700)), 3.0, 50.0, null);
        assertThat(assess(offset, ICBM_10K, P).verdict()).isEqualTo(Verdict.OUT_OF_ENVELOPE);
    }

    @Test
    void threatThatStaysBelowTheMinimumEngagementAltitudeCannotBeEngaged() {
        ReferenceTrajectory srbm = new ReferenceTrajectory("S", "s", LatLon.of(0, 0), LatLon.of(0, eastKm(500)), null);
        TrajectoryAssessment r = assess(InterceptorSpec.of(0, eastKm(250), 3.0), srbm,
                P.withMinEngagementAltitudeKm(150));
        assertThat(r.verdict()).isEqualTo(Verdict.BELOW_MIN_ENGAGEMENT_ALTITUDE);
        assertThat(r.marginS()).isNull();
        assertThat(r.timingOnlyMarginS()).isNull();
    }

    @Test
    void envelopeFromBurnoutVelocityMatchesTheHandFormulas() {
        // Q = V²R/μ; vertical reach R·Q/(2−Q); max ground range 2R·asin(Q/(2−Q))
        var e3 = ReachabilityAssessor.envelope(3.0, 0.7);
        assertThat(e3.maxAltitudeKm()).isCloseTo(493.7, within(0.5));
        assertThat(e3.maxGroundRangeKm()).isCloseTo(988.5, within(0.5));
        assertThat(e3.averageFlyoutSpeedKmS()).isCloseTo(2.1, within(1e-9));
        var e45 = ReachabilityAssessor.envelope(4.5, 0.7);
        assertThat(e45.maxAltitudeKm()).isCloseTo(1230.1, within(0.5));
        assertThat(e45.maxGroundRangeKm()).isCloseTo(2475.8, within(0.5));
    }

    @Test
    void keplerEnvelopeContainsThePointsItShould() {
        Vec3 site = Earth.position(0, 0, 0);
        // straight up: inside just below the vertical reach, outside just above
        assertThat(ReachabilityAssessor.insideKeplerEnvelope(site, Earth.position(0, 0, 493_000), 3.0)).isTrue();
        assertThat(ReachabilityAssessor.insideKeplerEnvelope(site, Earth.position(0, 0, 495_000), 3.0)).isFalse();
        // on the ground: inside just short of the maximum range, outside beyond
        assertThat(ReachabilityAssessor.insideKeplerEnvelope(site, Earth.position(0, eastKm(980), 0), 3.0)).isTrue();
        assertThat(ReachabilityAssessor.insideKeplerEnvelope(site, Earth.position(0, eastKm(1000), 0), 3.0))
                .isFalse();
    }

    @Test
    void everyAnswerStatesItsAssumptions() {
        ReachabilityAssessment a = assessor.assess(InterceptorSpec.of(54.5, 17, 4.5),
                ReferenceTrajectories.illustrative(), P);
        assertThat(a.assumptions()).anyMatch(s -> s.contains("non-rotating sphere"))
                .anyMatch(s -> s.contains("60 s"))
                .anyMatch(s -> s.contains("0.70 × 4.50 = 3.15 km/s"))
                .anyMatch(s -> s.contains("70 km"))
                .anyMatch(s -> s.contains("illustrative, not real data"));
        for (TrajectoryAssessment t : a.trajectories()) {
            assertThat(t.assumptions()).containsAll(a.assumptions());
            assertThat(t.assumptions()).anyMatch(s -> s.startsWith("Threat " + t.trajectoryId()));
        }
    }

    @Test
    void builtInIllustrativeTrajectoriesAllSolveToPlausibleIcbmOrIrbmArcs() {
        assertThat(ReferenceTrajectories.illustrative()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(ReferenceTrajectories.DISCLAIMER).contains("not real data");
        ReachabilityAssessment a = assessor.assess(InterceptorSpec.of(54.5, 17, 4.5),
                ReferenceTrajectories.illustrative(), P);
        assertThat(a.trajectories()).hasSize(ReferenceTrajectories.illustrative().size());
        for (TrajectoryAssessment t : a.trajectories()) {
            assertThat(t.threat().burnoutSpeedKmS()).isBetween(4.0, 7.5);
            assertThat(t.threat().flightTimeS() / 60).isBetween(12.0, 35.0);
            assertThat(t.threat().apogeeAltitudeKm()).isBetween(500.0, 1500.0);
        }
        assertThat(ReferenceTrajectories.byId("ILL-4")).isPresent();
        assertThat(ReferenceTrajectories.byId("nope")).isEmpty();
    }

    @Test
    void invalidInputIsReportedPerField() {
        List<ReferenceTrajectory> ts = List.of(
                new ReferenceTrajectory("A", null, LatLon.of(0, 0), LatLon.of(0, 10), null),
                new ReferenceTrajectory("", null, LatLon.of(0, 200), null, 12.0));
        InterceptorSpec bad = new InterceptorSpec(LatLon.of(-91, 0), 0.0, null, 6000.0);
        assertThatThrownBy(() -> assessor.assess(bad, ts, P.withFlyoutSpeedFactor(1.5)))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("interceptor.site.lat",
                                "interceptor.burnoutVelocityKmS", "interceptor.maxAltitudeKm",
                                "parameters.flyoutSpeedFactor", "trajectories[1].id", "trajectories[1].launch.lon",
                                "trajectories[1].target", "trajectories[1].burnoutSpeedKmS"));
        assertThatThrownBy(() -> assessor.assess(InterceptorSpec.of(0, 0, 3), List.of(), P))
                .isInstanceOf(ValidationFailed.class).hasMessageContaining("trajectories");
    }

    @Test
    void unreachableTargetSpeedIsReportedOnTheTrajectoryField() {
        ReferenceTrajectory tooSlow =
                new ReferenceTrajectory("X", null, LatLon.of(0, 0), LatLon.of(0, eastKm(10_000)), 6.0);
        assertThatThrownBy(() -> assessor.assess(InterceptorSpec.of(0, 0, 3), List.of(ICBM_7, tooSlow), P))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("trajectories[1].burnoutSpeedKmS"));
    }

    @Test
    void interceptorSpecCanComeFromADisclosedInterceptorType() {
        var declared = new org.mdcoop.transparency.domain.disclosure.InterceptorPerformanceContent.Interceptor(
                "Type B", 2500.0, 1200.0, 4.5);
        InterceptorSpec spec = InterceptorSpec.fromDisclosure(LatLon.of(54.5, 17.0), declared);
        assertThat(spec).isEqualTo(new InterceptorSpec(LatLon.of(54.5, 17.0), 4.5, 2500.0, 1200.0));
    }

    @Test
    void assessmentIsDeterministic() {
        InterceptorSpec spec = InterceptorSpec.of(54.5, 17, 4.5);
        assertThat(assessor.assess(spec, ReferenceTrajectories.illustrative(), P))
                .isEqualTo(assessor.assess(spec, ReferenceTrajectories.illustrative(), P));
    }

    /**
     * Issue 19: a lofted arc near escape speed flies for days; sampled every 10 ms, one request ran for hours. It is
     * refused before any sampling, naming the trajectory and the limit.
     */
    @Test
    void anArcThatWouldNeedMoreThanAMillionSamplesIsRefusedAtOnce() {
        ReferenceTrajectory lofted = new ReferenceTrajectory("LOFTED", "test", LatLon.of(0, 0),
                LatLon.of(0, eastKm(8_000)), 10.99);
        AssessmentParameters fine = new AssessmentParameters(60, 0.7, 70, 0, AssessmentParameters.MIN_TIME_STEP_S,
                BallisticArc.Branch.LOFTED);
        long start = System.nanoTime();
        assertThatThrownBy(() -> assessor.assess(InterceptorSpec.of(0, eastKm(4_000), 5.0), List.of(lofted), fine))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(fe -> {
                            assertThat(fe.field()).isEqualTo("trajectories[0]");
                            assertThat(fe.message()).contains("1,000,000 samples");
                        }));
        assertThat((System.nanoTime() - start) / 1e6).as("ms to refuse").isLessThan(1_000);
        // the limit is over the whole request: 100 ordinary arcs of 1,334 s are 133,500 samples at the default 1 s
        // step, but 13.3 million at 10 ms
        assertThat(assessor.assess(InterceptorSpec.of(0, eastKm(4_000), 5.0),
                java.util.Collections.nCopies(100, ICBM_7), P).trajectories()).hasSize(100);
        AssessmentParameters fineDepressed = new AssessmentParameters(60, 0.7, 70, 0,
                AssessmentParameters.MIN_TIME_STEP_S, BallisticArc.Branch.DEPRESSED);
        assertThatThrownBy(() -> assessor.assess(InterceptorSpec.of(0, eastKm(4_000), 5.0),
                java.util.Collections.nCopies(100, ICBM_7), fineDepressed))
                .isInstanceOfSatisfying(ValidationFailed.class,
                        e -> assertThat(e.errors().get(0).message()).contains("maxSamples"));
    }
}

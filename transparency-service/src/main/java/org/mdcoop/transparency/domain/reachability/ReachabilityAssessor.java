package org.mdcoop.transparency.domain.reachability;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mdcoop.common.domain.ValidationFailed;
import org.mdcoop.transparency.domain.FieldErrors;
import org.mdcoop.transparency.domain.reachability.ReachabilityAssessment.InterceptorEnvelope;
import org.mdcoop.transparency.domain.reachability.TrajectoryAssessment.ThreatSummary;
import org.mdcoop.transparency.domain.reachability.TrajectoryAssessment.Verdict;

/**
 * Could this interceptor reach these ballistic missiles in time? Pure, deterministic, stateless.
 *
 * <p>Model (every item is also returned, in words, with each answer):
 * <ol>
 * <li>Earth: non-rotating sphere R = 6,371 km, central gravity μ = 3.986004418e14 m³/s².</li>
 * <li>Threat: {@link BallisticArc} from the launch point to the target, burnout at t = 0 (powered flight not
 * modelled) at {@code burnoutAltitudeKm}.</li>
 * <li>Interceptor launch no earlier than {@code launchDelayS} after threat launch.</li>
 * <li>Fly-out: straight line site → point at constant average speed k·Vbo.</li>
 * <li>Kinematic envelope: the point must be reachable by some Keplerian arc from the site (on the surface) at speed
 * Vbo. The envelope of all such arcs is the ellipse with foci at the Earth's centre O and the site S and major axis
 * 4a − R, a = R/(2 − Vbo²R/μ): P is inside iff |OP| + |SP| ≤ 4a − R. Declared max range (ground distance) and max
 * altitude, when given, cap it further.</li>
 * <li>Engagement only at threat altitude ≥ {@code minEngagementAltitudeKm}.</li>
 * <li>The arc is sampled every {@code timeStepS} (and at its end).</li>
 * </ol>
 * At sample time t with threat position P(t): slack(t) = t − delay − |SP|/(k·Vbo). Reachable iff some engageable
 * sample has slack ≥ 0; the earliest intercept is the first such t; the margin is the maximum slack over engageable
 * samples.
 */
public final class ReachabilityAssessor {

    public ReachabilityAssessment assess(InterceptorSpec interceptor, List<ReferenceTrajectory> trajectories,
            AssessmentParameters params) {
        FieldErrors errors = new FieldErrors();
        if (errors.required("interceptor", interceptor)) {
            interceptor.validate("interceptor", errors);
        }
        if (errors.required("parameters", params)) {
            params.validate("parameters", errors);
        }
        if (errors.required("trajectories", trajectories)) {
            if (trajectories.isEmpty()) {
                errors.add("trajectories", "must contain at least one trajectory");
            }
            if (trajectories.size() > 100) {
                errors.add("trajectories", "must contain at most 100 trajectories");
            }
            for (int i = 0; i < trajectories.size(); i++) {
                String p = "trajectories[" + i + "]";
                if (trajectories.get(i) == null) {
                    errors.add(p, "is required");
                } else {
                    trajectories.get(i).validate(p, errors);
                }
            }
        }
        errors.throwIfAny();

        List<BallisticArc> arcs = new ArrayList<>();
        for (int i = 0; i < trajectories.size(); i++) {
            arcs.add(arc(i, trajectories.get(i), params));
        }
        checkSamples(arcs, params);

        InterceptorEnvelope envelope = envelope(interceptor.burnoutVelocityKmS(), params.flyoutSpeedFactor());
        List<String> assumptions = assumptions(interceptor, params, envelope);
        List<TrajectoryAssessment> results = new ArrayList<>();
        for (int i = 0; i < trajectories.size(); i++) {
            results.add(assessOne(trajectories.get(i), arcs.get(i), interceptor, params, assumptions));
        }
        return new ReachabilityAssessment(interceptor, params, envelope, List.copyOf(results), assumptions);
    }

    /** Kinematic envelope of a surface-launched interceptor with burnout velocity {@code vboKmS}. */
    public static InterceptorEnvelope envelope(double vboKmS, double flyoutSpeedFactor) {
        double q = q(vboKmS);
        double maxAlt = q >= 2 ? Double.POSITIVE_INFINITY : Earth.RADIUS_M * q / (2 - q) / 1000.0;
        double maxRange = q >= 1 ? Math.PI * Earth.RADIUS_M / 1000.0
                : 2 * Math.asin(q / (2 - q)) * Earth.RADIUS_M / 1000.0;
        return new InterceptorEnvelope(maxAlt, maxRange, flyoutSpeedFactor * vboKmS);
    }

    private static double q(double vKmS) {
        double v = vKmS * 1000.0;
        return v * v * Earth.RADIUS_M / Earth.MU_M3_S2;
    }

    /** Is {@code p} (m) inside the interceptor's Keplerian envelope from {@code site} (m, on the surface)? */
    static boolean insideKeplerEnvelope(Vec3 site, Vec3 p, double vboKmS) {
        double q = q(vboKmS);
        if (q >= 2) {
            return true;
        }
        double a = Earth.RADIUS_M / (2 - q);
        return p.norm() + p.distanceTo(site) <= 4 * a - Earth.RADIUS_M;
    }

    /**
     * The most arc samples one request may ask for, over all its trajectories (issue 19: a lofted arc near escape
     * speed flies for days, and at the smallest time step one request kept a thread busy for hours). A million
     * samples take well under a second; an hour of flight at the default 1 s step is 3,600.
     */
    public static final long MAX_SAMPLES = 1_000_000;

    private static BallisticArc arc(int index, ReferenceTrajectory ref, AssessmentParameters params) {
        try {
            return BallisticArc.solve(ref.launch().lat(), ref.launch().lon(), ref.target().lat(), ref.target().lon(),
                    ref.burnoutSpeedKmS(), params.burnoutAltitudeKm(), params.branch());
        } catch (ValidationFailed e) {
            // re-anchor the arc solver's field names under this trajectory
            throw new ValidationFailed(e.errors().stream()
                    .map(fe -> new ValidationFailed.FieldError("trajectories[" + index + "]." + fe.field(),
                            fe.message()))
                    .toList());
        }
    }

    /** Refuses, before any sampling, a request whose arcs would need more than {@link #MAX_SAMPLES} samples. */
    private static void checkSamples(List<BallisticArc> arcs, AssessmentParameters params) {
        double total = 0;
        int longest = 0;
        for (int i = 0; i < arcs.size(); i++) {
            double samples = samples(arcs.get(i), params);
            total += samples;
            if (samples > samples(arcs.get(longest), params)) {
                longest = i;
            }
        }
        if (!(total <= MAX_SAMPLES)) {
            BallisticArc arc = arcs.get(longest);
            throw ValidationFailed.of("trajectories[" + longest + "]", String.format(Locale.ROOT,
                    "needs too many samples: the arc flies %.0f s, sampled every %s s; a request may take at most "
                            + "%,d samples (maxSamples) over all its trajectories: give a larger parameters.timeStepS "
                            + "or a lower burnout speed",
                    arc.flightTimeS(), params.timeStepS(), MAX_SAMPLES));
        }
    }

    private static double samples(BallisticArc arc, AssessmentParameters params) {
        double n = Math.ceil(arc.flightTimeS() / params.timeStepS()) + 1;
        return Double.isFinite(n) ? n : Double.POSITIVE_INFINITY;
    }

    private TrajectoryAssessment assessOne(ReferenceTrajectory ref, BallisticArc arc, InterceptorSpec it,
            AssessmentParameters params, List<String> assumptions) {
        Vec3 siteUnit = Earth.unitVector(it.site().lat(), it.site().lon());
        Vec3 site = siteUnit.times(Earth.RADIUS_M);
        double avgSpeedMps = params.flyoutSpeedFactor() * it.burnoutVelocityKmS() * 1000.0;
        double minAltM = params.minEngagementAltitudeKm() * 1000.0;

        Double earliestT = null;
        GeoPosition earliestP = null;
        double bestSlack = Double.NEGATIVE_INFINITY;
        double bestTimingSlack = Double.NEGATIVE_INFINITY;
        double closestM = Double.POSITIVE_INFINITY;
        boolean anyAbove = false;
        boolean anyEngageable = false;

        double tEnd = arc.flightTimeS();
        int steps = (int) Math.ceil(tEnd / params.timeStepS());
        for (int k = 0; k <= steps; k++) {
            double t = Math.min(k * params.timeStepS(), tEnd);
            Vec3 p = arc.positionAt(t);
            double altM = p.norm() - Earth.RADIUS_M;
            if (altM < minAltM) {
                continue;
            }
            anyAbove = true;
            double dist = p.distanceTo(site);
            closestM = Math.min(closestM, dist);
            double slack = t - params.launchDelayS() - dist / avgSpeedMps;
            bestTimingSlack = Math.max(bestTimingSlack, slack);
            if (!withinEnvelope(site, siteUnit, p, it)) {
                continue;
            }
            anyEngageable = true;
            bestSlack = Math.max(bestSlack, slack);
            if (slack >= 0 && earliestT == null) {
                earliestT = t;
                earliestP = Earth.toGeo(p);
            }
        }

        Verdict verdict;
        if (earliestT != null) {
            verdict = Verdict.REACHABLE;
        } else if (!anyAbove) {
            verdict = Verdict.BELOW_MIN_ENGAGEMENT_ALTITUDE;
        } else if (!anyEngageable) {
            verdict = Verdict.OUT_OF_ENVELOPE;
        } else {
            verdict = Verdict.TOO_LATE;
        }
        ThreatSummary threat = new ThreatSummary(arc.groundRangeKm(), arc.burnoutSpeedKmS(),
                arc.flightPathAngleDeg(), arc.flightTimeS(), arc.apogeeAltitudeKm());
        List<String> all = new ArrayList<>(assumptions);
        all.add(String.format(Locale.ROOT,
                "Threat %s: ground range %.0f km, burnout speed %.3f km/s%s, flight-path angle %.2f°, "
                        + "flight time %.0f s, apogee %.0f km.",
                ref.id(), arc.groundRangeKm(), arc.burnoutSpeedKmS(),
                ref.burnoutSpeedKmS() == null ? " (minimum-energy)"
                        : " (" + params.branch().name().toLowerCase(Locale.ROOT) + " branch)",
                arc.flightPathAngleDeg(), arc.flightTimeS(), arc.apogeeAltitudeKm()));
        return new TrajectoryAssessment(ref.id(), ref.name(), earliestT != null, verdict, earliestT, earliestP,
                anyEngageable ? round1(bestSlack) : null, anyAbove ? round1(bestTimingSlack) : null,
                anyAbove ? round1(closestM / 1000.0) : null, threat, List.copyOf(all));
    }

    private static boolean withinEnvelope(Vec3 site, Vec3 siteUnit, Vec3 p, InterceptorSpec it) {
        if (!insideKeplerEnvelope(site, p, it.burnoutVelocityKmS())) {
            return false;
        }
        if (it.maxAltitudeKm() != null && (p.norm() - Earth.RADIUS_M) / 1000.0 > it.maxAltitudeKm()) {
            return false;
        }
        if (it.maxRangeKm() != null
                && Earth.centralAngle(siteUnit, p) * Earth.RADIUS_M / 1000.0 > it.maxRangeKm()) {
            return false;
        }
        return true;
    }

    private static double round1(double v) {
        return Math.round(v * 10.0) / 10.0;
    }

    private static List<String> assumptions(InterceptorSpec it, AssessmentParameters p, InterceptorEnvelope env) {
        List<String> a = new ArrayList<>();
        a.add("Earth: non-rotating sphere, R = 6,371 km, central (point-mass) gravity μ = 3.986004418e14 m³/s²; "
                + "no oblateness (J2), no atmosphere/drag, no Earth rotation.");
        a.add(String.format(Locale.ROOT, "Threat: powered flight not modelled; the missile has its burnout speed at "
                + "t = 0 (threat launch) at %.0f km altitude directly above the launch point and then flies a "
                + "Keplerian ellipse to the same altitude above the target. Flight-path angle solved from the "
                + "range equation (minimum-energy arc when no burnout speed is given, otherwise the %s root).",
                p.burnoutAltitudeKm(), p.branch().name().toLowerCase(Locale.ROOT)));
        a.add(String.format(Locale.ROOT, "Interceptor launched from the site (on the surface) no earlier than %.0f s "
                + "after threat launch (detection, tracking, decision and launch).", p.launchDelayS()));
        a.add(String.format(Locale.ROOT, "Fly-out: straight line from the site to the intercept point at a constant "
                + "average speed k·Vbo = %.2f × %.2f = %.2f km/s (k accounts for the interceptor's own boost and "
                + "gravity losses).", p.flyoutSpeedFactor(), it.burnoutVelocityKmS(), env.averageFlyoutSpeedKmS()));
        a.add(String.format(Locale.ROOT, "Kinematic envelope: only points reachable by a Keplerian arc launched from "
                + "the site at Vbo = %.2f km/s (ellipse with foci at the Earth's centre and the site; vertical reach "
                + "%.0f km, maximum ground range %.0f km)%s.", it.burnoutVelocityKmS(), env.maxAltitudeKm(),
                env.maxGroundRangeKm(), caps(it)));
        a.add(String.format(Locale.ROOT, "Engagement only while the threat is in free flight at or above %.0f km "
                + "altitude (exo-atmospheric kill vehicle).", p.minEngagementAltitudeKm()));
        a.add(String.format(Locale.ROOT, "Threat arc sampled every %.1f s; times have that resolution. Margin = "
                + "max over engageable samples of (t − delay − fly-out time).", p.timeStepS()));
        a.add("Deliberately optimistic for the defender (instant threat boost, short delay, straight-line fly-out at "
                + "a high average speed): 'not reachable' is a robust answer, 'reachable' is an upper bound on "
                + "capability, not a demonstrated one.");
        a.add("Reference trajectories are illustrative, not real data.");
        return List.copyOf(a);
    }

    private static String caps(InterceptorSpec it) {
        if (it.maxRangeKm() == null && it.maxAltitudeKm() == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(", further capped by the declared");
        if (it.maxRangeKm() != null) {
            sb.append(String.format(Locale.ROOT, " max range %.0f km", it.maxRangeKm()));
        }
        if (it.maxAltitudeKm() != null) {
            sb.append(String.format(Locale.ROOT, "%s max altitude %.0f km",
                    it.maxRangeKm() != null ? " and" : "", it.maxAltitudeKm()));
        }
        return sb.toString();
    }
}

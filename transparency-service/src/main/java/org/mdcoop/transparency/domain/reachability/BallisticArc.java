package org.mdcoop.transparency.domain.reachability;

import org.mdcoop.common.domain.ValidationFailed;

/**
 * The free-flight (Keplerian) arc of a ballistic missile from a burnout point above the launch point to the same
 * altitude above the target, in central gravity over a non-rotating spherical Earth.
 *
 * <p>With r₀ = R + burnout altitude, ψ the great-circle central angle launch→target and Q = V²r₀/μ, the symmetric
 * free-flight range equation gives the flight-path angle γ (above the local horizontal):
 * {@code sin(2γ + ψ/2) = ((2 − Q)/Q)·sin(ψ/2)}. It has two roots (lower, "depressed", and higher, "lofted") when V
 * exceeds the minimum-energy speed, one (γ = (π − ψ)/4) at it, none below it. Orbit: e² = 1 + Q(Q − 2)cos²γ,
 * a = r₀/(2 − Q), p = (r₀V cos γ)²/μ; burnout at true anomaly ν₀ = π − ψ/2, apogee at π, re-entry at π + ψ/2.
 * Time comes from Kepler's equation (eccentric anomaly), position by rotating the launch direction by ν − ν₀ in
 * the launch–target plane. Time t = 0 is burnout, which the assessment equates with threat launch.
 */
public final class BallisticArc {

    /** Which root of the range equation to fly when the burnout speed exceeds the minimum-energy speed. */
    public enum Branch {
        /** Lower flight-path angle, shorter flight time (default). */
        DEPRESSED,
        /** Higher flight-path angle, longer flight time, higher apogee. */
        LOFTED
    }

    private static final double MU = Earth.MU_M3_S2;

    private final double r0M;
    private final double psiRad;
    private final double speedMps;
    private final double gammaRad;
    private final double e;
    private final double aM;
    private final double pM;
    private final double nu0;
    private final double m0;
    private final double meanMotion;
    private final double flightTimeS;
    private final Vec3 u;
    private final Vec3 w;

    private BallisticArc(Vec3 launchUnit, Vec3 targetUnit, double r0M, double psiRad, double speedMps,
            double gammaRad) {
        this.r0M = r0M;
        this.psiRad = psiRad;
        this.speedMps = speedMps;
        this.gammaRad = gammaRad;
        double q = speedMps * speedMps * r0M / MU;
        double cosG = Math.cos(gammaRad);
        this.e = Math.sqrt(Math.max(0, 1 + q * (q - 2) * cosG * cosG));
        this.aM = r0M / (2 - q);
        double h = r0M * speedMps * cosG;
        this.pM = h * h / MU;
        this.nu0 = Math.PI - psiRad / 2;
        this.m0 = meanAnomaly(nu0);
        this.meanMotion = Math.sqrt(MU / (aM * aM * aM));
        this.flightTimeS = 2 * (Math.PI - m0) / meanMotion;
        this.u = launchUnit;
        this.w = targetUnit.minus(launchUnit.times(launchUnit.dot(targetUnit))).unit();
    }

    /**
     * Solves the arc.
     *
     * @param burnoutSpeedKmS burnout speed; null = minimum-energy trajectory for this range
     * @throws ValidationFailed if the range is degenerate (&lt; 100 km or nearly antipodal, &gt; 170°) or the speed
     *                          cannot reach the target (below minimum energy, escape speed, or a depressed arc
     *                          would start below the horizon)
     */
    public static BallisticArc solve(double launchLatDeg, double launchLonDeg, double targetLatDeg,
            double targetLonDeg, Double burnoutSpeedKmS, double burnoutAltitudeKm, Branch branch) {
        Vec3 lu = Earth.unitVector(launchLatDeg, launchLonDeg);
        Vec3 tu = Earth.unitVector(targetLatDeg, targetLonDeg);
        double psi = Earth.centralAngle(lu, tu);
        if (psi * Earth.RADIUS_M < 100_000) {
            throw ValidationFailed.of("target", "must be at least 100 km from the launch point");
        }
        if (psi > Math.toRadians(170)) {
            throw ValidationFailed.of("target", "must be less than 170° of arc from the launch point "
                    + "(nearly antipodal points have no unique trajectory plane)");
        }
        double r0 = Earth.RADIUS_M + burnoutAltitudeKm * 1000.0;
        double s = Math.sin(psi / 2);
        double qMin = 2 * s / (1 + s);
        if (burnoutSpeedKmS == null) {
            return new BallisticArc(lu, tu, r0, psi, Math.sqrt(qMin * MU / r0), (Math.PI - psi) / 4);
        }
        double v = burnoutSpeedKmS * 1000.0;
        double q = v * v * r0 / MU;
        if (q >= 2) {
            throw ValidationFailed.of("burnoutSpeedKmS", "reaches escape speed; not a ballistic trajectory");
        }
        double x = (2 - q) / q * s;
        if (x > 1 + 1e-12) {
            throw ValidationFailed.of("burnoutSpeedKmS", String.format(java.util.Locale.ROOT,
                    "is too low for this range; the minimum-energy speed is %.3f km/s",
                    Math.sqrt(qMin * MU / r0) / 1000));
        }
        double asin = Math.asin(Math.min(1, x));
        double gamma = branch == Branch.LOFTED ? (Math.PI - asin - psi / 2) / 2 : (asin - psi / 2) / 2;
        if (gamma <= 0) {
            throw ValidationFailed.of("burnoutSpeedKmS",
                    "is so high that the depressed trajectory would start below the horizon; use the lofted branch");
        }
        return new BallisticArc(lu, tu, r0, psi, v, gamma);
    }

    /** Minimum-energy burnout speed (km/s) for a central angle, from radius r₀ = R + burnoutAltitudeKm. */
    public static double minimumEnergySpeedKmS(double centralAngleRad, double burnoutAltitudeKm) {
        double r0 = Earth.RADIUS_M + burnoutAltitudeKm * 1000.0;
        double s = Math.sin(centralAngleRad / 2);
        return Math.sqrt(2 * s / (1 + s) * MU / r0) / 1000.0;
    }

    private double meanAnomaly(double nu) {
        double eAnom = 2 * Math.atan2(Math.sqrt(1 - e) * Math.sin(nu / 2), Math.sqrt(1 + e) * Math.cos(nu / 2));
        return eAnom - e * Math.sin(eAnom);
    }

    private double trueAnomalyAt(double tS) {
        double m = m0 + meanMotion * tS;
        double eAnom = e < 0.8 ? m : Math.PI;
        for (int i = 0; i < 50; i++) {
            double f = eAnom - e * Math.sin(eAnom) - m;
            double step = f / (1 - e * Math.cos(eAnom));
            eAnom -= step;
            if (Math.abs(step) < 1e-14) {
                break;
            }
        }
        return 2 * Math.atan2(Math.sqrt(1 + e) * Math.sin(eAnom / 2), Math.sqrt(1 - e) * Math.cos(eAnom / 2));
    }

    /** Position (m, inertial) at {@code tS} seconds after burnout, 0 ≤ t ≤ flight time. */
    public Vec3 positionAt(double tS) {
        double nu = unwrap(trueAnomalyAt(tS));
        double r = pM / (1 + e * Math.cos(nu));
        double phi = nu - nu0;
        return u.times(Math.cos(phi)).plus(w.times(Math.sin(phi))).times(r);
    }

    /** Velocity (m/s, inertial) at {@code tS} seconds after burnout. */
    public Vec3 velocityAt(double tS) {
        double nu = unwrap(trueAnomalyAt(tS));
        double phi = nu - nu0;
        double k = Math.sqrt(MU / pM);
        double vr = k * e * Math.sin(nu);
        double vt = k * (1 + e * Math.cos(nu));
        Vec3 radial = u.times(Math.cos(phi)).plus(w.times(Math.sin(phi)));
        Vec3 transverse = u.times(-Math.sin(phi)).plus(w.times(Math.cos(phi)));
        return radial.times(vr).plus(transverse.times(vt));
    }

    /** atan2 gives (−π, π]; the arc runs from π − ψ/2 through π to π + ψ/2. */
    private static double unwrap(double nu) {
        return nu < 0 ? nu + 2 * Math.PI : nu;
    }

    /** Specific orbital energy v²/2 − μ/r, J/kg (constant along the arc). */
    public double specificEnergy() {
        return speedMps * speedMps / 2 - MU / r0M;
    }

    public double flightTimeS() {
        return flightTimeS;
    }

    public double apogeeAltitudeKm() {
        return (aM * (1 + e) - Earth.RADIUS_M) / 1000.0;
    }

    public double groundRangeKm() {
        return psiRad * Earth.RADIUS_M / 1000.0;
    }

    public double centralAngleRad() {
        return psiRad;
    }

    public double burnoutSpeedKmS() {
        return speedMps / 1000.0;
    }

    public double flightPathAngleDeg() {
        return Math.toDegrees(gammaRad);
    }

    public double burnoutRadiusM() {
        return r0M;
    }

    public double eccentricity() {
        return e;
    }

    public double semiMajorAxisM() {
        return aM;
    }
}

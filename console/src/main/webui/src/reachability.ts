// The reachability chart: the strategic missile's arc (from the threat the service solved: burnout speed, flight-path
// angle, flight time, on the service's model: non-rotating sphere, point-mass gravity) and, against it, how far the
// interceptor can have flown by each moment (launch delay, then the average fly-out speed). The verdict, margin and
// earliest intercept are the service's; the chart only draws the same model so a reader can see why.

const R_KM = 6371;
const MU_KM3_S2 = 398600.4418;

export interface LatLon { lat: number; lon: number }

export interface Threat {
  groundRangeKm: number;
  burnoutSpeedKmS: number;
  flightPathAngleDeg: number;
  flightTimeS: number;
  apogeeAltitudeKm: number;
}

export interface ReferenceTrajectory { id: string; name: string; launch: LatLon; target: LatLon; burnoutSpeedKmS: number | null }

export interface TrajectoryAssessment {
  trajectoryId: string;
  trajectoryName: string;
  reachable: boolean;
  verdict: string;
  earliestInterceptTimeS: number | null;
  earliestInterceptPoint: { lat: number; lon: number; altitudeKm?: number } | null;
  marginS: number | null;
  timingOnlyMarginS: number | null;
  closestApproachKm: number | null;
  threat: Threat;
  assumptions: string[];
}

export interface AssessmentParameters {
  launchDelayS: number;
  flyoutSpeedFactor: number;
  minEngagementAltitudeKm: number;
  burnoutAltitudeKm: number;
  timeStepS: number;
}

export interface AssessmentResult {
  source: string;
  interceptor: { site: LatLon; burnoutVelocityKmS: number | null; maxRangeKm: number | null; maxAltitudeKm: number | null };
  parameters: AssessmentParameters;
  envelope: { maxAltitudeKm: number; maxGroundRangeKm: number; averageFlyoutSpeedKmS: number };
  anyReachable: boolean;
  trajectories: TrajectoryAssessment[];
  assumptions: string[];
  disclaimer: string | null;
}

type Vec = [number, number, number];

function unit(p: LatLon): Vec {
  const la = (p.lat * Math.PI) / 180;
  const lo = (p.lon * Math.PI) / 180;
  return [Math.cos(la) * Math.cos(lo), Math.cos(la) * Math.sin(lo), Math.sin(la)];
}
const dot = (a: Vec, b: Vec) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const scale = (a: Vec, k: number): Vec => [a[0] * k, a[1] * k, a[2] * k];
const add = (a: Vec, b: Vec): Vec => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const norm = (a: Vec) => Math.sqrt(dot(a, a));

export interface ArcSample {
  t: number; // s since threat launch (burnout)
  altitudeKm: number;
  downrangeKm: number;
  /** straight-line distance from the interceptor's site (km) */
  fromSiteKm: number;
}

/**
 * The missile's free flight, sampled every `stepS`: integrated in its plane (RK4, point-mass gravity) from burnout
 * at `burnoutAltitudeKm` above the launch point, along the great circle to the target, until it is back at that
 * altitude.
 */
export function missileArc(launch: LatLon, target: LatLon, threat: Threat, site: LatLon, burnoutAltitudeKm = 0,
  stepS = 5): ArcSample[] {
  const u0 = unit(launch);
  const ut = unit(target);
  const perpRaw = add(ut, scale(u0, -dot(u0, ut)));
  const perp = scale(perpRaw, 1 / (norm(perpRaw) || 1));
  const siteVec = scale(unit(site), R_KM);
  const r0 = R_KM + burnoutAltitudeKm;
  const g = (threat.flightPathAngleDeg * Math.PI) / 180;
  // in-plane state: x along the launch vertical, y along the direction of flight
  let s = [r0, 0, threat.burnoutSpeedKmS * Math.sin(g), threat.burnoutSpeedKmS * Math.cos(g)];
  const f = (v: number[]) => {
    const r3 = Math.pow(v[0] * v[0] + v[1] * v[1], 1.5);
    return [v[2], v[3], (-MU_KM3_S2 * v[0]) / r3, (-MU_KM3_S2 * v[1]) / r3];
  };
  const samples: ArcSample[] = [];
  const h = 1;
  const limit = threat.flightTimeS * 1.5 + 10;
  for (let t = 0; t <= limit; t += h) {
    const r = Math.hypot(s[0], s[1]);
    const theta = Math.atan2(s[1], s[0]);
    if (t > 0 && r < r0) break;
    if (t % stepS === 0) {
      const dir = add(scale(u0, Math.cos(theta)), scale(perp, Math.sin(theta)));
      const p = scale(dir, r);
      samples.push({ t, altitudeKm: r - R_KM, downrangeKm: theta * R_KM, fromSiteKm: norm(add(p, scale(siteVec, -1))) });
    }
    const k1 = f(s);
    const k2 = f(s.map((x, i) => x + (h / 2) * k1[i]));
    const k3 = f(s.map((x, i) => x + (h / 2) * k2[i]));
    const k4 = f(s.map((x, i) => x + h * k3[i]));
    s = s.map((x, i) => x + (h / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]));
  }
  return samples;
}

/** How far the interceptor can have flown `t` s after the threat's launch: nothing before the delay, then k·Vbo. */
export function flyoutReachKm(t: number, params: AssessmentParameters, averageSpeedKmS: number): number {
  return Math.max(0, t - params.launchDelayS) * averageSpeedKmS;
}

/**
 * The best timing margin the chart shows: over the engageable samples (at or above the minimum engagement
 * altitude), the largest t − (delay + distance / speed). Positive: the interceptor could be there first (before the
 * kinematic envelope, which the service also checks).
 */
export function timingMargin(arc: readonly ArcSample[], params: AssessmentParameters, averageSpeedKmS: number): number | null {
  let best: number | null = null;
  for (const a of arc) {
    if (a.altitudeKm < params.minEngagementAltitudeKm) continue;
    const m = a.t - (params.launchDelayS + a.fromSiteKm / averageSpeedKmS);
    best = best == null ? m : Math.max(best, m);
  }
  return best;
}

/** "TOO_LATE" → "Too late" */
export function formatVerdict(v: string): string {
  const s = v.toLowerCase().replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

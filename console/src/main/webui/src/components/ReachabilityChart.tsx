import { flyoutReachKm, missileArc, type AssessmentResult, type ReferenceTrajectory, type TrajectoryAssessment } from '../reachability';

const W = 640;
const H = 220;
const PAD = { l: 56, r: 12, t: 12, b: 34 };

function scaler(min: number, max: number, from: number, to: number) {
  const span = max - min || 1;
  return (v: number) => from + ((v - min) / span) * (to - from);
}

const path = (pts: [number, number][]) => pts.map(([x, y], i) => `${i ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`).join('');

/**
 * Two panels for one trajectory: the missile's arc (altitude over downrange), and against time since its launch the
 * missile's distance from the interceptor's site beside how far the interceptor can have flown by then. Where the
 * fly-out line is above the missile's distance while the missile is high enough, the interceptor could be there first.
 */
export function ReachabilityChart({ result, assessment, trajectory }: {
  result: AssessmentResult; assessment: TrajectoryAssessment; trajectory: ReferenceTrajectory;
}) {
  const p = result.parameters;
  const speed = result.envelope.averageFlyoutSpeedKmS;
  const arc = missileArc(trajectory.launch, trajectory.target, assessment.threat, result.interceptor.site, p.burnoutAltitudeKm, 5);
  if (arc.length < 2) return null;
  const tMax = arc[arc.length - 1].t;
  const dMax = Math.max(...arc.map((a) => a.fromSiteKm), flyoutReachKm(tMax, p, speed)) * 1.05;
  const x = scaler(0, tMax, PAD.l, W - PAD.r);
  const y = scaler(0, dMax, H - PAD.b, PAD.t);
  const engageable = arc.filter((a) => a.altitudeKm >= p.minEngagementAltitudeKm);
  const reach: [number, number][] = [[x(0), y(0)], [x(p.launchDelayS), y(0)], [x(tMax), y(flyoutReachKm(tMax, p, speed))]];

  const altMax = Math.max(...arc.map((a) => a.altitudeKm)) * 1.1;
  const rMax = arc[arc.length - 1].downrangeKm;
  const ax = scaler(0, rMax, PAD.l, W - PAD.r);
  const ay = scaler(0, altMax, H - PAD.b, PAD.t);
  const ticks = (max: number, n = 5) => Array.from({ length: n + 1 }, (_, i) => (max * i) / n);
  const intercept = assessment.earliestInterceptTimeS;

  return (
    <figure className="reach-chart" data-testid="reach-chart" data-trajectory={assessment.trajectoryId}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`The missile's arc of ${assessment.trajectoryId}`}>
        <rect x={PAD.l} y={PAD.t} width={W - PAD.l - PAD.r} height={H - PAD.t - PAD.b} className="plot" />
        <line x1={PAD.l} x2={W - PAD.r} y1={ay(p.minEngagementAltitudeKm)} y2={ay(p.minEngagementAltitudeKm)} className="floor" />
        <path d={path(arc.map((a) => [ax(a.downrangeKm), ay(a.altitudeKm)]))} className="missile" data-testid="arc-line" />
        {ticks(rMax).map((v) => <text key={v} x={ax(v)} y={H - PAD.b + 14} className="tick" textAnchor="middle">{Math.round(v)}</text>)}
        {ticks(altMax, 4).map((v) => <text key={v} x={PAD.l - 6} y={ay(v) + 4} className="tick" textAnchor="end">{Math.round(v)}</text>)}
        <text x={(PAD.l + W) / 2} y={H - 4} className="axis" textAnchor="middle">downrange from the launch point (km)</text>
        <text x={12} y={H / 2} className="axis" textAnchor="middle" transform={`rotate(-90 12 ${H / 2})`}>altitude (km)</text>
      </svg>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Fly-out against ${assessment.trajectoryId}`}>
        <rect x={PAD.l} y={PAD.t} width={W - PAD.l - PAD.r} height={H - PAD.t - PAD.b} className="plot" />
        <path d={path(arc.map((a) => [x(a.t), y(a.fromSiteKm)]))} className="missile-thin" />
        <path d={path(engageable.map((a) => [x(a.t), y(a.fromSiteKm)]))} className="missile" data-testid="missile-line" />
        <path d={path(reach)} className="flyout" data-testid="flyout-line" />
        {intercept != null && <line x1={x(intercept)} x2={x(intercept)} y1={PAD.t} y2={H - PAD.b} className="intercept" data-testid="intercept-marker" />}
        {ticks(tMax).map((v) => <text key={v} x={x(v)} y={H - PAD.b + 14} className="tick" textAnchor="middle">{Math.round(v)}</text>)}
        {ticks(dMax, 4).map((v) => <text key={v} x={PAD.l - 6} y={y(v) + 4} className="tick" textAnchor="end">{Math.round(v)}</text>)}
        <text x={(PAD.l + W) / 2} y={H - 4} className="axis" textAnchor="middle">time since the missile's launch (s)</text>
        <text x={12} y={H / 2} className="axis" textAnchor="middle" transform={`rotate(-90 12 ${H / 2})`}>km from the site</text>
      </svg>
      <figcaption>
        <span className="key missile" /> the missile (thick: at or above {p.minEngagementAltitudeKm} km, where it may be engaged)
        {' '}<span className="key flyout" /> how far the interceptor can have flown ({p.launchDelayS} s delay, then {speed.toFixed(2)} km/s)
        {intercept != null && <> <span className="key intercept" /> earliest intercept, {Math.round(intercept)} s</>}
      </figcaption>
    </figure>
  );
}

import { describe, expect, it } from 'vitest';
import { flyoutReachKm, formatVerdict, missileArc, timingMargin } from './reachability';

// ILL-1 as the service solved it (minimum-energy arc, ~7,000 km)
const threat = { groundRangeKm: 6961.43, burnoutSpeedKmS: 6.5409, flightPathAngleDeg: 29.3486, flightTimeS: 1534.8, apogeeAltitudeKm: 1191.36 };
const launch = { lat: 62, lon: 40 };
const target = { lat: 42, lon: -72 };
const params = { launchDelayS: 60, flyoutSpeedFactor: 0.7, minEngagementAltitudeKm: 70, burnoutAltitudeKm: 0, timeStepS: 1 };

describe('the reachability chart', () => {
  it('draws the missile\'s arc as the service solved it: flight time, apogee and range agree', () => {
    const arc = missileArc(launch, target, threat, { lat: 54.4, lon: 18.6 });
    const last = arc[arc.length - 1];
    expect(last.t).toBeGreaterThan(threat.flightTimeS - 10);
    expect(last.t).toBeLessThan(threat.flightTimeS + 10);
    expect(Math.max(...arc.map((a) => a.altitudeKm))).toBeCloseTo(threat.apogeeAltitudeKm, -1);
    expect(last.downrangeKm).toBeGreaterThan(threat.groundRangeKm - 60);
    expect(last.downrangeKm).toBeLessThan(threat.groundRangeKm + 60);
    expect(arc[0].fromSiteKm).toBeGreaterThan(1000); // the site is far from the launch area
  });

  it('the fly-out reach grows only after the launch delay, at the average fly-out speed', () => {
    expect(flyoutReachKm(30, params, 3.15)).toBe(0);
    expect(flyoutReachKm(160, params, 3.15)).toBeCloseTo(315);
  });

  it('gives about the service\'s timing margin for an interceptor that is too late (ILL-1, Vbo 4.5 km/s from 54.4N 18.6E)', () => {
    const arc = missileArc(launch, target, threat, { lat: 54.4, lon: 18.6 }, 0, 1);
    // the service: timingOnlyMarginS -340.6
    expect(timingMargin(arc, params, 3.15)).toBeGreaterThan(-350);
    expect(timingMargin(arc, params, 3.15)).toBeLessThan(-330);
  });

  it('words the verdict', () => {
    expect(formatVerdict('TOO_LATE')).toBe('Too late');
  });
});

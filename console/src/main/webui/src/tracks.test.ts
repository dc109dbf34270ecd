import { describe, expect, it } from 'vitest';
import {
  applyUpdate, filterTracks, fromPicture, missileClasses, NO_FILTER, pointsOfInterest, resync, trailsToGeoJSON,
  tracksToGeoJSON, unwrapLon,
} from './tracks';
import type { Track } from './types';

const track = (over: Partial<Track>): Track => ({
  trackId: 'L-1-1', t: '2026-12-03T10:00:00Z', latDeg: 50, lonDeg: 30, altitudeM: 100000, speedMps: 3000,
  contributingParties: ['NATO'], missileClass: 'MRBM', classConfidence: 0.9, launchLatDeg: null, launchLonDeg: null,
  impactLatDeg: null, impactLonDeg: null, impactAt: null, exercise: false, exerciseId: null, ...over,
});

describe('the picture from track messages', () => {
  it('a live update moves the track and lengthens its trail; an older message is ignored', () => {
    let state = fromPicture([track({})]);
    state = applyUpdate(state, track({ t: '2026-12-03T10:00:01Z', lonDeg: 31 }));
    state = applyUpdate(state, track({ t: '2026-12-03T09:59:59Z', lonDeg: 0 }));
    expect(state.get('L-1-1')?.track.lonDeg).toBe(31);
    expect(state.get('L-1-1')?.trail).toEqual([[30, 50], [31, 50]]);
  });

  it('a trail keeps only the last positions', () => {
    let state = fromPicture([]);
    for (let i = 0; i < 10; i++) {
      state = applyUpdate(state, track({ t: `2026-12-03T10:00:0${i}Z`, lonDeg: i }), 3);
    }
    expect(state.get('L-1-1')?.trail.map((p) => p[0])).toEqual([7, 8, 9]);
  });

  it('a trail crossing ±180° stays one continuous line', () => {
    let state = fromPicture([track({ lonDeg: 179.5 })]);
    state = applyUpdate(state, track({ t: '2026-12-03T10:00:01Z', lonDeg: -179.5 }));
    expect(state.get('L-1-1')?.trail).toEqual([[179.5, 50], [180.5, 50]]);
    expect(unwrapLon(-170, 175)).toBe(190);
    expect(unwrapLon(170, -175)).toBe(-190);
  });

  it('re-reading the picture drops ended tracks and keeps the trails of the others', () => {
    let state = fromPicture([track({}), track({ trackId: 'L-1-2' })]);
    state = applyUpdate(state, track({ t: '2026-12-03T10:00:01Z', lonDeg: 31 }));
    state = resync(state, [track({ t: '2026-12-03T10:00:02Z', lonDeg: 32 })]);
    expect([...state.keys()]).toEqual(['L-1-1']);
    expect(state.get('L-1-1')?.trail.map((p) => p[0])).toEqual([30, 31, 32]);
  });

  it('filters by class, contributing party and live or exercise', () => {
    const state = fromPicture([
      track({ trackId: 'L-1-1', missileClass: 'MRBM', contributingParties: ['NATO'] }),
      track({ trackId: 'L-1-2', missileClass: 'ICBM', contributingParties: ['NATO', 'RUSSIA'] }),
      track({ trackId: 'X0123abcd-1-3', missileClass: null, contributingParties: ['RUSSIA'], exercise: true }),
    ]);
    const ids = (f: Partial<typeof NO_FILTER>) => filterTracks(state, { ...NO_FILTER, ...f }).map((t) => t.trackId);
    expect(ids({})).toEqual(['L-1-1', 'L-1-2', 'X0123abcd-1-3']);
    expect(ids({ missileClass: 'ICBM' })).toEqual(['L-1-2']);
    expect(ids({ missileClass: 'UNKNOWN' })).toEqual(['X0123abcd-1-3']);
    expect(ids({ party: 'RUSSIA' })).toEqual(['L-1-2', 'X0123abcd-1-3']);
    expect(ids({ stream: 'exercise' })).toEqual(['X0123abcd-1-3']);
    expect(ids({ stream: 'live', party: 'NATO' })).toEqual(['L-1-1', 'L-1-2']);
    expect(missileClasses(state)).toEqual(['ICBM', 'MRBM', 'UNKNOWN']);
  });

  it('filters by flight phase', () => {
    const state = fromPicture([
      track({ trackId: 'high', altitudeM: 300_000 }),
      // over the equator at 0°E, x is up: vx is the climb rate
      track({ trackId: 'down', altitudeM: 40_000, xM: 6_411_000, yM: 0, zM: 0, vxMps: -800, vyMps: 2000, vzMps: 0 }),
      track({ trackId: 'no-velocity', altitudeM: 40_000 }),
    ]);
    const ids = (phase: typeof NO_FILTER.phase) => filterTracks(state, { ...NO_FILTER, phase }).map((t) => t.trackId);
    expect(ids('midcourse')).toEqual(['high']);
    expect(ids('terminal')).toEqual(['down']);
    expect(ids('ascent')).toEqual([]);
    expect(ids('unknown')).toEqual(['no-velocity']);
  });

  it('makes the track layer: a point per track with what the symbol needs', () => {
    // 100 km up: in space, a space missile (06) of medium range (02); the exercise one in the exercise context
    const layer = tracksToGeoJSON([
      track({}), track({ trackId: 'X1-1-2', exercise: true, contributingParties: ['NATO', 'RUSSIA'], lonDeg: -5 }),
    ], 'X1-1-2', (id) => (id === 'L-1-1' ? 0.5 : 1));
    expect(layer.features.map((f) => f.geometry.coordinates)).toEqual([[30, 50], [-5, 50]]);
    expect(layer.features.map((f) => f.properties)).toEqual([
      { trackId: 'L-1-1', missileClass: 'MRBM', exercise: false, selected: false, seenBy: 'NATO', opacity: 0.5,
        symbol: '10010600001100000102:NATO' },
      { trackId: 'X1-1-2', missileClass: 'MRBM', exercise: true, selected: true, seenBy: 'JOINT', opacity: 1,
        symbol: '10110600001100000102:JOINT' },
    ]);
  });

  it('makes trails, the predicted path to impact, and launch and impact points', () => {
    const t = track({ launchLatDeg: 45, launchLonDeg: 40, impactLatDeg: 52, impactLonDeg: 10 });
    let state = fromPicture([track({})]);
    state = applyUpdate(state, { ...t, t: '2026-12-03T10:00:01Z' });
    const lines = trailsToGeoJSON(state, [t]);
    expect(lines.features.map((f) => [f.properties.kind, f.geometry.coordinates])).toEqual([
      ['trail', [[30, 50], [30, 50]]],
      ['impact', [[30, 50], [10, 52]]],
    ]);
    expect(pointsOfInterest([t]).features.map((f) => [f.properties.kind, f.geometry.coordinates])).toEqual([
      ['launch', [40, 45]], ['impact', [10, 52]],
    ]);
    expect(trailsToGeoJSON(fromPicture([track({})]), [track({})]).features).toEqual([]);
  });
});

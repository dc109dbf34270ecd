import { describe, expect, it } from 'vitest';
import { symbolOf } from './symbolimage';
import { flightPhase, sidcOf, symbolKey } from './symbols';
import type { Track } from './types';

// a point over the equator at 0°E: x is up, so vx is the climb rate
const track = (over: Partial<Track>): Track => ({
  trackId: 'L-1-1', t: '2026-12-03T10:00:00Z', latDeg: 0, lonDeg: 0, altitudeM: 50_000, speedMps: 3000,
  contributingParties: ['NATO'], missileClass: 'MRBM', classConfidence: 0.9, launchLatDeg: null, launchLonDeg: null,
  impactLatDeg: null, impactLonDeg: null, impactAt: null, exercise: false, exerciseId: null,
  xM: 6_421_000, yM: 0, zM: 0, vxMps: 1500, vyMps: 2500, vzMps: 0, ...over,
});

describe('APP-6 symbols of the picture\'s tracks', () => {
  it('reads the flight phase from the altitude and the climb or descent', () => {
    expect(flightPhase(track({}))).toBe('ascent');
    expect(flightPhase(track({ vxMps: -1500 }))).toBe('terminal');
    expect(flightPhase(track({ altitudeM: 400_000, vxMps: -1500 }))).toBe('midcourse');
    expect(flightPhase(track({ xM: undefined, vxMps: undefined }))).toBe('unknown');
  });

  it('draws a ballistic missile in the air with its range class, in space while in midcourse', () => {
    // version 10, reality, unknown; air missile (02), present; missile; ballistic (06), medium range (13)
    expect(sidcOf(track({}))).toBe('10010200001100000613');
    expect(sidcOf(track({ missileClass: 'ICBM', vxMps: -1500 }))).toBe('10010200001100000616');
    // space missile (06): ballistic (01), short range (01)
    expect(sidcOf(track({ missileClass: 'SRBM', altitudeM: 300_000 }))).toBe('10010600001100000101');
    // not classified yet: no range modifier in the air, "unknown" in space
    expect(sidcOf(track({ missileClass: null }))).toBe('10010200001100000600');
    expect(sidcOf(track({ missileClass: null, altitudeM: 300_000 }))).toBe('10010600001100000115');
  });

  it('puts exercise tracks in the exercise context, and whose sensors saw it in the outline', () => {
    expect(sidcOf(track({ exercise: true })).slice(0, 4)).toBe('1011');
    expect(symbolKey(track({}))).toBe('10010200001100000613:NATO');
    expect(symbolKey(track({ contributingParties: ['NATO', 'RUSSIA'] }))).toMatch(/:JOINT$/);
    const nato = symbolOf(symbolKey(track({})))!;
    const russia = symbolOf(symbolKey(track({ contributingParties: ['RUSSIA'] })))!;
    expect(nato.getOptions().outlineColor).not.toBe(russia.getOptions().outlineColor);
  });

  it('makes symbols milsymbol knows, with the context and dimension chosen', () => {
    const exercise = symbolOf(symbolKey(track({ exercise: true, altitudeM: 300_000 })))!;
    expect(exercise.isValid()).toBe(true);
    expect(exercise.getMetadata()).toMatchObject({ context: 'Exercise', affiliation: 'Unknown', space: true });
    const live = symbolOf(symbolKey(track({ missileClass: 'IRBM' })))!;
    expect(live.isValid()).toBe(true);
    expect(live.getMetadata()).toMatchObject({ context: 'Reality', space: false });
    expect(symbolOf('not-a-symbol')).toBeNull();
    expect(symbolOf('10010200001100000613:SOMEONE')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import {
  applyEnd, circle, markEnded, dropFaded, FADE_MS, impactEllipse, impactEllipses, opacityOf, ownSensors, recentHistory, replayAt,
  replaySpan, REPLAY_STALE_MS, REPLAY_WINDOW_MS, sensorsToGeoJSON,
} from './picturelayers';
import { fromPicture, resync } from './tracks';
import type { Sensor, Track } from './types';

const track = (over: Partial<Track>): Track => ({
  trackId: 'L-1-1', t: '2026-12-03T10:00:00Z', latDeg: 50, lonDeg: 30, altitudeM: 100000, speedMps: 3000,
  contributingParties: ['NATO'], missileClass: 'MRBM', classConfidence: 0.9, launchLatDeg: null, launchLonDeg: null,
  impactLatDeg: null, impactLonDeg: null, impactAt: null, exercise: false, exerciseId: null, ...over,
});

const ended = (trackId: string) => ({
  trackId, stream: 'live', t: '2026-12-03T10:00:09Z', reason: 'DELETED', lastUpdateNumber: 9, exercise: false, exerciseId: null,
});

describe('a track that ends', () => {
  it('is marked at its end, fades over FADE_MS, then leaves the state', () => {
    let state = fromPicture([track({}), track({ trackId: 'L-1-2' })]);
    state = applyEnd(state, ended('L-1-1'), 1000);
    expect(state.get('L-1-1')?.endedAtMs).toBe(1000);
    expect(state.get('L-1-1')?.endReason).toBe('DELETED');
    expect(applyEnd(state, ended('L-1-1'), 5000).get('L-1-1')?.endedAtMs).toBe(1000); // the first end counts
    expect(applyEnd(state, ended('nobody'), 5000)).toBe(state);
    expect(opacityOf(undefined, 1000)).toBe(1);
    expect(opacityOf(1000, 1000 + FADE_MS / 2)).toBeCloseTo(0.5);
    expect(opacityOf(1000, 1000 + 2 * FADE_MS)).toBe(0);
    expect(dropFaded(state, 1000 + FADE_MS - 1).size).toBe(2);
    expect([...dropFaded(state, 1000 + FADE_MS).keys()]).toEqual(['L-1-2']);
  });

  it('is marked ended when a read of the picture lists it after the stream told its end', () => {
    const state = markEnded(fromPicture([track({}), track({ trackId: 'L-1-2' })]), new Map([['L-1-1', { atMs: 500, reason: 'DELETED' }]]));
    expect(state.get('L-1-1')?.endedAtMs).toBe(500);
    expect(state.get('L-1-2')?.endedAtMs).toBeUndefined();
  });

  it('stays ended when a read of the picture, older than the end, still lists it', () => {
    const state = applyEnd(fromPicture([track({})]), ended('L-1-1'), 1000);
    expect(resync(state, [track({})]).get('L-1-1')?.endedAtMs).toBe(1000);
  });
});

describe('impact ellipses', () => {
  it('draws the 1-sigma ellipse round the predicted impact, its major axis along the bearing', () => {
    const t = track({ impactLatDeg: 0, impactLonDeg: 10, impactEllipseMajorM: 111_195, impactEllipseMinorM: 11_120,
      impactEllipseBearingDeg: 90 });
    const ring = impactEllipse(t, 4)!;
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(ring[4]);
    // bearing 90: the major axis points east, 1 degree of longitude on the equator
    expect(ring[0][0]).toBeCloseTo(11, 3);
    expect(ring[0][1]).toBeCloseTo(0, 3);
    // the minor axis north-south: 0.1 degree
    expect(Math.abs(ring[1][1])).toBeCloseTo(0.1, 3);
    expect(ring[1][0]).toBeCloseTo(10, 3);
  });

  it('has none before the impact is predicted', () => {
    expect(impactEllipse(track({}))).toBeNull();
    expect(impactEllipses([track({}), track({ trackId: 'b', impactLatDeg: 1, impactLonDeg: 1, impactEllipseMajorM: 1000,
      impactEllipseMinorM: 500, impactEllipseBearingDeg: 0 })]).features.map((f) => f.properties.trackId)).toEqual(['b']);
  });
});

describe('the own party\'s sensors', () => {
  const sensors: Sensor[] = [
    { id: 'NATO-EWR-1', party: 'NATO', type: 'EARLY_WARNING_RADAR', latDeg: 54, lonDeg: 18 },
    { id: 'NATO-SBIRS', party: 'NATO', type: 'SPACE_BASED_INFRARED', latDeg: 0, lonDeg: 0 },
    { id: 'RU-EWR-1', party: 'RUSSIA', type: 'EARLY_WARNING_RADAR' }, // the other party's: no position
  ];

  it('shows only sensors with a position (the registry gives the other party\'s without), with nominal coverage', () => {
    expect(ownSensors(sensors).map((s) => s.id)).toEqual(['NATO-EWR-1', 'NATO-SBIRS']);
    const { sites, coverage } = sensorsToGeoJSON(sensors);
    expect(sites.features.map((f) => f.properties.id)).toEqual(['NATO-EWR-1', 'NATO-SBIRS']);
    expect(coverage.features.map((f) => f.properties.id)).toEqual(['NATO-EWR-1']); // a satellite has no footprint
  });

  it('draws coverage as a closed circle of the radius, unbroken across ±180°', () => {
    const ring = circle(0, 0, 111_195, 4);
    expect(ring[0][1]).toBeCloseTo(1, 3);
    expect(ring[1][0]).toBeCloseTo(1, 3);
    expect(ring[4][0]).toBeCloseTo(ring[0][0], 6);
    const across = circle(60, 179, 1_000_000);
    const lons = across.map((p) => p[0]);
    for (let i = 1; i < lons.length; i++) expect(Math.abs(lons[i] - lons[i - 1])).toBeLessThan(10);
    expect(Math.max(...lons)).toBeGreaterThan(180);
  });
});

describe('replay of the last minutes', () => {
  const at = (s: number) => new Date(Date.parse('2026-12-03T10:00:00Z') + s * 1000).toISOString();
  const histories = new Map<string, Track[]>([
    ['A', [0, 10, 20, 30].map((s) => track({ trackId: 'A', t: at(s), lonDeg: 30 + s / 10 }))],
    ['B', [25, 35].map((s) => track({ trackId: 'B', t: at(s), lonDeg: 179 + (s - 25) / 5 }))],
  ]);

  it('spans the five minutes before the newest update (the services\' clock)', () => {
    expect(replaySpan(histories)).toEqual({ from: Date.parse(at(35)) - 300_000, to: Date.parse(at(35)) });
    expect(replaySpan(new Map())).toBeNull();
  });

  it('shows each track where it was then, with its trail so far; not before it began', () => {
    const state = replayAt(histories, Date.parse(at(22)));
    expect([...state.keys()]).toEqual(['A']);
    expect(state.get('A')?.track.t).toBe(at(20));
    expect(state.get('A')?.trail).toEqual([[30, 50], [31, 50], [32, 50]]);
    const later = replayAt(histories, Date.parse(at(35)));
    expect(later.get('B')?.trail).toEqual([[179, 50], [181, 50]]); // unwrapped across the antimeridian
  });

  it('leaves out a track silent for longer than REPLAY_STALE_MS', () => {
    const state = replayAt(histories, Date.parse(at(30)) + REPLAY_STALE_MS + 1);
    expect(state.has('A')).toBe(false);
  });

  /** A track's history as fusion-service pages it: the newest `size` first, each page oldest first, then further back. */
  function history(seconds: number[], size: number) {
    const updates = seconds.map((s) => track({ t: at(s) }));
    const asked: (string | null)[] = [];
    const read = async (cursor: string | null) => {
      asked.push(cursor);
      const end = cursor ? Number(cursor) : updates.length;
      const start = Math.max(0, end - size);
      return { items: updates.slice(start, end), next: start > 0 ? String(start) : null };
    };
    return { read, asked };
  }
  const seconds = (from: number, to: number, step: number) =>
    Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

  it('reads a track\'s history back through its pages until they reach the replay window\'s start', async () => {
    const window = REPLAY_WINDOW_MS / 1000;
    const { read, asked } = history(seconds(0, 1000, 10), 10); // 101 updates, 10 a page
    const updates = await recentHistory(read);
    expect(asked).toEqual([null, '91', '81', '71']); // 1000 s back to 700 s: four pages
    expect(updates.map((u) => u.t)).toEqual(seconds(610, 1000, 10).map(at)); // oldest first, in one line
    expect(Date.parse(updates[0].t)).toBeLessThanOrEqual(Date.parse(at(1000)) - window * 1000);
  });

  it('stops at the track\'s first update, and after at most the pages it is given', async () => {
    const short = history(seconds(0, 50, 10), 4);
    expect((await recentHistory(short.read)).map((u) => u.t)).toEqual(seconds(0, 50, 10).map(at));
    expect(short.asked).toEqual([null, '2']);
    const long = history(seconds(0, 1000, 1), 10);
    expect(await recentHistory(long.read, 3)).toHaveLength(30);
    expect(long.asked).toHaveLength(3);
  });
});

// What the picture adds to the tracks themselves: tracks that ended (they fade, then leave), impact ellipses, the
// own party's sensors with their nominal coverage, and the replay of the last minutes from the tracks' history.
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import type { ListPage } from './api';
import type { ReadPage } from './paging';
import type { TrackEntry, TrackState } from './tracks';
import type { Sensor, Track, TrackEnded } from './types';

const EARTH_RADIUS_M = 6_371_000;

/** How long an ended track stays on the map, fading, before it is dropped. */
export const FADE_MS = 8000;

/** A track's end from the stream: kept, marked with when it ended (the browser's clock), until it has faded. */
export function applyEnd(state: TrackState, ended: TrackEnded, nowMs: number): TrackState {
  const held = state.get(ended.trackId);
  if (!held || held.endedAtMs != null) return state;
  const next = new Map(state);
  next.set(ended.trackId, { ...held, endedAtMs: nowMs, endReason: ended.reason });
  return next;
}

/** Ends the stream told, by track id, with when they arrived (kept a while: a slower read of the picture may list them). */
export type RecentEnds = Map<string, { atMs: number; reason: string }>;

/** Marks the tracks of `ends` ended: for a read of the picture that came after the end but still lists the track. */
export function markEnded(state: TrackState, ends: RecentEnds): TrackState {
  let next: Map<string, TrackEntry> | null = null;
  for (const [id, e] of ends) {
    const held = (next ?? state).get(id);
    if (!held || held.endedAtMs != null) continue;
    next = next ?? new Map(state);
    next.set(id, { ...held, endedAtMs: e.atMs, endReason: e.reason });
  }
  return next ?? state;
}

/** Opacity of a track on the map: 1 while live, falling to 0 over FADE_MS after its end. */
export function opacityOf(endedAtMs: number | undefined, nowMs: number): number {
  if (endedAtMs == null) return 1;
  return Math.max(0, Math.min(1, 1 - (nowMs - endedAtMs) / FADE_MS));
}

/** The state without the tracks that have faded out. */
export function dropFaded(state: TrackState, nowMs: number): TrackState {
  const gone = [...state.values()].filter((e) => e.endedAtMs != null && nowMs - e.endedAtMs >= FADE_MS);
  if (gone.length === 0) return state;
  const next = new Map(state);
  for (const e of gone) next.delete(e.track.trackId);
  return next;
}

/** A point `northM` metres north and `eastM` east of (lat, lon), on the sphere (small offsets). */
function offset(latDeg: number, lonDeg: number, northM: number, eastM: number): [number, number] {
  const lat = latDeg + (northM / EARTH_RADIUS_M) * (180 / Math.PI);
  const lon = lonDeg + (eastM / (EARTH_RADIUS_M * Math.cos((latDeg * Math.PI) / 180))) * (180 / Math.PI);
  return [lon, lat];
}

/**
 * The 1-sigma impact ellipse (semi-axes in metres, the major axis's azimuth clockwise from north) as a closed ring
 * of `n` points, or null while the track has no impact prediction.
 */
export function impactEllipse(t: Track, n = 48): [number, number][] | null {
  if (t.impactLatDeg == null || t.impactLonDeg == null || t.impactEllipseMajorM == null
    || t.impactEllipseMinorM == null) return null;
  const bearing = ((t.impactEllipseBearingDeg ?? 0) * Math.PI) / 180;
  const ring: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    const along = t.impactEllipseMajorM * Math.cos(a); // along the major axis
    const across = t.impactEllipseMinorM * Math.sin(a);
    // the major axis points to `bearing` (north = 0, east = 90)
    const north = along * Math.cos(bearing) - across * Math.sin(bearing);
    const east = along * Math.sin(bearing) + across * Math.cos(bearing);
    ring.push(offset(t.impactLatDeg, t.impactLonDeg, north, east));
  }
  ring.push(ring[0]);
  return ring;
}

export function impactEllipses(shown: readonly Track[]): FeatureCollection<Polygon, { trackId: string }> {
  return {
    type: 'FeatureCollection',
    features: shown.flatMap((t) => {
      const ring = impactEllipse(t);
      return ring ? [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: { trackId: t.trackId } } as
        Feature<Polygon, { trackId: string }>] : [];
    }),
  };
}

/**
 * Nominal coverage radius of a sensor type on the ground, in metres. The registry records a sensor's position and
 * accuracy but no range, so the map draws a nominal footprint per type (and says so); none for space-based sensors.
 */
export const NOMINAL_RANGE_M: Record<string, number | null> = {
  EARLY_WARNING_RADAR: 4_800_000,
  TRACKING_RADAR: 2_000_000,
  OPTICAL: 500_000,
  SPACE_BASED_INFRARED: null,
  OTHER: null,
};

/** A circle of `radiusM` round (lat, lon) as a ring; longitudes may leave ±180 (MapLibre draws them across). */
export function circle(latDeg: number, lonDeg: number, radiusM: number, n = 72): [number, number][] {
  const lat1 = (latDeg * Math.PI) / 180;
  const lon1 = (lonDeg * Math.PI) / 180;
  const d = radiusM / EARTH_RADIUS_M;
  const ring: [number, number][] = [];
  let previous: number | null = null;
  for (let i = 0; i <= n; i++) {
    const b = (2 * Math.PI * i) / n;
    const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
    const lon2 = lon1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
    let lon = (lon2 * 180) / Math.PI;
    if (previous != null) {
      while (lon - previous > 180) lon -= 360;
      while (previous - lon > 180) lon += 360;
    }
    previous = lon;
    ring.push([lon, (lat2 * 180) / Math.PI]);
  }
  return ring;
}

/** The sensors whose position the caller may see (the registry gives the other party's without one): its own. */
export function ownSensors(sensors: readonly Sensor[]): Sensor[] {
  return sensors.filter((s) => s.latDeg != null && s.lonDeg != null);
}

export function sensorsToGeoJSON(sensors: readonly Sensor[]): {
  sites: FeatureCollection<Point, { id: string; type: string }>;
  coverage: FeatureCollection<Polygon, { id: string; type: string }>;
} {
  const own = ownSensors(sensors);
  return {
    sites: {
      type: 'FeatureCollection',
      features: own.map((s) => ({
        type: 'Feature', geometry: { type: 'Point', coordinates: [s.lonDeg!, s.latDeg!] }, properties: { id: s.id, type: s.type },
      })),
    },
    coverage: {
      type: 'FeatureCollection',
      features: own.flatMap((s) => {
        const r = NOMINAL_RANGE_M[s.type] ?? null;
        return r ? [{
          type: 'Feature', geometry: { type: 'Polygon', coordinates: [circle(s.latDeg!, s.lonDeg!, r)] },
          properties: { id: s.id, type: s.type },
        } as Feature<Polygon, { id: string; type: string }>] : [];
      }),
    },
  };
}

// ---------------------------------------------------------------- replay of the last minutes

export const REPLAY_WINDOW_MS = 5 * 60_000;

/** Each track's history (oldest first), from GET /api/tracks/{id}. */
export type Histories = ReadonlyMap<string, readonly Track[]>;

/** The replay's span: the last REPLAY_WINDOW_MS before the newest update held (the services' clock, not the browser's). */
export function replaySpan(histories: Histories): { from: number; to: number } | null {
  let to = -Infinity;
  for (const updates of histories.values()) {
    for (const u of updates) to = Math.max(to, Date.parse(u.t));
  }
  if (!Number.isFinite(to)) return null;
  return { from: to - REPLAY_WINDOW_MS, to };
}

/**
 * A track's history back to REPLAY_WINDOW_MS before its newest update, from the service's pages (each oldest first,
 * the next one further back in time): pages are read until one reaches that far back or the track's first update,
 * at most `maxPages` (a long-lived track stops there; the replay only needs its last minutes).
 */
export async function recentHistory(read: ReadPage<Track>, maxPages = 10): Promise<Track[]> {
  let updates: Track[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const answer: ListPage<Track> = await read(cursor);
    updates = [...answer.items, ...updates];
    cursor = answer.next;
    if (!cursor || reachesBack(updates)) break;
  }
  return updates;
}

function reachesBack(updates: readonly Track[]): boolean {
  if (updates.length === 0) return false;
  return Date.parse(updates[0].t) <= Date.parse(updates[updates.length - 1].t) - REPLAY_WINDOW_MS;
}

/** How long after its last update a replayed track is still shown (its history is thinned, and it may end). */
export const REPLAY_STALE_MS = 30_000;

/**
 * The picture as it was at `atMs`: each track's last update at or before then (none if it had not begun, or had
 * been silent for REPLAY_STALE_MS), with its trail over the replay window up to then.
 */
export function replayAt(histories: Histories, atMs: number, fromMs = atMs - REPLAY_WINDOW_MS): TrackState {
  const state = new Map<string, { track: Track; trail: [number, number][] }>();
  for (const [id, updates] of histories) {
    const upTo = updates.filter((u) => Date.parse(u.t) <= atMs);
    const last = upTo[upTo.length - 1];
    if (!last || atMs - Date.parse(last.t) > REPLAY_STALE_MS) continue;
    const trail: [number, number][] = [];
    for (const u of upTo) {
      if (Date.parse(u.t) < fromMs) continue;
      const prev = trail[trail.length - 1];
      let lon = u.lonDeg;
      if (prev) {
        while (lon - prev[0] > 180) lon -= 360;
        while (prev[0] - lon > 180) lon += 360;
      }
      trail.push([lon, u.latDeg]);
    }
    state.set(id, { track: last, trail });
  }
  return state;
}

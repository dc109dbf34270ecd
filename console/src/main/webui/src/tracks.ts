// The picture as the console holds it: the tracks of GET /api/picture, kept current by the live stream's
// messages, with a short trail of past positions each; and the map layers made from it.
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { seenBy } from './mapstyle';
import { flightPhase, symbolKey, type FlightPhase } from './symbols';
import type { PartyName, Track } from './types';

export interface TrackEntry {
  track: Track;
  /** past positions, oldest first, longitudes unwrapped so a trail crossing ±180° stays one line */
  trail: [number, number][];
  /** when the stream said the track ended (browser clock, ms): it fades, then drops out */
  endedAtMs?: number;
  endReason?: string;
}

export type TrackState = ReadonlyMap<string, TrackEntry>;

export const TRAIL_LENGTH = 120;

export function fromPicture(tracks: readonly Track[]): TrackState {
  const state = new Map<string, TrackEntry>();
  for (const track of tracks) state.set(track.trackId, { track, trail: [[track.lonDeg, track.latDeg]] });
  return state;
}

/** One live update: replaces the track's state and extends its trail; an older message than held is ignored. */
export function applyUpdate(state: TrackState, track: Track, trailLength = TRAIL_LENGTH): TrackState {
  const held = state.get(track.trackId);
  if (held && held.track.t > track.t) return state;
  const next = new Map(state);
  const trail = held ? [...held.trail] : [];
  const last = trail[trail.length - 1];
  trail.push([last ? unwrapLon(track.lonDeg, last[0]) : track.lonDeg, track.latDeg]);
  next.set(track.trackId, { track, trail: trail.slice(-trailLength) });
  return next;
}

/** `lon` moved by whole turns to within 180° of `reference`. */
export function unwrapLon(lon: number, reference: number): number {
  let l = lon;
  while (l - reference > 180) l -= 360;
  while (reference - l > 180) l += 360;
  return l;
}

export type Stream = 'all' | 'live' | 'exercise';

export interface TrackFilter {
  missileClass: string; // '' = every class
  party: '' | PartyName; // a party whose sensors contributed
  stream: Stream;
  phase: '' | FlightPhase;
}

export const NO_FILTER: TrackFilter = { missileClass: '', party: '', stream: 'all', phase: '' };

export function filterTracks(state: TrackState, filter: TrackFilter): Track[] {
  return [...state.values()]
    .map((e) => e.track)
    .filter((t) => !filter.missileClass || (t.missileClass ?? 'UNKNOWN') === filter.missileClass)
    .filter((t) => !filter.party || t.contributingParties.includes(filter.party))
    .filter((t) => filter.stream === 'all' || (filter.stream === 'exercise') === t.exercise)
    .filter((t) => !filter.phase || flightPhase(t) === filter.phase)
    .sort((a, b) => a.trackId.localeCompare(b.trackId));
}

export function missileClasses(state: TrackState): string[] {
  return [...new Set([...state.values()].map((e) => e.track.missileClass ?? 'UNKNOWN'))].sort();
}

export interface TrackProperties {
  trackId: string;
  missileClass: string;
  exercise: boolean;
  selected: boolean;
  /** NATO, RUSSIA or JOINT: whose sensors saw it, for the symbol's colour */
  seenBy: string;
  /** 1 while live; falls to 0 as an ended track fades */
  opacity: number;
  /** the map image of its APP-6 symbol (symbols.ts) */
  symbol: string;
}

/** The tracks' current positions as points, for the map's track layer. */
export function tracksToGeoJSON(tracks: readonly Track[], selectedId: string | null,
  opacity: (trackId: string) => number = () => 1): FeatureCollection<Point, TrackProperties> {
  return {
    type: 'FeatureCollection',
    features: tracks.map((t): Feature<Point, TrackProperties> => ({
      type: 'Feature',
      id: t.trackId,
      geometry: { type: 'Point', coordinates: [t.lonDeg, t.latDeg] },
      properties: {
        trackId: t.trackId,
        missileClass: t.missileClass ?? 'UNKNOWN',
        exercise: t.exercise,
        selected: t.trackId === selectedId,
        seenBy: seenBy(t.contributingParties),
        opacity: opacity(t.trackId),
        symbol: symbolKey(t),
      },
    })),
  };
}

/** Trails of the shown tracks (at least two positions), and each track's predicted path to its impact point. */
export function trailsToGeoJSON(state: TrackState, shown: readonly Track[]):
FeatureCollection<LineString, { trackId: string; kind: 'trail' | 'impact'; exercise: boolean }> {
  const features: Feature<LineString, { trackId: string; kind: 'trail' | 'impact'; exercise: boolean }>[] = [];
  for (const t of shown) {
    const entry = state.get(t.trackId);
    if (entry && entry.trail.length >= 2) {
      features.push({
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: entry.trail },
        properties: { trackId: t.trackId, kind: 'trail', exercise: t.exercise },
      });
    }
    if (t.impactLatDeg != null && t.impactLonDeg != null) {
      features.push({
        type: 'Feature',
        geometry: {
          type: 'LineString',
          coordinates: [[t.lonDeg, t.latDeg], [unwrapLon(t.impactLonDeg, t.lonDeg), t.impactLatDeg]],
        },
        properties: { trackId: t.trackId, kind: 'impact', exercise: t.exercise },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

/** Launch and predicted impact points of the shown tracks. */
export function pointsOfInterest(shown: readonly Track[]):
FeatureCollection<Point, { trackId: string; kind: 'launch' | 'impact' }> {
  const features: Feature<Point, { trackId: string; kind: 'launch' | 'impact' }>[] = [];
  for (const t of shown) {
    if (t.launchLatDeg != null && t.launchLonDeg != null) {
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [t.launchLonDeg, t.launchLatDeg] },
        properties: { trackId: t.trackId, kind: 'launch' },
      });
    }
    if (t.impactLatDeg != null && t.impactLonDeg != null) {
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [t.impactLonDeg, t.impactLatDeg] },
        properties: { trackId: t.trackId, kind: 'impact' },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

/**
 * The picture as re-read from the service, merged with what the stream built: tracks the service no longer lists
 * have ended and drop out; the others keep their trails.
 */
export function resync(held: TrackState, tracks: readonly Track[]): TrackState {
  const next = new Map<string, TrackEntry>();
  for (const track of tracks) {
    const before = held.get(track.trackId);
    const merged = before ? applyUpdate(new Map([[track.trackId, before]]), track) : fromPicture([track]);
    const entry = merged.get(track.trackId)!;
    // a track whose end the stream told stays ended (and keeps fading) though the picture read still lists it
    next.set(track.trackId, before?.endedAtMs != null ? { ...entry, endedAtMs: before.endedAtMs, endReason: before.endReason } : entry);
  }
  return next;
}

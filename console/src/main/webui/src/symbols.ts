// APP-6 (D) symbols of the picture's tracks: which symbol a track message gets (symbolimage.ts draws it).
import { seenBy } from './mapstyle';
import type { Track } from './types';

export const FLIGHT_PHASES = ['ascent', 'midcourse', 'terminal', 'unknown'] as const;
export type FlightPhase = typeof FLIGHT_PHASES[number];

/** Above it a ballistic missile is in space (the Kármán line): midcourse, drawn with the space frame. */
export const SPACE_ALTITUDE_M = 100_000;

/** Climbing or descending: the velocity's component along the position vector (m/s), if the message has both. */
function verticalSpeed(t: Track): number | null {
  const { xM, yM, zM, vxMps, vyMps, vzMps } = t;
  if (xM == null || yM == null || zM == null || vxMps == null || vyMps == null || vzMps == null) return null;
  const r = Math.hypot(xM, yM, zM);
  return r > 0 ? (xM * vxMps + yM * vyMps + zM * vzMps) / r : null;
}

/** In space: midcourse; below it climbing: ascent (boost and the climb out); descending: terminal. */
export function flightPhase(t: Track): FlightPhase {
  if (t.altitudeM >= SPACE_ALTITUDE_M) return 'midcourse';
  const climb = verticalSpeed(t);
  if (climb == null) return 'unknown';
  return climb >= 0 ? 'ascent' : 'terminal';
}

// SIDC fields (APP-6 D / 2525 D, 20 digits): symbol sets and a ballistic missile's modifiers in each
const AIR_MISSILE = { set: '02', ballistic: '06', range: { SRBM: '12', MRBM: '13', IRBM: '14', ICBM: '16' }, unclassified: '00' };
const SPACE_MISSILE = { set: '06', ballistic: '01', range: { SRBM: '01', MRBM: '02', IRBM: '03', ICBM: '05' }, unclassified: '15' };
const MISSILE_ENTITY = '110000';
/** The picture does not say whose missile it is: standard identity Unknown, in the exercise context for exercises. */
const UNKNOWN = '1';

/**
 * The track's SIDC: a ballistic missile in the air (ascent, terminal, unknown) or in space (midcourse), its range
 * class as the second modifier (none while unclassified), context reality or exercise.
 */
export function sidcOf(t: Track): string {
  const kind = flightPhase(t) === 'midcourse' ? SPACE_MISSILE : AIR_MISSILE;
  const range = (kind.range as Record<string, string>)[t.missileClass ?? ''] ?? kind.unclassified;
  const context = t.exercise ? '1' : '0';
  return `10${context}${UNKNOWN}${kind.set}0000${MISSILE_ENTITY}${kind.ballistic}${range}`;
}

/** The map image of a track: its SIDC and whose sensors saw it (the symbol's outline), as one name. */
export function symbolKey(t: Track): string {
  return `${sidcOf(t)}:${seenBy(t.contributingParties)}`;
}

import type { PartyName } from './types';

// Colours of the picture. A track's symbol is outlined in the colour of whose sensors saw it.
export const PARTY_COLOURS = { NATO: '#2f7fd8', RUSSIA: '#d8423c', JOINT: '#9b59b6' } as const;

export const STYLE_COLOURS = {
  sea: '#0e1a2b',
  land: '#26374d',
  border: '#4f6a8a',
  trail: '#f1c40f',
  impact: '#ff7f50',
  launch: '#7fd87f',
  selected: '#ffffff',
  sensor: '#5fd3e0',
  coverage: '#5fd3e0',
} as const;

/** Whose sensors saw a track, as the key of its colour: NATO, RUSSIA, JOINT (both) or NONE. */
export function seenBy(parties: readonly PartyName[]): string {
  return parties.length > 1 ? 'JOINT' : (parties[0] ?? 'NONE');
}

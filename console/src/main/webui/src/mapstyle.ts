// Colours of the picture. A track's colour says whose sensors saw it; exercise tracks carry a white ring.
export const PARTY_COLOURS = { NATO: '#2f7fd8', RUSSIA: '#d8423c', JOINT: '#9b59b6' } as const;

export const STYLE_COLOURS = {
  sea: '#0e1a2b',
  land: '#26374d',
  border: '#4f6a8a',
  trail: '#f1c40f',
  impact: '#ff7f50',
  launch: '#7fd87f',
  exercise: '#ffffff',
  sensor: '#5fd3e0',
  coverage: '#5fd3e0',
} as const;

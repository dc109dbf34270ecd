// Track symbols drawn by milsymbol in the browser (nothing is fetched); loaded with the picture's map only.
import ms, { type Symbol as MilSymbol } from 'milsymbol';
import { PARTY_COLOURS } from './mapstyle';

const OUTLINE: Record<string, string> = { ...PARTY_COLOURS, NONE: '#888888' };

/** milsymbol's symbol for a key of symbolKey; null for a name that is not one. */
export function symbolOf(key: string, size = 22): MilSymbol | null {
  const [sidc, party] = key.split(':');
  if (!/^\d{20}$/.test(sidc ?? '') || !(party in OUTLINE)) return null;
  return new ms.Symbol(sidc, { size, standard: 'APP6', outlineColor: OUTLINE[party], outlineWidth: 4 });
}

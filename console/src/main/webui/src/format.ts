// Formatting shared by the screens. All times are shown in UTC: both parties' staff read the same clock.

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-12-03 11:46:14Z" */
export function formatUtc(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} `
    + `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}Z`;
}

/** Time left until `until`, "123d 04h 05m 06s"; "expired" once it has passed. */
export function formatCountdown(until: string | null | undefined, now: number): string {
  if (!until) return '—';
  let s = Math.floor((new Date(until).getTime() - now) / 1000);
  if (Number.isNaN(s)) return '—';
  if (s <= 0) return 'expired';
  const days = Math.floor(s / 86400);
  s -= days * 86400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  return `${days}d ${pad(h)}h ${pad(m)}m ${pad(s)}s`;
}

/** "52.520°N 013.405°E" */
export function formatLatLon(lat: number, lon: number): string {
  const wrapped = ((((lon + 180) % 360) + 360) % 360) - 180;
  const ns = lat >= 0 ? 'N' : 'S';
  const ew = wrapped >= 0 ? 'E' : 'W';
  return `${Math.abs(lat).toFixed(3)}°${ns} ${Math.abs(wrapped).toFixed(3).padStart(7, '0')}°${ew}`;
}

export function formatAltitude(m: number): string {
  return `${(m / 1000).toFixed(1)} km`;
}

export function formatSpeed(mps: number): string {
  return `${(mps / 1000).toFixed(2)} km/s`;
}

/** "DATA_FUSION_CENTRE" → "Data fusion centre" */
export function formatElement(element: string): string {
  const words = element.toLowerCase().split('_');
  return [words[0].charAt(0).toUpperCase() + words[0].slice(1), ...words.slice(1)].join(' ');
}

/** Term in months, "24 months" / "1 month". */
export function formatTerm(months: number | null | undefined): string {
  if (months == null) return '—';
  return `${months} month${months === 1 ? '' : 's'}`;
}

import { describe, expect, it } from 'vitest';
import { formatAltitude, formatCountdown, formatElement, formatLatLon, formatSpeed, formatTerm, formatUtc } from './format';

describe('format', () => {
  it('shows times in UTC whatever the browser zone', () => {
    expect(formatUtc('2026-12-03T11:46:14.123+01:00')).toBe('2026-12-03 10:46:14Z');
    expect(formatUtc(null)).toBe('—');
    expect(formatUtc('not a time')).toBe('—');
  });

  it('counts down to expiry in days, hours, minutes, seconds', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(formatCountdown('2026-01-02T03:04:05Z', now)).toBe('1d 03h 04m 05s');
    expect(formatCountdown('2027-01-01T00:00:00Z', now)).toBe('365d 00h 00m 00s');
    expect(formatCountdown('2025-12-31T23:59:59Z', now)).toBe('expired');
    expect(formatCountdown(null, now)).toBe('—');
  });

  it('writes positions with hemispheres, longitudes wrapped to ±180°', () => {
    expect(formatLatLon(52.52, 13.405)).toBe('52.520°N 013.405°E');
    expect(formatLatLon(-33.9, -70.6)).toBe('33.900°S 070.600°W');
    expect(formatLatLon(65, 190)).toBe('65.000°N 170.000°W');
  });

  it('writes altitude, speed, elements and term for people', () => {
    expect(formatAltitude(123456)).toBe('123.5 km');
    expect(formatSpeed(3210)).toBe('3.21 km/s');
    expect(formatElement('DATA_FUSION_CENTRE')).toBe('Data fusion centre');
    expect(formatTerm(1)).toBe('1 month');
    expect(formatTerm(24)).toBe('24 months');
  });
});

import { describe, expect, it } from 'vitest';
import countries from 'world-atlas/countries-110m.json';
import type { Topology } from 'topojson-specification';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { countriesFromTopology, unwrapRing } from './basemap';

const rings = (g: Polygon | MultiPolygon): Position[][] =>
  g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();

describe('offline base map', () => {
  it('unwraps a ring that crosses ±180° into one continuous ring', () => {
    expect(unwrapRing([[179, 60], [-179, 61], [-178, 60], [179, 60]]))
      .toEqual([[179, 60], [181, 61], [182, 60], [179, 60]]);
    expect(unwrapRing([[10, 50], [12, 51], [10, 50]])).toEqual([[10, 50], [12, 51], [10, 50]]);
  });

  it('turns Natural Earth countries into GeoJSON with no jump across the map, Antarctica left out', () => {
    const map = countriesFromTopology(countries as unknown as Topology);
    expect(map.features.length).toBeGreaterThan(170);
    expect(map.features.some((f) => String(f.id) === '010')).toBe(false);
    const russia = map.features.find((f) => String(f.id) === '643');
    expect(russia).toBeDefined();
    for (const f of map.features) {
      for (const ring of rings(f.geometry as Polygon | MultiPolygon)) {
        for (let i = 1; i < ring.length; i++) {
          expect(Math.abs(ring[i][0] - ring[i - 1][0])).toBeLessThanOrEqual(180);
        }
      }
    }
  });
});

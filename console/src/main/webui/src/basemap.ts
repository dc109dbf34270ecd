// The offline base map: Natural Earth countries from the world-atlas package (TopoJSON, bundled in the build),
// turned into GeoJSON for MapLibre. No tile server, no request leaves the machine.
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';

// Antarctica's ring runs round the pole across ±180°; it adds nothing to a picture over Europe
const LEFT_OUT = new Set(['010']);

/**
 * Longitudes of a ring made continuous: a ring that crosses ±180° (Russia's Chukotka, Fiji) jumps from 179.9 to
 * -179.9, which MapLibre would draw as a band across the whole world; shifted by whole turns it stays local.
 */
export function unwrapRing(ring: readonly Position[]): Position[] {
  const out: Position[] = [];
  let previous: number | null = null;
  for (const [lon, lat] of ring) {
    let l = lon;
    if (previous !== null) {
      while (l - previous > 180) l -= 360;
      while (previous - l > 180) l += 360;
    }
    out.push([l, lat]);
    previous = l;
  }
  return out;
}

function unwrapGeometry(g: Geometry): Geometry {
  if (g.type === 'Polygon') {
    return { type: 'Polygon', coordinates: (g as Polygon).coordinates.map(unwrapRing) };
  }
  if (g.type === 'MultiPolygon') {
    return { type: 'MultiPolygon', coordinates: (g as MultiPolygon).coordinates.map((p) => p.map(unwrapRing)) };
  }
  return g;
}

export function countriesFromTopology(topology: Topology, objectName = 'countries'): FeatureCollection {
  const collection = feature(topology, topology.objects[objectName] as GeometryCollection) as FeatureCollection;
  return {
    type: 'FeatureCollection',
    features: collection.features
      .filter((f) => f.geometry && !LEFT_OUT.has(String(f.id)))
      .map((f): Feature => ({ ...f, geometry: unwrapGeometry(f.geometry) })),
  };
}

import { useEffect, useRef, useState } from 'react';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import countries50m from 'world-atlas/countries-50m.json';
import type { Topology } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
import { countriesFromTopology } from '../basemap';
import { pointsOfInterest, trailsToGeoJSON, tracksToGeoJSON, type TrackState } from '../tracks';
import { impactEllipses, opacityOf, sensorsToGeoJSON } from '../picturelayers';
import type { Sensor, Track } from '../types';
import { PARTY_COLOURS, STYLE_COLOURS } from '../mapstyle';

// the worker is bundled by Vite and served by the console like every other file
maplibregl.setWorkerUrl(workerUrl);

interface Props {
  state: TrackState;
  shown: Track[];
  selected: string | null;
  onSelect: (id: string | null) => void;
  /** the position under the pointer, for the coordinate bar */
  onPointer?: (lngLat: { lat: number; lon: number } | null) => void;
  /** the registry's sensors; the own party's (those with a position) are drawn with their nominal coverage */
  sensors?: Sensor[];
  /** the browser's clock now (ms), for the fading of ended tracks */
  nowMs?: number;
}

const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

type SymbolOf = typeof import('../symbolimage').symbolOf;

/** Symbol size on the map (CSS pixels). */
const SYMBOL_SIZE = 22;

/**
 * Adds the map image of a track symbol (a name of symbolKey), drawn by milsymbol at the screen's pixel ratio and
 * centred on the symbol's anchor (the centre of its frame), so the icon sits on the track's position.
 */
function addSymbolImage(m: maplibregl.Map, key: string, symbolOf: SymbolOf) {
  const ratio = window.devicePixelRatio || 1;
  const symbol = symbolOf(key, SYMBOL_SIZE * ratio);
  if (!symbol || m.hasImage(key)) return;
  const drawn = symbol.asCanvas();
  const anchor = symbol.getAnchor();
  const halfWidth = Math.ceil(Math.max(anchor.x, drawn.width - anchor.x));
  const halfHeight = Math.ceil(Math.max(anchor.y, drawn.height - anchor.y));
  const canvas = document.createElement('canvas');
  canvas.width = 2 * halfWidth;
  canvas.height = 2 * halfHeight;
  const context = canvas.getContext('2d');
  if (!context) return;
  context.drawImage(drawn, halfWidth - anchor.x, halfHeight - anchor.y);
  m.addImage(key, context.getImageData(0, 0, canvas.width, canvas.height), { pixelRatio: ratio });
}

/** MapLibre with the bundled Natural Earth base map; tracks, trails, launch and impact points on top. */
export function MapView({ state, shown, selected, onSelect, onPointer, sensors = [], nowMs = Date.now() }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<maplibregl.Map | null>(null);
  const [ready, setReady] = useState(false);
  // what the layers hold, on the map's element (a canvas cannot be read back; the browser test reads these)
  const [counts, setCounts] = useState({ ellipses: 0, sensors: 0, coverage: 0, faded: 0 });
  const select = useRef(onSelect);
  select.current = onSelect;
  const pointer = useRef(onPointer);
  pointer.current = onPointer;

  useEffect(() => {
    if (!container.current) return;
    const m = new maplibregl.Map({
      container: container.current,
      center: [30, 52],
      zoom: 2.6,
      attributionControl: false,
      style: {
        version: 8,
        sources: {
          countries: { type: 'geojson', data: countriesFromTopology(countries50m as unknown as Topology) },
          trails: { type: 'geojson', data: empty() },
          points: { type: 'geojson', data: empty() },
          tracks: { type: 'geojson', data: empty() },
          ellipses: { type: 'geojson', data: empty() },
          coverage: { type: 'geojson', data: empty() },
          sensors: { type: 'geojson', data: empty() },
        },
        layers: [
          { id: 'sea', type: 'background', paint: { 'background-color': STYLE_COLOURS.sea } },
          { id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': STYLE_COLOURS.land } },
          { id: 'borders', type: 'line', source: 'countries', paint: { 'line-color': STYLE_COLOURS.border, 'line-width': 0.6 } },
          { id: 'coverage', type: 'fill', source: 'coverage', paint: { 'fill-color': STYLE_COLOURS.coverage, 'fill-opacity': 0.08 } },
          { id: 'coverage-edge', type: 'line', source: 'coverage', paint: { 'line-color': STYLE_COLOURS.coverage, 'line-width': 0.8, 'line-opacity': 0.5 } },
          {
            id: 'sensors', type: 'circle', source: 'sensors',
            paint: { 'circle-radius': 4, 'circle-color': STYLE_COLOURS.sensor, 'circle-stroke-color': '#000', 'circle-stroke-width': 1 },
          },
          { id: 'ellipses', type: 'fill', source: 'ellipses', paint: { 'fill-color': STYLE_COLOURS.impact, 'fill-opacity': 0.25 } },
          { id: 'ellipse-edges', type: 'line', source: 'ellipses', paint: { 'line-color': STYLE_COLOURS.impact, 'line-width': 1 } },
          {
            id: 'trails', type: 'line', source: 'trails', filter: ['==', ['get', 'kind'], 'trail'],
            paint: { 'line-color': STYLE_COLOURS.trail, 'line-width': 1.5, 'line-opacity': 0.8 },
          },
          {
            id: 'impact-paths', type: 'line', source: 'trails', filter: ['==', ['get', 'kind'], 'impact'],
            paint: { 'line-color': STYLE_COLOURS.impact, 'line-width': 1, 'line-dasharray': [2, 2] },
          },
          {
            id: 'points', type: 'circle', source: 'points',
            paint: {
              'circle-radius': 4,
              'circle-color': ['match', ['get', 'kind'], 'launch', STYLE_COLOURS.launch, STYLE_COLOURS.impact],
              'circle-stroke-color': '#000', 'circle-stroke-width': 1,
            },
          },
          {
            // a ring round the selected track's symbol
            id: 'selected', type: 'circle', source: 'tracks', filter: ['==', ['get', 'selected'], true],
            paint: {
              'circle-radius': 17, 'circle-color': 'rgba(0, 0, 0, 0)',
              'circle-stroke-color': STYLE_COLOURS.selected, 'circle-stroke-width': 2, 'circle-stroke-opacity': ['get', 'opacity'],
            },
          },
          {
            // APP-6 symbols (symbols.ts), drawn the first time a track needs one: icons only, so no glyphs are fetched
            id: 'tracks', type: 'symbol', source: 'tracks',
            layout: {
              'icon-image': ['get', 'symbol'],
              'icon-size': ['case', ['get', 'selected'], 1.25, 1],
              'icon-allow-overlap': true,
              'icon-ignore-placement': true,
            },
            // an ended track fades out
            paint: { 'icon-opacity': ['get', 'opacity'] },
          },
        ],
      },
    });
    m.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left');
    m.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    // milsymbol comes with the map, not with every screen; a symbol missing until then is drawn at the next update
    let symbolOf: SymbolOf | null = null;
    import('../symbolimage').then((drawing) => { symbolOf = drawing.symbolOf; });
    m.on('styleimagemissing', (e) => { if (symbolOf) addSymbolImage(m, e.id, symbolOf); });
    m.on('load', () => setReady(true));
    m.on('click', 'tracks', (e) => {
      const id = e.features?.[0]?.properties?.trackId;
      if (typeof id === 'string') select.current(id);
    });
    m.on('mousemove', (e) => pointer.current?.({ lat: e.lngLat.lat, lon: e.lngLat.lng }));
    m.on('mouseout', () => pointer.current?.(null));
    m.on('mouseenter', 'tracks', () => { m.getCanvas().style.cursor = 'pointer'; });
    m.on('mouseleave', 'tracks', () => { m.getCanvas().style.cursor = ''; });
    map.current = m;
    return () => { m.remove(); map.current = null; setReady(false); };
  }, []);

  useEffect(() => {
    const m = map.current;
    if (!m || !ready) return;
    (m.getSource('tracks') as maplibregl.GeoJSONSource).setData(
      tracksToGeoJSON(shown, selected, (id) => opacityOf(state.get(id)?.endedAtMs, nowMs)));
    (m.getSource('trails') as maplibregl.GeoJSONSource).setData(trailsToGeoJSON(state, shown));
    (m.getSource('points') as maplibregl.GeoJSONSource).setData(pointsOfInterest(shown));
    const ellipses = impactEllipses(shown);
    (m.getSource('ellipses') as maplibregl.GeoJSONSource).setData(ellipses);
    const faded = shown.filter((t) => opacityOf(state.get(t.trackId)?.endedAtMs, nowMs) < 1).length;
    setCounts((c) => (c.ellipses === ellipses.features.length && c.faded === faded ? c
      : { ...c, ellipses: ellipses.features.length, faded }));
  }, [state, shown, selected, ready, nowMs]);

  useEffect(() => {
    const m = map.current;
    if (!m || !ready) return;
    const { sites, coverage } = sensorsToGeoJSON(sensors);
    (m.getSource('sensors') as maplibregl.GeoJSONSource).setData(sites);
    (m.getSource('coverage') as maplibregl.GeoJSONSource).setData(coverage);
    setCounts((c) => ({ ...c, sensors: sites.features.length, coverage: coverage.features.length }));
  }, [sensors, ready]);

  // follow the selected track
  useEffect(() => {
    const m = map.current;
    const track = shown.find((t) => t.trackId === selected);
    if (m && ready && track) m.easeTo({ center: [track.lonDeg, track.latDeg], duration: 500 });
    // only when the selection changes, not on every update of the track
  }, [selected, ready]);

  return (
    <div className="map-wrap">
      <div className="map" ref={container} data-testid="map" data-map-ready={ready ? 'true' : 'false'}
        data-ellipses={counts.ellipses} data-sensors={counts.sensors} data-coverage={counts.coverage} data-faded={counts.faded} />
      <ul className="legend" aria-label="Legend">
        <li>APP-6: ballistic missile (identity unknown), air frame in ascent and terminal phase, space frame in midcourse</li>
        <li><i className="outline" style={{ borderColor: PARTY_COLOURS.NATO }} />seen by NATO</li>
        <li><i className="outline" style={{ borderColor: PARTY_COLOURS.RUSSIA }} />seen by Russia</li>
        <li><i className="outline" style={{ borderColor: PARTY_COLOURS.JOINT }} />seen by both</li>
        <li><b>X</b> exercise</li>
        <li><i style={{ background: STYLE_COLOURS.launch }} />launch point</li>
        <li><i style={{ background: STYLE_COLOURS.impact }} />predicted impact, 1σ ellipse</li>
        <li><i style={{ background: STYLE_COLOURS.sensor }} />own sensor, nominal coverage</li>
      </ul>
    </div>
  );
}

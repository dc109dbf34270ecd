import { useEffect, useMemo, useRef, useState } from 'react';
import { api, type Tenant } from '../api';
import { applyUpdate, filterTracks, missileClasses, resync, NO_FILTER, type TrackFilter, type TrackState } from '../tracks';
import type { PictureView, Track } from '../types';
import { formatLatLon, formatUtc } from '../format';
import { useNow } from './useAgreement';
import { MapView } from './MapView';
import { TrackTable } from './TrackTable';

const FLUSH_MS = 250;
const RESYNC_MS = 15000;

/** The common picture: the map with the track table beside it, updated live over the console's SSE relay. */
export function PicturePage({ tenant }: { tenant: Tenant }) {
  const [state, setState] = useState<TrackState>(new Map());
  const [centreOpen, setCentreOpen] = useState<boolean | null>(null);
  const [live, setLive] = useState(false);
  const [filter, setFilter] = useState<TrackFilter>(NO_FILTER);
  const [selected, setSelected] = useState<string | null>(null);
  const pending = useRef<Track[]>([]);
  const [pointer, setPointer] = useState<{ lat: number; lon: number } | null>(null);
  const now = useNow();

  // the picture now, and again every few seconds: tracks that ended drop out, trails are kept
  useEffect(() => {
    let alive = true;
    const load = () => api<PictureView>(tenant, 'fusion/picture').then((p) => {
      if (!alive) return;
      setCentreOpen(p.centreOpen);
      setState((held) => resync(held, p.tracks));
    }).catch(() => { if (alive) setCentreOpen(null); });
    load();
    const timer = window.setInterval(load, RESYNC_MS);
    return () => { alive = false; window.clearInterval(timer); };
  }, [tenant]);

  // live updates: buffered and applied a few times a second, so a busy stream does not re-render per message
  useEffect(() => {
    const source = new EventSource(`/api/${tenant}/fusion/picture/stream`);
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    source.onmessage = (event) => {
      try { pending.current.push(JSON.parse(event.data) as Track); } catch { /* not a track: ignore */ }
    };
    const timer = window.setInterval(() => {
      if (pending.current.length === 0) return;
      const batch = pending.current;
      pending.current = [];
      setState((held) => batch.reduce<TrackState>((s, t) => applyUpdate(s, t), held));
    }, FLUSH_MS);
    return () => { source.close(); window.clearInterval(timer); };
  }, [tenant]);

  const shown = useMemo(() => filterTracks(state, filter), [state, filter]);
  const classes = useMemo(() => missileClasses(state), [state]);

  return (
    <section className="picture" data-testid="picture">
      <div className="picture-status">
        <span data-testid="centre-state">{centreOpen === null ? 'Fusion centre: unknown'
          : centreOpen ? 'Fusion centre open' : 'Fusion centre closed: no agreement covering data fusion is in force'}</span>
        <span className={live ? 'live on' : 'live'} data-testid="stream-state">{live ? 'live updates: connected' : 'live updates: reconnecting'}</span>
        <span data-testid="track-count">{shown.length} of {state.size} tracks</span>
        <span className="utc-bar" data-testid="utc-bar">
          {formatUtc(new Date(now).toISOString())}{pointer ? `  ·  ${formatLatLon(pointer.lat, pointer.lon)}` : ''}
        </span>
      </div>
      <div className="picture-body">
        <MapView state={state} shown={shown} selected={selected} onSelect={setSelected} onPointer={setPointer} />
        <TrackTable tracks={shown} classes={classes} filter={filter} onFilter={setFilter}
          selected={selected} onSelect={setSelected} />
      </div>
    </section>
  );
}

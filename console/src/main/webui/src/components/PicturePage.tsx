import { useEffect, useMemo, useRef, useState } from 'react';
import { api, apiPaged, type Tenant } from '../api';
import { applyUpdate, filterTracks, missileClasses, resync, NO_FILTER, type TrackFilter, type TrackState } from '../tracks';
import { applyEnd, dropFaded, FADE_MS, markEnded, recentHistory, replayAt, replaySpan, type Histories,
  type RecentEnds } from '../picturelayers';
import type { PictureView, Sensor, Track, TrackEnded } from '../types';
import { formatLatLon, formatUtc } from '../format';
import { useNow } from './useAgreement';
import { MapView } from './MapView';
import { TrackDetails } from './TrackDetails';
import { TrackTable } from './TrackTable';

const FLUSH_MS = 250;
const RESYNC_MS = 15000;
const ENDED_EVENT = 'fusion.track-ended';
/** history updates a page: 5 minutes at fusion-service's default persist interval of 1 s fit in one */
const HISTORY_PAGE = 500;

interface Replay {
  histories: Histories;
  from: number;
  to: number;
  at: number;
}

/** The common picture: the map with the track table beside it, updated live over the console's SSE relay. */
export function PicturePage({ tenant }: { tenant: Tenant }) {
  const [state, setState] = useState<TrackState>(new Map());
  const [centreOpen, setCentreOpen] = useState<boolean | null>(null);
  const [live, setLive] = useState(false);
  const [filter, setFilter] = useState<TrackFilter>(NO_FILTER);
  const [selected, setSelected] = useState<string | null>(null);
  const [sensors, setSensors] = useState<Sensor[]>([]);
  const [replay, setReplay] = useState<Replay | null>(null);
  const [replayProblem, setReplayProblem] = useState<string | null>(null);
  const pending = useRef<Track[]>([]);
  const pendingEnds = useRef<TrackEnded[]>([]);
  const recentEnds = useRef<RecentEnds>(new Map());
  const [pointer, setPointer] = useState<{ lat: number; lon: number } | null>(null);
  const now = useNow();

  // the picture now, and again every few seconds: tracks that ended drop out, trails are kept
  useEffect(() => {
    let alive = true;
    const load = () => api<PictureView>(tenant, 'fusion/picture').then((p) => {
      if (!alive) return;
      setCentreOpen(p.centreOpen);
      setState((held) => markEnded(resync(held, p.tracks), recentEnds.current));
    }).catch(() => { if (alive) setCentreOpen(null); });
    load();
    const timer = window.setInterval(load, RESYNC_MS);
    return () => { alive = false; window.clearInterval(timer); };
  }, [tenant]);

  // the registry's sensors: the own party's come with their position (drawn with a nominal coverage)
  useEffect(() => {
    api<Sensor[]>(tenant, 'fusion/sensors').then(setSensors).catch(() => setSensors([]));
  }, [tenant]);

  // live updates: buffered and applied a few times a second, so a busy stream does not re-render per message;
  // a track's end (event fusion.track-ended) marks it, it fades out and then leaves the picture
  useEffect(() => {
    const source = new EventSource(`/api/${tenant}/fusion/picture/stream`);
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    source.onmessage = (event) => {
      try { pending.current.push(JSON.parse(event.data) as Track); } catch { /* not a track: ignore */ }
    };
    source.addEventListener(ENDED_EVENT, (event) => {
      try { pendingEnds.current.push(JSON.parse((event as MessageEvent).data) as TrackEnded); } catch { /* ignore */ }
    });
    const timer = window.setInterval(() => {
      const batch = pending.current;
      const ends = pendingEnds.current;
      pending.current = [];
      pendingEnds.current = [];
      const t = Date.now();
      for (const e of ends) recentEnds.current.set(e.trackId, { atMs: t, reason: e.reason });
      for (const [id, e] of recentEnds.current) if (t - e.atMs > RESYNC_MS + FADE_MS) recentEnds.current.delete(id);
      setState((held) => {
        let s = batch.reduce<TrackState>((acc, u) => applyUpdate(acc, u), held);
        s = ends.reduce<TrackState>((acc, e) => applyEnd(acc, e, t), s);
        return dropFaded(s, t);
      });
    }, FLUSH_MS);
    return () => { source.close(); window.clearInterval(timer); };
  }, [tenant]);

  // replay: each track's history from fusion-service, then the picture as it was at the slider's time
  const startReplay = async () => {
    setReplayProblem(null);
    try {
      const ids = [...state.keys()];
      const answers = await Promise.all(ids.map((id) => recentHistory((cursor) =>
        apiPaged<{ trackId: string; updates: Track[] }>(tenant, `fusion/tracks/${encodeURIComponent(id)}`, HISTORY_PAGE, cursor)
          .then(({ body, next }) => ({ items: body.updates, next })))));
      const histories: Histories = new Map(ids.map((id, i) => [id, answers[i]]));
      const span = replaySpan(histories);
      if (!span) { setReplayProblem('No track history to replay.'); return; }
      setReplay({ histories, ...span, at: span.from });
    } catch (e) {
      setReplayProblem(e instanceof Error ? e.message : String(e));
    }
  };

  const shownState = useMemo(() => (replay ? replayAt(replay.histories, replay.at) : state), [replay, state]);
  const shown = useMemo(() => filterTracks(shownState, filter), [shownState, filter]);
  const classes = useMemo(() => missileClasses(shownState), [shownState]);
  const selectedEntry = selected ? shownState.get(selected) ?? null : null;

  return (
    <section className="picture" data-testid="picture">
      <div className="picture-status">
        <span data-testid="centre-state">{centreOpen === null ? 'Fusion centre: unknown'
          : centreOpen ? 'Fusion centre open' : 'Fusion centre closed: no agreement covering data fusion is in force'}</span>
        <span className={live ? 'live on' : 'live'} data-testid="stream-state">{live ? 'live updates: connected' : 'live updates: reconnecting'}</span>
        <span data-testid="track-count">{shown.length} of {shownState.size} tracks</span>
        <span className="utc-bar" data-testid="utc-bar">
          {formatUtc(new Date(now).toISOString())}{pointer ? `  ·  ${formatLatLon(pointer.lat, pointer.lon)}` : ''}
        </span>
      </div>
      <div className="replay-bar" data-testid="replay">
        {replay ? (
          <>
            <span className="replaying">Replay</span>
            <input type="range" aria-label="Replay time" min={replay.from} max={replay.to} step={1000} value={replay.at}
              onChange={(e) => setReplay({ ...replay, at: Number(e.target.value) })} />
            <span data-testid="replay-time">{formatUtc(new Date(replay.at).toISOString())}</span>
            <button type="button" onClick={() => setReplay(null)}>Back to live</button>
          </>
        ) : (
          <button type="button" onClick={startReplay} disabled={state.size === 0}>Replay the last 5 minutes</button>
        )}
        {replayProblem && <span role="alert" className="problem">{replayProblem}</span>}
      </div>
      <div className="picture-body">
        <MapView state={shownState} shown={shown} selected={selected} onSelect={setSelected} onPointer={setPointer}
          sensors={sensors} nowMs={now} />
        <div className="side">
          <TrackTable tracks={shown} state={shownState} classes={classes} filter={filter} onFilter={setFilter}
            selected={selected} onSelect={setSelected} />
          {selectedEntry && <TrackDetails entry={selectedEntry} />}
        </div>
      </div>
    </section>
  );
}

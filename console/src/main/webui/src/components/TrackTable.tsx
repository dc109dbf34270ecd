import { formatAltitude, formatLatLon, formatSpeed, formatUtc } from '../format';
import { FLIGHT_PHASES } from '../symbols';
import type { Stream, TrackFilter, TrackState } from '../tracks';
import type { PartyName, Track } from '../types';

interface Props {
  tracks: Track[];
  /** for the tracks' ended marks */
  state?: TrackState;
  classes: string[];
  filter: TrackFilter;
  onFilter: (f: TrackFilter) => void;
  selected: string | null;
  onSelect: (id: string | null) => void;
}

/** The tracks beside the map: filter by class, contributing party, flight phase and live/exercise; a row selects its track. */
export function TrackTable({ tracks, state, classes, filter, onFilter, selected, onSelect }: Props) {
  return (
    <aside className="tracks" data-testid="track-table">
      <div className="filters">
        <label>Class
          <select value={filter.missileClass} onChange={(e) => onFilter({ ...filter, missileClass: e.target.value })}>
            <option value="">all</option>
            {classes.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
        <label>Seen by
          <select value={filter.party} onChange={(e) => onFilter({ ...filter, party: e.target.value as '' | PartyName })}>
            <option value="">either party</option>
            <option value="NATO">NATO</option>
            <option value="RUSSIA">Russia</option>
          </select>
        </label>
        <label>Phase
          <select value={filter.phase} onChange={(e) => onFilter({ ...filter, phase: e.target.value as TrackFilter['phase'] })}>
            <option value="">every phase</option>
            {FLIGHT_PHASES.map((p) => <option key={p} value={p}>{p}</option>)}
          </select>
        </label>
        <label>Stream
          <select value={filter.stream} onChange={(e) => onFilter({ ...filter, stream: e.target.value as Stream })}>
            <option value="all">live and exercise</option>
            <option value="live">live only</option>
            <option value="exercise">exercise only</option>
          </select>
        </label>
      </div>
      {tracks.length === 0
        ? <p className="empty" data-testid="no-tracks">No tracks.</p>
        : (
          <table>
            <thead>
              <tr><th>Track</th><th>Class</th><th>Position</th><th>Alt</th><th>Speed</th><th>Seen by</th></tr>
            </thead>
            <tbody>
              {tracks.map((t) => (
                <tr key={t.trackId} data-track-id={t.trackId}
                  className={[t.trackId === selected ? 'selected' : '', state?.get(t.trackId)?.endedAtMs != null ? 'ended' : ''].join(' ').trim()}
                  onClick={() => onSelect(t.trackId === selected ? null : t.trackId)} title={formatUtc(t.t)}>
                  <td>{t.trackId}{t.exercise && <span className="badge exercise">exercise</span>}
                    {state?.get(t.trackId)?.endedAtMs != null && <span className="badge ended">ended</span>}</td>
                  <td>{t.missileClass ?? 'UNKNOWN'}</td>
                  <td>{formatLatLon(t.latDeg, t.lonDeg)}</td>
                  <td>{formatAltitude(t.altitudeM)}</td>
                  <td>{formatSpeed(t.speedMps)}</td>
                  <td>{t.contributingParties.join(' + ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
    </aside>
  );
}

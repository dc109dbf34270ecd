import { formatLatLon, formatUtc } from '../format';
import { flightPhase } from '../symbols';
import type { TrackEntry } from '../tracks';

const km = (m: number | null | undefined) => (m == null ? '—' : `${(m / 1000).toFixed(1)} km`);

/** The selected track: who saw it (parties and their sensors), class, launch point, predicted impact and its ellipse. */
export function TrackDetails({ entry }: { entry: TrackEntry }) {
  const t = entry.track;
  return (
    <section className="track-details" data-testid="track-details" aria-label="Selected track">
      <h3>{t.trackId}{t.exercise && <span className="badge exercise">exercise</span>}
        {entry.endedAtMs != null && <span className="badge ended">ended</span>}</h3>
      <dl>
        <dt>Updated</dt><dd>{formatUtc(t.t)}</dd>
        <dt>Class</dt><dd>{t.missileClass ?? 'UNKNOWN'} ({Math.round(t.classConfidence * 100)} %)</dd>
        <dt>Flight phase</dt><dd data-testid="flight-phase">{flightPhase(t)}</dd>
        <dt>Contributing parties</dt><dd data-testid="contributing-parties">{t.contributingParties.join(', ') || '—'}</dd>
        <dt>Contributing sensors</dt><dd data-testid="contributing-sensors">{t.contributingSensors?.join(', ') || '—'}</dd>
        <dt>Launch point</dt>
        <dd data-testid="launch-point">{t.launchLatDeg != null && t.launchLonDeg != null ? formatLatLon(t.launchLatDeg, t.launchLonDeg) : 'not yet estimated'}</dd>
        <dt>Predicted impact</dt>
        <dd data-testid="impact-point">{t.impactLatDeg != null && t.impactLonDeg != null
          ? `${formatLatLon(t.impactLatDeg, t.impactLonDeg)} at ${formatUtc(t.impactAt)}` : 'not yet predicted'}</dd>
        <dt>Impact ellipse (1σ)</dt>
        <dd data-testid="impact-ellipse">{t.impactEllipseMajorM != null
          ? `${km(t.impactEllipseMajorM)} × ${km(t.impactEllipseMinorM)}, major axis ${Math.round(t.impactEllipseBearingDeg ?? 0)}°` : '—'}</dd>
      </dl>
    </section>
  );
}

import { useState } from 'react';
import { api, ApiError, type Tenant } from '../api';
import { formatUtc } from '../format';
import { filteredPath } from '../paging';
import { fieldErrors } from '../transparency';
import type { InterceptorTest } from '../types';
import { MoreButton } from './MoreButton';
import { usePagedList } from './usePagedList';

const TEST_PAGE = 10;
/** transparency-service's test states, for its `state` filter. */
const TEST_STATES = ['ANNOUNCED', 'ACCEPTED', 'DECLINED', 'RESULTS_RECORDED', 'CANCELLED'];
const QUANTITIES = ['interceptAltitudeKm', 'interceptRangeKm', 'burnoutVelocityKmS', 'flightTimeS', 'missDistanceM'];

interface Comparison {
  discrepancyCount: number;
  comparisons: { observer: string; rows: { quantity: string; declared: number | null; observed: number | null; outcome: string }[] }[];
}

/**
 * Interceptor-test notices as the service offers them: the host's announcements to the guest, accept or decline
 * (guest, before the window), the guest's observations, and declared-vs-observed. Each button is one of the
 * actions the service lists for the caller's party.
 */
export function InterceptorTests({ tenant }: { tenant: Tenant }) {
  const [state, setState] = useState('');
  const list = usePagedList<InterceptorTest>(tenant, filteredPath('transparency/tests', { state }), TEST_PAGE);

  return (
    <section className="card wide" data-testid="interceptor-tests">
      <h2>Interceptor tests</h2>
      <div className="filters">
        <label>State
          <select aria-label="Test state" value={state} onChange={(e) => setState(e.target.value)}>
            <option value="">any</option>
            {TEST_STATES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
      </div>
      {list.loaded && list.items.length === 0 && !list.problem && <p>{state
        ? `No interceptor test is ${state}.` : 'No interceptor test has been announced.'}</p>}
      {list.items.map((t) => <TestCard key={t.id} tenant={tenant} test={t} onChange={list.reload} />)}
      <MoreButton list={list} />
      {list.problem && <p role="alert" className="problem">{list.problem}</p>}
      <AnnounceForm tenant={tenant} onAnnounced={list.reload} />
    </section>
  );
}

const EMPTY_ANNOUNCEMENT = {
  windowStart: '', windowEnd: '', siteLat: '', siteLon: '', interceptorType: '',
  launchLat: '', launchLon: '', launchRadiusKm: '5', impactLat: '', impactLon: '', impactRadiusKm: '20',
};

/** The host's notice of a test (POST /api/tests): its window in UTC, site, interceptor type, launch and impact areas. */
function AnnounceForm({ tenant, onAnnounced }: { tenant: Tenant; onAnnounced: () => void }) {
  const [f, setF] = useState(EMPTY_ANNOUNCEMENT);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const n = (v: string) => (v.trim() === '' ? null : Number(v));
  const t = (v: string) => (v.trim() === '' ? null : v.trim());
  const area = (lat: string, lon: string, r: string) => ({ shape: 'CIRCLE', centre: { lat: n(lat), lon: n(lon) }, radiusKm: n(r) });
  const announce = async (event: React.FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setErrors({});
    try {
      await api(tenant, 'transparency/tests', {
        method: 'POST',
        body: JSON.stringify({
          windowStart: t(f.windowStart), windowEnd: t(f.windowEnd), site: { lat: n(f.siteLat), lon: n(f.siteLon) },
          interceptorType: t(f.interceptorType), launchArea: area(f.launchLat, f.launchLon, f.launchRadiusKm),
          impactArea: area(f.impactLat, f.impactLon, f.impactRadiusKm),
        }),
      });
      setF(EMPTY_ANNOUNCEMENT);
      onAnnounced();
    } catch (e) {
      if (e instanceof ApiError) setErrors(fieldErrors(e.problem));
      setProblem(e instanceof ApiError ? e.message : String(e));
    }
  };
  const input = (key: keyof typeof EMPTY_ANNOUNCEMENT, label: string, errorKeys: string[], placeholder = '') => {
    const error = errorKeys.map((k) => errors[k]).find(Boolean);
    return (
      <label className={error ? 'invalid' : ''}>{label}
        <input aria-label={label} value={f[key]} placeholder={placeholder} onChange={(e) => setF({ ...f, [key]: e.target.value })} />
        {error && <span className="field-error" data-field={errorKeys[0]}>{error}</span>}
      </label>
    );
  };
  return (
    <form onSubmit={announce} noValidate data-testid="announce-test">
      <h3>Announce a test (your party hosts, the other party is invited)</h3>
      <div className="form-row">
        {input('windowStart', 'Window start (UTC)', ['windowStart'], '2026-12-24T10:00:00Z')}
        {input('windowEnd', 'Window end (UTC)', ['windowEnd'], '2026-12-24T12:00:00Z')}
        {input('interceptorType', 'Interceptor type', ['interceptorType'])}
        {input('siteLat', 'Site latitude', ['site.lat', 'site'])}
        {input('siteLon', 'Site longitude', ['site.lon'])}
      </div>
      <div className="form-row">
        {input('launchLat', 'Launch area latitude', ['launchArea.centre.lat', 'launchArea.centre', 'launchArea'])}
        {input('launchLon', 'Launch area longitude', ['launchArea.centre.lon'])}
        {input('launchRadiusKm', 'Launch area radius (km)', ['launchArea.radiusKm'])}
        {input('impactLat', 'Impact area latitude', ['impactArea.centre.lat', 'impactArea.centre', 'impactArea'])}
        {input('impactLon', 'Impact area longitude', ['impactArea.centre.lon'])}
        {input('impactRadiusKm', 'Impact area radius (km)', ['impactArea.radiusKm'])}
      </div>
      <div className="form-actions"><button type="submit">Announce the test</button></div>
      {problem && <p role="alert" className="problem">{problem}</p>}
    </form>
  );
}

function TestCard({ tenant, test, onChange }: { tenant: Tenant; test: InterceptorTest; onChange: () => void }) {
  const [observers, setObservers] = useState('');
  const [observer, setObserver] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [comparison, setComparison] = useState<Comparison | null>(null);

  const send = async (action: string, body: unknown) => {
    setProblem(null);
    setErrors({});
    try {
      await api(tenant, `transparency/tests/${test.id}/${action}`, { method: 'POST', body: JSON.stringify(body) });
      onChange();
    } catch (e) {
      if (e instanceof ApiError) setErrors(fieldErrors(e.problem));
      setProblem(e instanceof ApiError ? e.message : String(e));
    }
  };
  const measurements = () => Object.fromEntries(QUANTITIES.filter((q) => values[q]?.trim())
    .map((q) => [q, Number.isFinite(Number(values[q])) ? Number(values[q]) : values[q]]));
  const can = (a: string) => test.allowedActions.includes(a);
  const a = test.announcement;

  return (
    <article className="test" data-test-id={test.id}>
      <h3>{test.host} → {test.guest}: {a.interceptorType} <span className="status">{test.state}</span>
        {test.late && <span className="badge late">late notice</span>}</h3>
      <p>You are the {test.role.toLowerCase()}. Window {formatUtc(a.windowStart)} – {formatUtc(a.windowEnd)},
        site {a.site.lat.toFixed(2)}, {a.site.lon.toFixed(2)}. Observers: {test.observers.join(', ') || 'none'}.</p>
      {test.observations.length > 0 && <p>Observations by: {test.observations.map((o) => o.observer).join(', ')}</p>}
      {can('accept') && (
        <div className="inline-form">
          <label>Observers <input aria-label="Observers" value={observers} onChange={(e) => setObservers(e.target.value)}
            placeholder="Obs A, Obs B" /></label>
          {errors.observers && <span className="field-error">{errors.observers}</span>}
          <button type="button" onClick={() => send('accept', { observers: observers.split(',').map((s) => s.trim()).filter(Boolean) })}>
            Accept to observe</button>
          {can('decline') && <button type="button" onClick={() => send('decline', { reason: 'declined in the console' })}>Decline</button>}
        </div>
      )}
      {(can('recordObservation') || can('recordResults')) && (
        <div className="inline-form">
          {can('recordObservation') && <label>Observer <input aria-label="Observer" value={observer}
            onChange={(e) => setObserver(e.target.value)} /></label>}
          {QUANTITIES.map((q) => (
            <label key={q}>{q}<input aria-label={q} value={values[q] ?? ''}
              onChange={(e) => setValues({ ...values, [q]: e.target.value })} />
              {(errors[q] || errors[`measurements.${q}`]) && <span className="field-error">{errors[q] ?? errors[`measurements.${q}`]}</span>}
            </label>
          ))}
          {can('recordObservation') && <button type="button"
            onClick={() => send('observations', { observer, measurements: measurements() })}>Record observation</button>}
          {can('recordResults') && <button type="button" onClick={() => send('results', measurements())}>Record results</button>}
        </div>
      )}
      {can('cancel') && <button type="button" className="danger"
        onClick={() => send('cancel', { reason: 'cancelled in the console' })}>Cancel the test</button>}
      {test.observations.length > 0 && (
        <button type="button" onClick={() => api<Comparison>(tenant, `transparency/tests/${test.id}/comparison`)
          .then(setComparison).catch((e: Error) => setProblem(e.message))}>Declared vs observed</button>
      )}
      {comparison && (
        <table className="list" data-testid="comparison">
          <thead><tr><th>Observer</th><th>Quantity</th><th>Declared</th><th>Observed</th><th>Outcome</th></tr></thead>
          <tbody>{comparison.comparisons.flatMap((c) => c.rows.map((r) => (
            <tr key={c.observer + r.quantity}><td>{c.observer}</td><td>{r.quantity}</td><td>{r.declared ?? '—'}</td>
              <td>{r.observed ?? '—'}</td><td>{r.outcome}</td></tr>)))}</tbody>
        </table>
      )}
      {problem && <p role="alert" className="problem">{problem}</p>}
    </article>
  );
}

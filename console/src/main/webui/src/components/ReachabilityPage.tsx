import { useEffect, useState } from 'react';
import { api, ApiError, type Tenant } from '../api';
import { fieldErrors } from '../transparency';
import { formatVerdict, type AssessmentResult, type ReferenceTrajectory } from '../reachability';
import { ReachabilityChart } from './ReachabilityChart';

/**
 * The reachability question (transparency-service's assessment): could an interceptor at this site, with this
 * burnout velocity, reach the reference trajectories' missiles? The service answers; the charts show its model.
 */
export function ReachabilityPage({ tenant }: { tenant: Tenant }) {
  const [references, setReferences] = useState<{ disclaimer: string; trajectories: ReferenceTrajectory[] } | null>(null);
  const [form, setForm] = useState({ lat: '54.4', lon: '18.6', vbo: '4.5', maxRange: '', maxAlt: '' });
  const [chosen, setChosen] = useState<string[]>(['ILL-1', 'ILL-4']);
  const [result, setResult] = useState<AssessmentResult | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    api<{ disclaimer: string; trajectories: ReferenceTrajectory[] }>(tenant, 'transparency/assessments/reference-trajectories')
      .then(setReferences).catch((e) => setProblem(e instanceof ApiError ? e.message : String(e)));
  }, [tenant]);

  const num = (s: string) => (s.trim() === '' ? null : Number(s));
  const assess = async (event: React.FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setErrors({});
    try {
      setResult(await api<AssessmentResult>(tenant, 'transparency/assessments', {
        method: 'POST',
        body: JSON.stringify({
          interceptor: { site: { lat: num(form.lat), lon: num(form.lon) }, burnoutVelocityKmS: num(form.vbo),
            maxRangeKm: num(form.maxRange), maxAltitudeKm: num(form.maxAlt) },
          trajectoryIds: chosen,
        }),
      }));
    } catch (e) {
      setResult(null);
      if (e instanceof ApiError) setErrors(fieldErrors(e.problem));
      setProblem(e instanceof ApiError ? e.message : String(e));
    }
  };
  const field = (key: keyof typeof form, label: string, error: string) => (
    <label className={errors[error] ? 'invalid' : ''}>{label}
      <input aria-label={label} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
      {errors[error] && <span className="field-error" data-field={error}>{errors[error]}</span>}
    </label>
  );
  const byId = new Map((references?.trajectories ?? []).map((t) => [t.id, t]));

  return (
    <section className="card wide" data-testid="reachability">
      <h2>Reachability assessment</h2>
      <p>Could an interceptor at this site reach the other party's strategic missiles? {references?.disclaimer}</p>
      <form onSubmit={assess} noValidate>
        <div className="form-row">
          {field('lat', 'Site latitude', 'interceptor.site.lat')}
          {field('lon', 'Site longitude', 'interceptor.site.lon')}
          {field('vbo', 'Burnout velocity (km/s)', 'interceptor.burnoutVelocityKmS')}
          {field('maxRange', 'Declared maximum range (km)', 'interceptor.maxRangeKm')}
          {field('maxAlt', 'Declared maximum altitude (km)', 'interceptor.maxAltitudeKm')}
        </div>
        <fieldset>
          <legend>Reference trajectories</legend>
          {references?.trajectories.map((t) => (
            <label key={t.id} className="check">
              <input type="checkbox" checked={chosen.includes(t.id)}
                onChange={(e) => setChosen(e.target.checked ? [...chosen, t.id] : chosen.filter((c) => c !== t.id))} />
              {t.id}: {t.name}
            </label>
          ))}
        </fieldset>
        <div className="form-actions"><button type="submit">Assess</button></div>
      </form>
      {problem && <p role="alert" className="problem">{problem}</p>}
      {result && (
        <div data-testid="assessment">
          <p data-testid="any-reachable" className={result.anyReachable ? 'verdict reachable' : 'verdict'}>
            {result.anyReachable ? 'Reachable: the interceptor could reach at least one of these missiles.'
              : 'Not reachable: the interceptor could reach none of these missiles.'}
          </p>
          <p>Envelope: up to {Math.round(result.envelope.maxAltitudeKm)} km high, {Math.round(result.envelope.maxGroundRangeKm)} km
            {' '}ground range; average fly-out speed {result.envelope.averageFlyoutSpeedKmS.toFixed(2)} km/s.</p>
          {result.trajectories.map((a) => (
            <article key={a.trajectoryId} className="test" data-assessment={a.trajectoryId}>
              <h3>{a.trajectoryName}</h3>
              <p><span className="status" data-testid="verdict">{formatVerdict(a.verdict)}</span>
                {' '}{a.reachable ? 'reachable' : 'not reachable'}; margin {a.marginS == null ? '—' : `${a.marginS.toFixed(1)} s`}
                {a.earliestInterceptTimeS != null && `; earliest intercept ${Math.round(a.earliestInterceptTimeS)} s after launch`}
                {a.closestApproachKm != null && `; closest approach ${a.closestApproachKm.toFixed(0)} km`}
              </p>
              {byId.get(a.trajectoryId) && <ReachabilityChart result={result} assessment={a} trajectory={byId.get(a.trajectoryId)!} />}
            </article>
          ))}
          <details><summary>Assumptions</summary><ul>{result.assumptions.map((s) => <li key={s}>{s}</li>)}</ul></details>
        </div>
      )}
    </section>
  );
}

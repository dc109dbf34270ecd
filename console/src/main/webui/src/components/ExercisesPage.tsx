import { useState } from 'react';
import { api, ApiError, type Tenant } from '../api';
import { ANY_EXERCISE, COMMANDS, EXERCISE_STATUSES, exercisesPath, offeredCommands, phaseOf, proposal,
  reportApprovals, statusLine, utcInputValue, type ExerciseFilter, type ProposalForm } from '../exercises';
import { formatUtc } from '../format';
import { fieldErrors } from '../transparency';
import type { AfterActionReport, Exercise, Session } from '../types';
import { MoreButton } from './MoreButton';
import { usePagedList } from './usePagedList';

const KINDS = ['COMPUTER_ASSISTED', 'COMMAND_POST', 'LIVE_OBSERVATION'];
const EXERCISE_PAGE = 20;

/**
 * The exercise planner's programme: every joint exercise with where it stands (scheduled, running, ended), the
 * commands the service lists for the caller's party (approve is the other party's; start and end the host's),
 * a proposal form, and the after-action report of an ended exercise with both parties' approvals.
 */
export function ExercisesPage({ tenant, session }: { tenant: Tenant; session: Session }) {
  const [filter, setFilter] = useState<ExerciseFilter>(ANY_EXERCISE);
  const list = usePagedList<Exercise>(tenant, exercisesPath(filter), EXERCISE_PAGE);
  const reload = list.reload;
  const [commandProblem, setProblem] = useState<string | null>(null);
  const [report, setReport] = useState<{ exercise: Exercise; report: AfterActionReport } | null>(null);
  const problem = commandProblem ?? list.problem;

  const command = async (e: Exercise, c: string) => {
    setProblem(null);
    const body = c === 'approve' ? { scenarioVersion: e.scenarioVersion }
      : c === 'cancel' ? { reason: 'cancelled in the console' } : undefined;
    try {
      await api(tenant, `exercise/exercises/${e.id}/${c}`, { method: 'POST', body: body && JSON.stringify(body) });
      await reload();
    } catch (err) {
      setProblem(err instanceof ApiError ? err.message : String(err));
    }
  };
  const openReport = (e: Exercise) => api<AfterActionReport>(tenant, `exercise/exercises/${e.id}/report`)
    .then((r) => setReport({ exercise: e, report: r })).catch((err: Error) => setProblem(err.message));

  return (
    <div className="screen-grid">
      <section className="card wide" data-testid="exercises">
        <h2>Joint exercises</h2>
        <ExerciseFilters filter={filter} onFilter={setFilter} />
        {list.loaded && list.items.length === 0 && !list.problem && <p>{!filter.status && !filter.host
          ? 'No exercise has been proposed.' : 'No exercise matches.'}</p>}
        {list.items.length > 0 && (
          <table className="list">
            <thead><tr><th>Name</th><th>Host</th><th>Window (UTC)</th><th>Phase</th><th>Status</th><th /></tr></thead>
            <tbody>
              {list.items.map((e) => (
                <tr key={e.id} data-exercise-id={e.id} data-exercise-name={e.name}>
                  <td>{e.name}</td><td>{e.host}</td>
                  <td>{formatUtc(e.window.start)} – {formatUtc(e.window.end)}</td>
                  <td className={`phase ${phaseOf(e.status)}`} data-testid="exercise-phase">{phaseOf(e.status)}</td>
                  <td data-testid="exercise-status">{statusLine(e, session.party)}</td>
                  <td>
                    {offeredCommands(e).map((c) => (
                      <button key={c} type="button" className={c === 'cancel' ? 'danger' : ''}
                        onClick={() => command(e, c)}>{COMMANDS[c]}</button>
                    ))}
                    {e.status === 'COMPLETED' && <button type="button" onClick={() => openReport(e)}>Report</button>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <MoreButton list={list} />
        {problem && <p role="alert" className="problem" data-testid="exercise-problem">{problem}</p>}
      </section>
      {report && <ReportCard tenant={tenant} session={session} exercise={report.exercise} report={report.report}
        onChange={(r) => setReport({ exercise: report.exercise, report: r })} />}
      <ProposeForm tenant={tenant} onProposed={reload} />
    </div>
  );
}

/** The service's filters of the programme: status and host. */
function ExerciseFilters({ filter, onFilter }: { filter: ExerciseFilter; onFilter: (f: ExerciseFilter) => void }) {
  return (
    <div className="filters">
      <label>Status
        <select aria-label="Exercise status" value={filter.status}
          onChange={(e) => onFilter({ ...filter, status: e.target.value as ExerciseFilter['status'] })}>
          <option value="">any</option>
          {EXERCISE_STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </label>
      <label>Host
        <select aria-label="Exercise host" value={filter.host}
          onChange={(e) => onFilter({ ...filter, host: e.target.value as ExerciseFilter['host'] })}>
          <option value="">either party</option>
          <option value="NATO">NATO</option>
          <option value="RUSSIA">Russia</option>
        </select>
      </label>
    </div>
  );
}

function ReportCard({ tenant, session, exercise, report, onChange }: {
  tenant: Tenant; session: Session; exercise: Exercise; report: AfterActionReport; onChange: (r: AfterActionReport) => void;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const { approvedBy, ownPending } = reportApprovals(report.approvals, session.party);
  const approve = () => api<AfterActionReport>(tenant, `exercise/exercises/${exercise.id}/report/approve`,
    { method: 'POST', body: JSON.stringify({ revision: report.revision }) })
    .then(onChange).catch((e: Error) => setProblem(e.message));
  return (
    <section className="card wide" data-testid="after-action-report">
      <h2>After-action report — {exercise.name}</h2>
      <dl className="facts">
        <dt>Status</dt><dd data-testid="report-status">{report.status} (revision {report.revision})</dd>
        <dt>Launches</dt><dd>{report.launches}, detected {report.detectedLaunches}</dd>
        <dt>False tracks</dt><dd>{report.falseTracks}</dd>
        <dt>Track breaks</dt><dd>{report.totalTrackBreaks}</dd>
        <dt>Approved by</dt><dd data-testid="report-approvals">{approvedBy.join(', ') || 'nobody yet'}</dd>
      </dl>
      {report.status === 'DRAFT' && ownPending && <button type="button" onClick={approve}>Approve the report</button>}
      {problem && <p role="alert" className="problem">{problem}</p>}
    </section>
  );
}

function ProposeForm({ tenant, onProposed }: { tenant: Tenant; onProposed: () => void }) {
  const [form, setForm] = useState<ProposalForm>({ name: '', kind: KINDS[0],
    start: utcInputValue(new Date(Date.now() + 60_000)), minutes: '20', missileClass: 'SRBM' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const set = (name: keyof ProposalForm) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setForm({ ...form, [name]: e.target.value });
  const propose = async (event: React.FormEvent) => {
    event.preventDefault();
    setErrors({});
    setProblem(null);
    try {
      await api(tenant, 'exercise/exercises', { method: 'POST', body: JSON.stringify(proposal(form)) });
      setForm({ ...form, name: '' });
      onProposed();
    } catch (e) {
      if (e instanceof ApiError) setErrors(fieldErrors(e.problem));
      setProblem(e instanceof ApiError ? e.message : String(e));
    }
  };
  const error = (field: string) => errors[field] && <span className="field-error" data-field={field}>{errors[field]}</span>;
  return (
    <form className="card wide" data-testid="propose-exercise" onSubmit={propose} noValidate>
      <h2>Propose an exercise (your party hosts it)</h2>
      <label>Name <input aria-label="Name" value={form.name} onChange={set('name')} />{error('name')}</label>
      <label>Kind <select aria-label="Kind" value={form.kind} onChange={set('kind')}>
        {KINDS.map((k) => <option key={k}>{k}</option>)}</select>{error('kind')}</label>
      <label>Start (UTC) <input aria-label="Start (UTC)" type="datetime-local" value={form.start} onChange={set('start')} />
        {error('window.start')}{error('window')}</label>
      <label>Minutes <input aria-label="Minutes" value={form.minutes} onChange={set('minutes')} />{error('window.end')}</label>
      <label>Missile class <input aria-label="Missile class" value={form.missileClass} onChange={set('missileClass')} />
        {error('injects[0].missileClass')}</label>
      {problem && <p role="alert" className="problem">{problem}</p>}
      <div className="form-actions"><button type="submit">Propose</button></div>
    </form>
  );
}

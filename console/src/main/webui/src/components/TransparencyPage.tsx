import { useState } from 'react';
import { api, ApiError, type Tenant } from '../api';
import { formatUtc } from '../format';
import {
  contentDetails, contentOf, DISCLOSURE_KINDS, emptyInterceptor, emptyPhase, emptyRows, emptySite, interceptorField,
  kindLabel, listField, phaseField, rowsOf, shownFields, siteField, withoutRow, type DisclosureKind, type DraftRows,
  type InterceptorRow, type PhaseRow, type SiteRow,
} from '../disclosurekinds';
import {
  COMPONENT_STATUSES, COMPONENT_TYPES, componentField, disclosuresOf, emptyComponent, fieldErrors, otherParty, roundOf,
  splitDisclosures, summarise, unplacedErrors, type ComponentRow,
} from '../transparency';
import type { Disclosure, Session } from '../types';
import { InterceptorTests } from './InterceptorTests';
import { MoreButton } from './MoreButton';
import { usePagedList } from './usePagedList';

const DISCLOSURE_PAGE = 20;

/**
 * The transparency officer's disclosures: the own party's (drafts too) with create, edit and release, and the
 * other party's released ones where reciprocity lets the service show them; then the interceptor tests.
 */
export function TransparencyPage({ tenant, session }: { tenant: Tenant; session: Session }) {
  const other = otherParty(session.party);
  const ownList = usePagedList<Disclosure>(tenant, disclosuresOf(session.party), DISCLOSURE_PAGE);
  const otherList = usePagedList<Disclosure>(tenant, disclosuresOf(other), DISCLOSURE_PAGE);
  const [commandProblem, setProblem] = useState<string | null>(null);
  // a draft being edited, or the kind of a new one
  const [editing, setEditing] = useState<Disclosure | DisclosureKind | null>(null);
  const problem = commandProblem ?? ownList.problem;

  const release = async (d: Disclosure) => {
    setProblem(null);
    try {
      await api<Disclosure>(tenant, `transparency/disclosures/${d.id}/submit`, { method: 'POST' });
      // releasing a kind may make the other party's released ones of that kind readable (reciprocity)
      await Promise.all([ownList.reload(), otherList.reload()]);
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : String(e));
    }
  };

  const own = splitDisclosures(ownList.items, session.party).own;
  const others = splitDisclosures(otherList.items, session.party).other;
  return (
    <div className="screen-grid">
      <section className="card wide" data-testid="own-disclosures">
        <h2>{session.party}'s disclosures</h2>
        {ownList.loaded && own.length === 0 && <p>None yet.</p>}
        {own.length > 0 && <DisclosureTable rows={own} actions={(d) => (<>
          {d.allowedActions.includes('edit') && <button type="button" onClick={() => setEditing(d)}>Edit</button>}
          {d.allowedActions.includes('submit') && <button type="button" onClick={() => release(d)}>Release</button>}
        </>)} />}
        <MoreButton list={ownList} />
        {problem && <p role="alert" className="problem" data-testid="disclosure-problem">{problem}</p>}
        {editing === null && (
          <div className="new-disclosure" role="group" aria-label="New disclosure">
            {DISCLOSURE_KINDS.map((k) => (
              <button key={k} type="button" onClick={() => setEditing(k)}>{`New ${kindLabel(k)} disclosure`}</button>
            ))}
          </div>
        )}
        {editing !== null && (
          <DisclosureForm key={typeof editing === 'string' ? `new ${editing}` : editing.id} tenant={tenant}
            kind={typeof editing === 'string' ? editing : editing.kind}
            draft={typeof editing === 'string' ? null : editing}
            onDone={() => { setEditing(null); ownList.reload(); }} onCancel={() => setEditing(null)} />
        )}
      </section>
      <section className="card wide" data-testid="other-disclosures">
        <h2>{other}'s released disclosures</h2>
        {otherList.loaded && others.length === 0 && !otherList.problem && <p>None you may read: the other party's
          disclosures of a kind become readable once your party has released the same kind, while transparency is in
          force.</p>}
        {others.length > 0 && <DisclosureTable rows={others} />}
        <MoreButton list={otherList} />
        {otherList.problem && <p role="alert" className="problem">{otherList.problem}</p>}
      </section>
      <InterceptorTests tenant={tenant} />
    </div>
  );
}

function DisclosureTable({ rows, actions }: { rows: Disclosure[]; actions?: (d: Disclosure) => React.ReactNode }) {
  return (
    <table className="list">
      <thead><tr><th>Kind</th><th>Round</th><th>Version</th><th>Status</th><th>Content</th><th>Released</th>
        {actions && <th />}</tr></thead>
      <tbody>
        {rows.map((d) => (
          <tr key={d.id} data-disclosure-id={d.id}>
            <td>{d.kind}</td><td>{d.round}</td><td>{d.version}</td>
            <td className={`status ${d.status.toLowerCase()}`}>{d.status}</td>
            <td title={contentDetails(d)}>{summarise(d)}{contentDetails(d) && `: ${contentDetails(d)}`}</td>
            <td>{formatUtc(d.submittedAt)}</td>
            {actions && <td>{actions(d)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type Errors = Record<string, string>;

/**
 * Create (POST) or edit (PUT) a draft of any kind: a row per component, interceptor type or phase (each phase with
 * its sites); the service's field errors appear beside the fields they name, the others under the form.
 */
function DisclosureForm({ tenant, kind, draft, onDone, onCancel }: {
  tenant: Tenant; kind: DisclosureKind; draft: Disclosure | null; onDone: () => void; onCancel: () => void;
}) {
  const [round, setRound] = useState(draft?.round ?? roundOf(new Date()));
  const [rows, setRows] = useState<DraftRows>(() => (draft ? rowsOf(draft.kind, draft.content) : emptyRows(kind)));
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<string | null>(null);
  // a removed row takes its errors with it; the later rows' move up with them
  const removed = (listPath: string, index: number) => setErrors((e) => withoutRow(e, listPath, index));

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setErrors({});
    setProblem(null);
    const content = contentOf(rows);
    try {
      if (draft) {
        await api(tenant, `transparency/disclosures/${draft.id}`, { method: 'PUT', body: JSON.stringify({ content }) });
      } else {
        await api(tenant, 'transparency/disclosures', { method: 'POST',
          body: JSON.stringify({ kind: rows.kind, round, content }) });
      }
      onDone();
    } catch (e) {
      if (e instanceof ApiError) {
        setErrors(fieldErrors(e.problem));
        setProblem(e.message);
      } else {
        setProblem(String(e));
      }
    }
  };

  return (
    <form className="disclosure-form" data-testid="disclosure-form" data-kind={rows.kind} onSubmit={save} noValidate>
      <h3>{draft ? `Edit draft — ${kindLabel(draft.kind)} ${draft.round}, version ${draft.version}`
        : `New ${kindLabel(kind)} disclosure`}</h3>
      <label className={errors.round ? 'invalid' : ''}>
        Round
        <input aria-label="Round" value={round} disabled={!!draft} onChange={(e) => setRound(e.target.value)} />
        <FieldError field="round" errors={errors} />
      </label>
      {rows.kind === 'INVENTORY' && <InventoryRows rows={rows.rows} errors={errors}
        onChange={(r) => setRows({ kind: 'INVENTORY', rows: r })} onRemoved={removed} />}
      {rows.kind === 'INTERCEPTOR_PERFORMANCE' && <InterceptorRows rows={rows.rows} errors={errors}
        onChange={(r) => setRows({ kind: 'INTERCEPTOR_PERFORMANCE', rows: r })} onRemoved={removed} />}
      {rows.kind === 'DEPLOYMENT_PLAN' && <PhaseRows rows={rows.rows} errors={errors}
        onChange={(r) => setRows({ kind: 'DEPLOYMENT_PLAN', rows: r })} onRemoved={removed} />}
      <FieldError field={listField(rows.kind)} errors={errors} />
      {problem && <p role="alert" className="problem">{problem}</p>}
      {unplacedErrors(errors, shownFields(rows)).map((m) => <p key={m} className="field-error">{m}</p>)}
      <div className="form-actions">
        <button type="submit">Save draft</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

interface RowsProps<R> {
  rows: R[];
  errors: Errors;
  onChange: (rows: R[]) => void;
  /** After row `index` of the list at `listPath` is gone. */
  onRemoved: (listPath: string, index: number) => void;
}

const replaced = <R,>(rows: readonly R[], i: number, row: R) => rows.map((r, j) => (j === i ? row : r));
const without = <R,>(rows: readonly R[], i: number) => rows.filter((_, j) => j !== i);

function InventoryRows({ rows, errors, onChange, onRemoved }: RowsProps<ComponentRow>) {
  const set = (i: number, name: keyof ComponentRow) => (value: string) => onChange(replaced(rows, i, { ...rows[i], [name]: value }));
  return (<>
    {rows.map((r, i) => (
      <fieldset key={i} className="component">
        <legend>Component {i + 1}</legend>
        <Choice label="Type" n={`${i + 1}`} field={componentField(i, 'type')} options={COMPONENT_TYPES} value={r.type}
          onChange={set(i, 'type')} errors={errors} />
        <TextField label="Designation" n={`${i + 1}`} field={componentField(i, 'designation')} value={r.designation}
          onChange={set(i, 'designation')} errors={errors} />
        <TextField label="Count" n={`${i + 1}`} field={componentField(i, 'count')} value={r.count}
          onChange={set(i, 'count')} errors={errors} />
        <TextField label="Latitude" n={`${i + 1}`} field={componentField(i, 'lat')} value={r.lat}
          onChange={set(i, 'lat')} errors={errors} />
        <TextField label="Longitude" n={`${i + 1}`} field={componentField(i, 'lon')} value={r.lon}
          onChange={set(i, 'lon')} errors={errors} />
        <Choice label="Status" n={`${i + 1}`} field={componentField(i, 'status')} options={COMPONENT_STATUSES}
          value={r.status} onChange={set(i, 'status')} errors={errors} />
        <button type="button" onClick={() => { onChange(without(rows, i)); onRemoved('content.components', i); }}>
          Remove component {i + 1}</button>
      </fieldset>
    ))}
    <button type="button" onClick={() => onChange([...rows, emptyComponent()])}>Add component</button>
  </>);
}

function InterceptorRows({ rows, errors, onChange, onRemoved }: RowsProps<InterceptorRow>) {
  const set = (i: number, name: keyof InterceptorRow) => (value: string) =>
    onChange(replaced(rows, i, { ...rows[i], [name]: value }));
  const field = (i: number, name: keyof InterceptorRow, label: string) => (
    <TextField label={label} n={`${i + 1}`} field={interceptorField(i, name)} value={rows[i][name]}
      onChange={set(i, name)} errors={errors} />
  );
  return (<>
    {rows.map((_, i) => (
      <fieldset key={i} className="component">
        <legend>Interceptor {i + 1}</legend>
        {field(i, 'interceptorType', 'Interceptor type')}
        {field(i, 'maxRangeKm', 'Max range (km)')}
        {field(i, 'maxAltitudeKm', 'Max altitude (km)')}
        {field(i, 'burnoutVelocityKmS', 'Burnout velocity (km/s)')}
        <button type="button" onClick={() => { onChange(without(rows, i)); onRemoved('content.interceptors', i); }}>
          Remove interceptor {i + 1}</button>
      </fieldset>
    ))}
    <button type="button" onClick={() => onChange([...rows, emptyInterceptor()])}>Add interceptor type</button>
  </>);
}

function PhaseRows({ rows, errors, onChange, onRemoved }: RowsProps<PhaseRow>) {
  const setPhase = (i: number, phase: PhaseRow) => onChange(replaced(rows, i, phase));
  const set = (i: number, name: 'name' | 'startDate' | 'endDate') => (value: string) =>
    setPhase(i, { ...rows[i], [name]: value });
  const setSite = (i: number, j: number, name: keyof SiteRow) => (value: string) =>
    setPhase(i, { ...rows[i], sites: replaced(rows[i].sites, j, { ...rows[i].sites[j], [name]: value }) });
  return (<>
    {rows.map((p, i) => (
      <fieldset key={i} className="component">
        <legend>Phase {i + 1}</legend>
        <TextField label="Phase name" n={`${i + 1}`} field={phaseField(i, 'name')} value={p.name}
          onChange={set(i, 'name')} errors={errors} />
        <TextField label="Start date" n={`${i + 1}`} type="date" field={phaseField(i, 'startDate')} value={p.startDate}
          onChange={set(i, 'startDate')} errors={errors} />
        <TextField label="End date" n={`${i + 1}`} type="date" field={phaseField(i, 'endDate')} value={p.endDate}
          onChange={set(i, 'endDate')} errors={errors} />
        {p.sites.map((s, j) => {
          const n = `${i + 1}.${j + 1}`;
          return (
            <fieldset key={j} className="component site">
              <legend>Site {n}</legend>
              <TextField label="Site designation" n={n} field={siteField(i, j, 'designation')} value={s.designation}
                onChange={setSite(i, j, 'designation')} errors={errors} />
              <TextField label="Site latitude" n={n} field={siteField(i, j, 'lat')} value={s.lat}
                onChange={setSite(i, j, 'lat')} errors={errors} />
              <TextField label="Site longitude" n={n} field={siteField(i, j, 'lon')} value={s.lon}
                onChange={setSite(i, j, 'lon')} errors={errors} />
              <TextField label="Site count" n={n} field={siteField(i, j, 'count')} value={s.count}
                onChange={setSite(i, j, 'count')} errors={errors} />
              <button type="button" onClick={() => {
                setPhase(i, { ...p, sites: without(p.sites, j) });
                onRemoved(phaseField(i, 'sites'), j);
              }}>Remove site {n}</button>
            </fieldset>
          );
        })}
        <FieldError field={phaseField(i, 'sites')} errors={errors} />
        <div className="form-actions">
          <button type="button" onClick={() => setPhase(i, { ...p, sites: [...p.sites, emptySite()] })}>
            Add site to phase {i + 1}</button>
          <button type="button" onClick={() => { onChange(without(rows, i)); onRemoved('content.phases', i); }}>
            Remove phase {i + 1}</button>
        </div>
      </fieldset>
    ))}
    <button type="button" onClick={() => onChange([...rows, emptyPhase()])}>Add phase</button>
  </>);
}

/** The service's message for `field`, beside it; `data-field` names the path it was reported for. */
function FieldError({ field, errors }: { field: string; errors: Errors }) {
  return errors[field] ? <span className="field-error" data-field={field}>{errors[field]}</span> : null;
}

function TextField({ label, n, field, value, onChange, errors, type }: {
  label: string; n: string; field: string; value: string; onChange: (value: string) => void; errors: Errors;
  type?: 'date';
}) {
  return (
    <label className={errors[field] ? 'invalid' : ''}>
      {label}
      <input aria-label={`${label} ${n}`} type={type} value={value} onChange={(e) => onChange(e.target.value)} />
      <FieldError field={field} errors={errors} />
    </label>
  );
}

function Choice({ label, n, field, options, value, onChange, errors }: {
  label: string; n: string; field: string; options: readonly string[]; value: string;
  onChange: (value: string) => void; errors: Errors;
}) {
  return (
    <label className={errors[field] ? 'invalid' : ''}>
      {label}
      <select aria-label={`${label} ${n}`} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
      <FieldError field={field} errors={errors} />
    </label>
  );
}

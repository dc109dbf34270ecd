import { useState } from 'react';
import { api, ApiError, type Tenant } from '../api';
import { formatUtc } from '../format';
import {
  COMPONENT_STATUSES, COMPONENT_TYPES, componentField, disclosuresOf, emptyComponent, fieldErrors, inventoryContent,
  otherParty, roundOf, rowsOfInventory, splitDisclosures, summarise, unplacedErrors, type ComponentRow,
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
  const [editing, setEditing] = useState<Disclosure | 'new' | null>(null);
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
        {editing === null && <button type="button" onClick={() => setEditing('new')}>New inventory disclosure</button>}
        {editing !== null && (
          <DisclosureForm key={editing === 'new' ? 'new' : editing.id} tenant={tenant}
            draft={editing === 'new' ? null : editing}
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
            <td title={designations(d)}>{summarise(d)}{designations(d) && `: ${designations(d)}`}</td>
            <td>{formatUtc(d.submittedAt)}</td>
            {actions && <td>{actions(d)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function designations(d: Disclosure): string {
  if (d.kind !== 'INVENTORY') return '';
  return rowsOfInventory(d.content).map((r) => `${r.designation} (${r.count})`).join(', ');
}

/** Create (POST) or edit (PUT) an INVENTORY draft; the service's field errors appear beside the fields. */
function DisclosureForm({ tenant, draft, onDone, onCancel }: {
  tenant: Tenant; draft: Disclosure | null; onDone: () => void; onCancel: () => void;
}) {
  const [round, setRound] = useState(draft?.round ?? roundOf(new Date()));
  const [rows, setRows] = useState<ComponentRow[]>(draft ? rowsOfInventory(draft.content) : [emptyComponent()]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);

  const set = (i: number, name: keyof ComponentRow, value: string) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, [name]: value } : r)));

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setErrors({});
    setProblem(null);
    const content = inventoryContent(rows);
    try {
      if (draft) {
        await api(tenant, `transparency/disclosures/${draft.id}`, { method: 'PUT', body: JSON.stringify({ content }) });
      } else {
        await api(tenant, 'transparency/disclosures', { method: 'POST',
          body: JSON.stringify({ kind: 'INVENTORY', round, content }) });
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

  const fields = ['round', ...rows.flatMap((_, i) =>
    (['type', 'designation', 'count', 'lat', 'lon', 'status'] as const).map((n) => componentField(i, n)))];
  const input = (i: number, name: keyof ComponentRow, label: string) => {
    const field = componentField(i, name);
    return (
      <label className={errors[field] ? 'invalid' : ''}>
        {label}
        <input aria-label={`${label} ${i + 1}`} value={rows[i][name]} onChange={(e) => set(i, name, e.target.value)} />
        {errors[field] && <span className="field-error" data-field={field}>{errors[field]}</span>}
      </label>
    );
  };
  const choice = (i: number, name: 'type' | 'status', options: readonly string[]) => (
    <label>
      {name === 'type' ? 'Type' : 'Status'}
      <select aria-label={`${name === 'type' ? 'Type' : 'Status'} ${i + 1}`} value={rows[i][name]}
        onChange={(e) => set(i, name, e.target.value)}>
        {options.map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
      {errors[componentField(i, name)] && <span className="field-error">{errors[componentField(i, name)]}</span>}
    </label>
  );

  return (
    <form className="disclosure-form" data-testid="disclosure-form" onSubmit={save} noValidate>
      <h3>{draft ? `Edit draft — inventory ${draft.round}, version ${draft.version}` : 'New inventory disclosure'}</h3>
      <label className={errors.round ? 'invalid' : ''}>
        Round
        <input aria-label="Round" value={round} disabled={!!draft} onChange={(e) => setRound(e.target.value)} />
        {errors.round && <span className="field-error" data-field="round">{errors.round}</span>}
      </label>
      {rows.map((_, i) => (
        <fieldset key={i} className="component">
          <legend>Component {i + 1}</legend>
          {choice(i, 'type', COMPONENT_TYPES)}
          {input(i, 'designation', 'Designation')}
          {input(i, 'count', 'Count')}
          {input(i, 'lat', 'Latitude')}
          {input(i, 'lon', 'Longitude')}
          {choice(i, 'status', COMPONENT_STATUSES)}
        </fieldset>
      ))}
      <button type="button" onClick={() => setRows([...rows, emptyComponent()])}>Add component</button>
      {problem && <p role="alert" className="problem">{problem}</p>}
      {unplacedErrors(errors, fields).map((m) => <p key={m} className="field-error">{m}</p>)}
      <div className="form-actions">
        <button type="submit">Save draft</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

import { useState } from 'react';
import { amendmentProposal as proposal } from '../agreement';
import { api, ApiError, type Tenant } from '../api';
import { formatUtc } from '../format';
import { fieldErrors } from '../transparency';
import type { Amendment, AmendmentType } from '../types';

const TYPES: Record<AmendmentType, string> = {
  TEXT: 'Text only (changes nothing)',
  ADD_ELEMENT: 'Add (or re-open) an element',
  REMOVE_ELEMENT: 'Remove an element',
  CHANGE_NOTICE_PERIOD: 'Change the notice period',
};
const ELEMENTS = ['TRANSPARENCY', 'JOINT_EXERCISES', 'DATA_FUSION_CENTRE', 'COOPERATION_CENTRE'];

import { useLatest } from './useLatest';

/** The agreement's amendments: propose, endorse or reject (as the service lists for the caller), and their history. */
export function Amendments({ tenant, agreementId }: { tenant: Tenant; agreementId: string }) {
  const base = `agreement/agreements/${agreementId}/amendments`;
  const { data: amendments, problem: readProblem, reload } = useLatest<Amendment[]>(tenant, base);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [type, setType] = useState<AmendmentType>('TEXT');
  const [element, setElement] = useState(ELEMENTS[0]);
  const [noticeMonths, setNoticeMonths] = useState('6');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);

  const send = async (path: string, body: unknown) => {
    setProblem(null);
    setErrors({});
    try {
      await api(tenant, path, { method: 'POST', body: JSON.stringify(body) });
      await reload();
      return true;
    } catch (e) {
      if (e instanceof ApiError) setErrors(fieldErrors(e.problem));
      setProblem(e instanceof ApiError ? e.message : String(e));
      return false;
    }
  };
  const propose = async (event: React.FormEvent) => {
    event.preventDefault();
    if (await send(base, proposal(title, text, type, element, noticeMonths))) { setTitle(''); setText(''); }
  };

  return (
    <section className="card" data-testid="amendments">
      <h2>Amendments</h2>
      {amendments && amendments.length === 0 && <p>No amendment has been proposed.</p>}
      {amendments?.map((a) => (
        <article key={a.id} className="test" data-amendment-title={a.title}>
          <h3>{a.title} <span className="status" data-testid="amendment-status">{a.status}</span></h3>
          <p>{a.text}</p>
          {a.type && a.type !== 'TEXT' && <p data-testid="amendment-type">{TYPES[a.type]}: {a.element ?? `${a.noticeMonths} months`}</p>}
          {a.effect && <p data-testid="amendment-effect">Changed: {a.effect}</p>}
          <p>Proposed by {a.proposedBy}; endorsed by {Object.keys(a.endorsements).join(', ') || 'nobody yet'}.</p>
          <ol className="history">{a.history.map((h) => (
            <li key={h.at + h.action}>{formatUtc(h.at)} {h.party ?? 'system'} {h.action}{h.note ? `: ${h.note}` : ''}</li>
          ))}</ol>
          {a.allowedActions.includes('endorse') && <button type="button"
            onClick={() => send(`${base}/${a.id}/endorse`, {})}>Endorse</button>}
          {a.allowedActions.includes('reject') && <button type="button" className="danger"
            onClick={() => send(`${base}/${a.id}/reject`, { reason: 'rejected by the liaison in the console' })}>Reject</button>}
        </article>
      ))}
      <form onSubmit={propose} noValidate>
        <h3>Propose an amendment</h3>
        <label>Title <input aria-label="Amendment title" value={title} onChange={(e) => setTitle(e.target.value)} />
          {errors.title && <span className="field-error" data-field="title">{errors.title}</span>}</label>
        <label>Text <textarea aria-label="Amendment text" value={text} onChange={(e) => setText(e.target.value)} />
          {errors.text && <span className="field-error" data-field="text">{errors.text}</span>}</label>
        <label>Type <select aria-label="Amendment type" value={type} onChange={(e) => setType(e.target.value as AmendmentType)}>
          {(Object.keys(TYPES) as AmendmentType[]).map((t) => <option key={t} value={t}>{TYPES[t]}</option>)}
        </select></label>
        {(type === 'ADD_ELEMENT' || type === 'REMOVE_ELEMENT') && (
          <label>Element <select aria-label="Amendment element" value={element} onChange={(e) => setElement(e.target.value)}>
            {ELEMENTS.map((el) => <option key={el} value={el}>{el}</option>)}
          </select>
            {errors.element && <span className="field-error" data-field="element">{errors.element}</span>}</label>
        )}
        {type === 'CHANGE_NOTICE_PERIOD' && (
          <label>Notice (months) <input aria-label="Amendment notice months" value={noticeMonths}
            onChange={(e) => setNoticeMonths(e.target.value)} />
            {errors.noticeMonths && <span className="field-error" data-field="noticeMonths">{errors.noticeMonths}</span>}</label>
        )}
        <div className="form-actions"><button type="submit">Propose the amendment</button></div>
      </form>
      {(problem ?? readProblem) && <p role="alert" className="problem">{problem ?? readProblem}</p>}
    </section>
  );
}

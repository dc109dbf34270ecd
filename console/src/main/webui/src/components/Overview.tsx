import { useEffect, useState } from 'react';
import { api, type Tenant } from '../api';
import { elementsInForce } from '../agreement';
import { formatCountdown, formatElement, formatTerm, formatUtc } from '../format';
import type { AgreementView, Session } from '../types';
import { MoreButton } from './MoreButton';
import { useAgreementStatus, useNow } from './useAgreement';
import { usePagedList } from './usePagedList';

const READS_AGREEMENTS = ['liaison', 'analyst', 'auditor'];

/** The agreement: state, term, countdown to expiry and what is in force. */
export function Overview({ tenant, session }: { tenant: Tenant; session: Session }) {
  const { status, error, loaded } = useAgreementStatus(tenant);
  const now = useNow();
  const [view, setView] = useState<AgreementView | null>(null);
  const readsTerms = session.roles.some((r) => READS_AGREEMENTS.includes(r));

  useEffect(() => {
    if (!readsTerms || !status) return;
    api<AgreementView>(tenant, `agreement/agreements/${status.agreementId}`)
      .then(setView)
      .catch(() => setView(null));
  }, [tenant, readsTerms, status?.agreementId, status?.status]);

  if (error) return <p role="alert" className="problem">{error}</p>;
  if (!loaded) return <p>Loading the agreement…</p>;
  if (!status) return <section className="card" data-testid="agreement"><h2>Agreement</h2><p>No agreement has been proposed.</p></section>;
  const inForce = elementsInForce(status);
  return (
    <>
    <section className="card" data-testid="agreement">
      <h2>Agreement</h2>
      <dl className="facts">
        <dt>State</dt><dd data-testid="agreement-state">{status.status}{status.inForce ? ' (in force)' : ''}</dd>
        {view && <><dt>Proposed by</dt><dd>{view.proposer}</dd></>}
        {view && <><dt>Term</dt><dd data-testid="agreement-term">{formatTerm(view.termMonths)}</dd></>}
        <dt>In force since</dt><dd>{formatUtc(status.effectiveAt)}</dd>
        <dt>Expires</dt><dd>{formatUtc(status.expiresAt)}</dd>
        {status.inForce && status.expiresAt && <><dt>Time left</dt>
          <dd data-testid="agreement-countdown" className="countdown">{formatCountdown(status.expiresAt, now)}</dd></>}
        {status.noticeEndsAt && <><dt>Notice ends</dt><dd>{formatUtc(status.noticeEndsAt)}</dd></>}
        {status.endedAt && <><dt>Ended</dt><dd>{formatUtc(status.endedAt)}</dd></>}
      </dl>
      <h3>In force</h3>
      {inForce.length === 0
        ? <p data-testid="elements-in-force">Nothing: cooperation is not in force.</p>
        : <ul data-testid="elements-in-force">{inForce.map((e) => <li key={e}>{formatElement(e)}</li>)}</ul>}
    </section>
    {readsTerms && <AgreementList tenant={tenant} />}
    </>
  );
}

const LIST_PAGE = 10;

/** Every agreement the caller may see, newest first, a page at a time from the service (limit and cursor). */
function AgreementList({ tenant }: { tenant: Tenant }) {
  const list = usePagedList<AgreementView>(tenant, 'agreement/agreements', LIST_PAGE);
  return (
    <section className="card" data-testid="agreement-list">
      <h2>All agreements</h2>
      <table className="list">
        <thead><tr><th>Agreement</th><th>State</th><th>Proposed by</th><th>Effective</th><th>Expires</th></tr></thead>
        <tbody>{list.items.map((a) => (
          <tr key={a.id} data-agreement={a.id}><td>{a.id.slice(0, 8)}</td><td>{a.status}</td><td>{a.proposer}</td>
            <td>{formatUtc(a.effectiveAt)}</td><td>{formatUtc(a.expiresAt)}</td></tr>
        ))}</tbody>
      </table>
      <MoreButton list={list} />
      {list.problem && <p role="alert" className="problem">{list.problem}</p>}
    </section>
  );
}

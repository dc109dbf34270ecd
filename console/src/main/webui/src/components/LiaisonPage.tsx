import { useEffect, useState } from 'react';
import { api, ApiError, type Tenant } from '../api';
import { CONSENT_COMMANDS, consentLines, consentOutcome, offeredConsents, walkAwayConsequence } from '../agreement';
import { formatUtc } from '../format';
import { Amendments } from './Amendments';
import type { AgreementView } from '../types';
import { useAgreementStatus } from './useAgreement';

const ACTIONS: Record<string, string> = {
  submit: 'Submit the proposal',
  accept: 'Accept the proposal',
  reject: 'Reject the proposal',
  retract: 'Retract the proposal',
  withdraw: 'Walk away',
};

/** The liaison's commands on the current agreement; only those the service lists as allowed are offered. */
export function LiaisonPage({ tenant }: { tenant: Tenant }) {
  const { status } = useAgreementStatus(tenant);
  const [view, setView] = useState<AgreementView | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [months, setMonths] = useState('24');
  const [outcome, setOutcome] = useState<string | null>(null);
  const [stopping, setStopping] = useState<string | null>(null);

  useEffect(() => {
    if (!status) return;
    api<AgreementView>(tenant, `agreement/agreements/${status.agreementId}`).then(setView).catch(() => setView(null));
  }, [tenant, status?.agreementId, status?.status]);

  if (!status || !view) return <section className="card" data-testid="liaison-actions"><h2>Liaison actions</h2><p>No open agreement.</p></section>;

  const run = async (action: string) => {
    setProblem(null);
    try {
      const body = action === 'withdraw' || action === 'reject' || action === 'retract'
        ? JSON.stringify({ reason: 'by the liaison in the console' }) : undefined;
      setView(await api<AgreementView>(tenant, `agreement/agreements/${view.id}/${action}`, { method: 'POST', body }));
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : String(e));
    } finally {
      setConfirming(null);
    }
  };

  const consent = async (command: string) => {
    setProblem(null);
    setOutcome(null);
    const c = CONSENT_COMMANDS[command];
    try {
      const after = await api<AgreementView>(tenant, `agreement/agreements/${view.id}/${c.path}`, {
        method: c.method, body: command === 'consent-extension' ? JSON.stringify({ months: Number(months) }) : undefined,
      });
      setOutcome(consentOutcome(view, after));
      setView(after);
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : String(e));
    }
  };

  const stop = async (element: string) => {
    setProblem(null);
    try {
      setView(await api<AgreementView>(tenant, `agreement/agreements/${view.id}/elements/${element}/stop`, {
        method: 'POST', body: JSON.stringify({ reason: 'stopped by the liaison in the console' }),
      }));
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : String(e));
    } finally {
      setStopping(null);
    }
  };

  const offered = view.allowedActions.filter((a) => a in ACTIONS);
  return (
    <>
    <section className="card" data-testid="liaison-actions">
      <h2>Liaison actions</h2>
      <p>Agreement {view.id.slice(0, 8)} — {view.status}</p>
      {offered.length === 0 && <p>No action is open to your party now.</p>}
      {offered.map((a) => (
        <button key={a} type="button" className={a === 'withdraw' ? 'danger' : ''} onClick={() => setConfirming(a)}>
          {ACTIONS[a]}
        </button>
      ))}
      {confirming && (
        <div role="dialog" aria-label="Confirm" className="confirm">
          <p>{confirming === 'withdraw' ? walkAwayConsequence(status) : `${ACTIONS[confirming]}?`}</p>
          <button type="button" className="danger" onClick={() => run(confirming)}>Confirm</button>
          <button type="button" onClick={() => setConfirming(null)}>Cancel</button>
        </div>
      )}
      {problem && <p role="alert" className="problem">{problem}</p>}
    </section>
    {view.inForce && (
    <section className="card" data-testid="elements">
      <h2>Elements</h2>
      <p>Either party may stop one element alone; it closes at once, the others continue. Re-opening needs both
        parties (an amendment adding it). Stopping the last running element is walking away.</p>
      <ul>{view.elements.map((el) => (
        <li key={el} data-element={el}>{el} — running{' '}
          <button type="button" className="danger" onClick={() => setStopping(el)}>Stop</button></li>
      ))}
      {(view.stoppedElements ?? []).map((el) => <li key={el} data-element={el}>{el} — stopped</li>)}</ul>
      {stopping && (
        <div role="dialog" aria-label="Confirm the stop" className="confirm">
          <p>{view.elements.length === 1 ? `${stopping} is the last running element: stopping it withdraws from the agreement.`
            : `Stop ${stopping} now? Re-opening it needs the other party's endorsement.`}</p>
          <button type="button" className="danger" onClick={() => stop(stopping)}>Confirm</button>
          <button type="button" onClick={() => setStopping(null)}>Cancel</button>
        </div>
      )}
    </section>
    )}
    <section className="card" data-testid="consents">
      <h2>Extension and permanence</h2>
      <p>Expires <span data-testid="expires-at">{formatUtc(view.expiresAt)}</span></p>
      <table className="list">
        <thead><tr><th>Party</th><th>Extension consent</th><th>Permanence consent</th></tr></thead>
        <tbody>{consentLines(view).map((l) => (
          <tr key={l.party} data-party={l.party}><td>{l.party}</td><td>{l.extension}</td><td>{l.permanence}</td></tr>
        ))}</tbody>
      </table>
      <div className="form-actions">
        {offeredConsents(view).includes('consent-extension') && (
          <label>Months <input aria-label="Extension months" value={months} onChange={(e) => setMonths(e.target.value)} /></label>
        )}
        {offeredConsents(view).map((c) => (
          <button key={c} type="button" onClick={() => consent(c)}>{CONSENT_COMMANDS[c].label}</button>
        ))}
      </div>
      {outcome && <p role="status" data-testid="consent-outcome">{outcome}</p>}
    </section>
    <Amendments tenant={tenant} agreementId={view.id} />
    </>
  );
}

import { useEffect, useState } from 'react';
import { api, type Tenant } from '../api';
import { actorOf, shortHash, verificationText } from '../audit';
import { formatUtc } from '../format';
import type { AuditPage as Page, AuditVerification } from '../types';

const PAGE = 50;

/** The joint audit chain, read-only: the agreement-service's verification of every hash, then the entries by page. */
export function AuditPage({ tenant }: { tenant: Tenant }) {
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [page, setPage] = useState<Page | null>(null);
  const [from, setFrom] = useState<number[]>([1]);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    api<AuditVerification>(tenant, 'agreement/audit/verify').then(setVerification).catch((e: Error) => setProblem(e.message));
  }, [tenant]);
  useEffect(() => {
    api<Page>(tenant, `agreement/audit?fromSeq=${from[from.length - 1]}&limit=${PAGE}`).then(setPage)
      .catch((e: Error) => setProblem(e.message));
  }, [tenant, from]);

  return (
    <section className="card wide" data-testid="audit">
      <h2>Joint audit log</h2>
      {verification && (
        <p data-testid="audit-verification" className={verification.valid ? 'ok' : 'problem'}>
          {verificationText(verification)} <span title={verification.headHash}>Head hash {shortHash(verification.headHash)}</span>
        </p>
      )}
      {problem && <p role="alert" className="problem">{problem}</p>}
      {page && (
        <table className="list" data-testid="audit-entries">
          <thead><tr><th>#</th><th>Time (UTC)</th><th>Party</th><th>Action</th><th>Agreement</th><th>Hash</th></tr></thead>
          <tbody>{page.entries.map((e) => (
            <tr key={e.seq} data-seq={e.seq}><td>{e.seq}</td><td>{formatUtc(e.at)}</td><td>{actorOf(e)}</td>
              <td>{e.action}</td><td>{e.agreementId?.slice(0, 8) ?? '—'}</td><td title={e.hash}>{shortHash(e.hash)}</td></tr>
          ))}</tbody>
        </table>
      )}
      <div className="form-actions">
        {from.length > 1 && <button type="button" onClick={() => setFrom(from.slice(0, -1))}>Previous</button>}
        {page?.nextSeq != null && <button type="button" onClick={() => setFrom([...from, page.nextSeq as number])}>Next</button>}
        <a href={`/api/${tenant}/agreement/audit/export`} download="audit-chain.json">Export the chain</a>
      </div>
    </section>
  );
}

import { useEffect, useState } from 'react';
import { api, type Tenant } from '../api';
import { actorOf, newestFirstWindow, pageCount, shortHash, verificationText } from '../audit';
import { formatUtc } from '../format';
import type { AuditPage as Page, AuditVerification } from '../types';

const PAGE = 50;

/**
 * The joint audit chain, read-only: the agreement-service's verification of every hash, then the entries newest
 * first by page of 50 (from the head read when the screen opened; *Newest* reads it again).
 */
export function AuditPage({ tenant }: { tenant: Tenant }) {
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [head, setHead] = useState<number | null>(null);
  const [index, setIndex] = useState(0);
  const [page, setPage] = useState<Page | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [reads, setReads] = useState(0);

  useEffect(() => {
    api<AuditVerification>(tenant, 'agreement/audit/verify').then(setVerification).catch((e: Error) => setProblem(e.message));
    api<{ seq: number }>(tenant, 'agreement/audit/head').then((h) => setHead(h.seq)).catch((e: Error) => setProblem(e.message));
  }, [tenant, reads]);
  useEffect(() => {
    if (head == null) return;
    const window = newestFirstWindow(head, index, PAGE);
    if (!window) { setPage({ entries: [], nextSeq: null }); return; }
    let alive = true;
    api<Page>(tenant, `agreement/audit?fromSeq=${window.fromSeq}&limit=${window.limit}`)
      .then((p) => { if (alive) setPage({ ...p, entries: [...p.entries].reverse() }); })
      .catch((e: Error) => setProblem(e.message));
    return () => { alive = false; };
  }, [tenant, head, index]);

  const pages = head == null ? 1 : pageCount(head, PAGE);
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
        <span data-testid="audit-page">Page {index + 1} of {pages} (newest first)</span>
        {index > 0 && <button type="button" onClick={() => { setIndex(0); setReads(reads + 1); }}>Newest</button>}
        {index > 0 && <button type="button" onClick={() => setIndex(index - 1)}>Newer</button>}
        {index < pages - 1 && <button type="button" onClick={() => setIndex(index + 1)}>Older</button>}
        {index < pages - 1 && <button type="button" onClick={() => setIndex(pages - 1)}>Oldest</button>}
        <a href={`/api/${tenant}/agreement/audit/export`} download="audit-chain.json">Export the chain</a>
      </div>
    </section>
  );
}

// The auditor's screen: the joint audit chain and what the agreement-service's verification found.
import type { AuditEntry, AuditVerification } from './types';

/** The verification result in words. */
export function verificationText(v: AuditVerification): string {
  if (v.valid) return `Chain intact: ${v.checkedEntries} entries verified, head #${v.headSeq}.`;
  return `Chain broken at entry #${v.firstBrokenSeq ?? '?'} (${v.failure ?? 'unknown'}): ${v.reason ?? ''}`.trim()
    + ` ${v.checkedEntries} entries before it verified.`;
}

/** "a1b2c3d4…" — a hash shortened for the table (the full one is in the title and the export). */
export function shortHash(hash: string): string {
  return hash.length > 12 ? `${hash.slice(0, 12)}…` : hash;
}

/** Who acted: the party, or "system" for the scheduler's actions. */
export function actorOf(entry: AuditEntry): string {
  return entry.party ?? 'system';
}

/**
 * The entries of page `index` (0 = the newest) of a chain whose head is `headSeq`, newest first, `size` a page:
 * the service reads forward from a sequence number, so page k asks for the `size` entries ending k pages below the
 * head. Null past the oldest entry.
 */
export function newestFirstWindow(headSeq: number, index: number, size: number): { fromSeq: number; limit: number } | null {
  const last = headSeq - index * size;
  if (last < 1) return null;
  const fromSeq = Math.max(1, last - size + 1);
  return { fromSeq, limit: last - fromSeq + 1 };
}

/** How many pages of `size` a chain with head `headSeq` has. */
export function pageCount(headSeq: number, size: number): number {
  return Math.max(1, Math.ceil(headSeq / size));
}

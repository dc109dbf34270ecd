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

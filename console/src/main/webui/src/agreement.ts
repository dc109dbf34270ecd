import { formatElement } from './format';
import type { AgreementStatus } from './types';

const OPEN = ['PROVISIONAL', 'PERMANENT', 'WITHDRAWAL_PENDING', 'PROPOSED'];

/**
 * The agreement the overview shows: the one in force, else one open (proposed), else the latest to have changed.
 * At most one agreement occupies "the slot" at a time, so the first two are unique.
 */
export function currentAgreement(statuses: readonly AgreementStatus[]): AgreementStatus | null {
  const inForce = statuses.find((s) => s.inForce);
  if (inForce) return inForce;
  const open = statuses.find((s) => OPEN.includes(s.status));
  if (open) return open;
  // the latest to change: statuses carry no publication time (only a per-agreement revision), so by their own times
  return [...statuses].sort((a, b) => latest(b).localeCompare(latest(a)))[0] ?? null;
}

function latest(s: AgreementStatus): string {
  return s.endedAt ?? s.effectiveAt ?? '';
}

/** The elements actually in force: all of the agreement's while it is in force, none otherwise. */
export function elementsInForce(status: AgreementStatus | null): string[] {
  return status && status.inForce ? [...status.elements].sort() : [];
}

/** What a walk-away stops (shown in the confirmation): every element in force, and from when. */
export function walkAwayConsequence(status: AgreementStatus): string {
  const elements = elementsInForce(status);
  if (status.status === 'PERMANENT') {
    return 'The agreement is permanent: walking away starts the notice period; cooperation ends when it runs out.';
  }
  if (elements.length === 0) return 'Nothing is in force: there is nothing to stop.';
  return `Walking away ends the agreement at once for both parties. This stops: ${elements.map(formatElement).join(', ')}.`;
}

import { formatElement, formatUtc } from './format';
import type { AgreementStatus, AgreementView, PartyName } from './types';

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

/** Both parties' consents in words, for the liaison: "NATO: extend by 24 months", "RUSSIA: not given". */
export function consentLines(view: AgreementView): { party: PartyName; extension: string; permanence: string }[] {
  return (['NATO', 'RUSSIA'] as PartyName[]).map((party) => {
    const extension = view.extensionConsents?.[party];
    const permanence = view.permanenceConsents?.[party];
    return {
      party,
      extension: extension ? `extend by ${extension.months} months (since ${formatUtc(extension.at)})` : 'not given',
      permanence: permanence ? `given ${formatUtc(permanence.at)}` : 'not given',
    };
  });
}

/** The consent commands the service lists for the caller's party, as method and path below the agreement. */
export const CONSENT_COMMANDS: Record<string, { label: string; method: 'PUT' | 'DELETE'; path: string }> = {
  'consent-extension': { label: 'Consent to extend', method: 'PUT', path: 'extension-consent' },
  'revoke-extension': { label: 'Revoke the extension consent', method: 'DELETE', path: 'extension-consent' },
  'consent-permanence': { label: 'Consent to permanence', method: 'PUT', path: 'permanence-consent' },
  'revoke-permanence': { label: 'Revoke the permanence consent', method: 'DELETE', path: 'permanence-consent' },
};

export function offeredConsents(view: AgreementView): string[] {
  return Object.keys(CONSENT_COMMANDS).filter((c) => view.allowedActions.includes(c));
}

/**
 * What a consent command did, in words, from the agreement before and after it. The service consumes both parties'
 * extension consents when the second one extends the agreement (they are no longer pending), so the screen says so
 * instead of showing two "not given" consents as if nothing had happened.
 */
export function consentOutcome(before: AgreementView, after: AgreementView): string | null {
  if (before.status !== 'PERMANENT' && after.status === 'PERMANENT') {
    return 'Both parties have consented: the agreement is permanent.';
  }
  if (before.expiresAt && after.expiresAt && Date.parse(after.expiresAt) > Date.parse(before.expiresAt)) {
    // the months the other party had consented to (the second consent must name the same)
    const months = before.extensionConsents?.NATO?.months ?? before.extensionConsents?.RUSSIA?.months;
    return `Both parties have consented: the agreement is extended${months ? ` by ${months} months` : ''}; `
      + `it now expires ${formatUtc(after.expiresAt)} (was ${formatUtc(before.expiresAt)}).`;
  }
  return null;
}

/**
 * The request body of an amendment proposal (issue 16): the parameter only for the type that takes it, and a TEXT
 * amendment exactly as before typed ones (no `type`).
 */
export function amendmentProposal(title: string, text: string, type: string, element: string, noticeMonths: string) {
  if (type === 'ADD_ELEMENT' || type === 'REMOVE_ELEMENT') return { title, text, type, element };
  if (type === 'CHANGE_NOTICE_PERIOD') return { title, text, type, noticeMonths: Number(noticeMonths) };
  return { title, text };
}

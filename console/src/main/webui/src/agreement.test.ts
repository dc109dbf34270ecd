import { describe, expect, it } from 'vitest';
import { amendmentProposal, CONSENT_COMMANDS, consentLines, consentOutcome, currentAgreement, elementsInForce, offeredConsents, walkAwayConsequence } from './agreement';
import type { AgreementStatus, AgreementView } from './types';

const status = (over: Partial<AgreementStatus>): AgreementStatus => ({
  agreementId: 'a', status: 'PROVISIONAL', elements: ['TRANSPARENCY', 'DATA_FUSION_CENTRE'], inForce: true,
  effectiveAt: '2026-01-01T00:00:00Z', expiresAt: '2027-01-01T00:00:00Z', noticeEndsAt: null, endedAt: null,
  revision: 1, ...over,
});

describe('agreement overview', () => {
  it('shows the agreement in force before any ended one', () => {
    const ended = status({ agreementId: 'old', status: 'WITHDRAWN', inForce: false, endedAt: '2026-06-01T00:00:00Z' });
    const now = status({ agreementId: 'now' });
    expect(currentAgreement([ended, now])?.agreementId).toBe('now');
  });

  it('without one in force, shows the open proposal, else the latest change', () => {
    const proposed = status({ agreementId: 'p', status: 'PROPOSED', inForce: false });
    const expired = status({ agreementId: 'e', status: 'EXPIRED', inForce: false, endedAt: '2026-09-01T00:00:00Z' });
    const withdrawn = status({ agreementId: 'w', status: 'WITHDRAWN', inForce: false, endedAt: '2026-03-01T00:00:00Z' });
    expect(currentAgreement([expired, proposed])?.agreementId).toBe('p');
    expect(currentAgreement([withdrawn, expired])?.agreementId).toBe('e');
    expect(currentAgreement([])).toBeNull();
  });

  it('lists elements in force only while the agreement is in force', () => {
    expect(elementsInForce(status({}))).toEqual(['DATA_FUSION_CENTRE', 'TRANSPARENCY']);
    expect(elementsInForce(status({ status: 'WITHDRAWN', inForce: false }))).toEqual([]);
    expect(elementsInForce(null)).toEqual([]);
  });

  it('says what a walk-away stops', () => {
    expect(walkAwayConsequence(status({}))).toContain('This stops: Data fusion centre, Transparency.');
    expect(walkAwayConsequence(status({ inForce: false, status: 'WITHDRAWN' }))).toContain('nothing to stop');
    expect(walkAwayConsequence(status({ status: 'PERMANENT' }))).toContain('notice period');
  });
});

describe('liaison consents', () => {
  const view = (over: Partial<AgreementView>): AgreementView => ({
    id: 'a', status: 'PROVISIONAL', proposer: 'NATO', elements: [], termMonths: 24, effectiveAt: null, expiresAt: null,
    inForce: true, allowedActions: [], ...over,
  });

  it('says each party\'s extension and permanence consent', () => {
    const lines = consentLines(view({ extensionConsents: { NATO: { months: 24, at: '2026-12-03T10:00:00Z' } } }));
    expect(lines).toEqual([
      { party: 'NATO', extension: 'extend by 24 months (since 2026-12-03 10:00:00Z)', permanence: 'not given' },
      { party: 'RUSSIA', extension: 'not given', permanence: 'not given' },
    ]);
  });

  it('offers only the consent commands the service lists, with their method', () => {
    const offered = offeredConsents(view({ allowedActions: ['withdraw', 'revoke-extension', 'consent-permanence'] }));
    expect(offered).toEqual(['revoke-extension', 'consent-permanence']);
    expect(CONSENT_COMMANDS['revoke-extension'].method).toBe('DELETE');
  });

  it('says when the second consent extended the agreement (the service then clears both consents)', () => {
    const before = view({ expiresAt: '2030-12-03T17:00:00Z', extensionConsents: { NATO: { months: 24, at: '2026-12-03T10:00:00Z' } } });
    const after = view({ expiresAt: '2032-12-03T17:00:00Z', extensionConsents: {} });
    expect(consentOutcome(before, after)).toBe('Both parties have consented: the agreement is extended by 24 months; '
      + 'it now expires 2032-12-03 17:00:00Z (was 2030-12-03 17:00:00Z).');
    expect(consentOutcome(view({ expiresAt: '2030-12-03T17:00:00.5Z' }), view({ expiresAt: '2030-12-03T17:00:00Z' }))).toBeNull();
    expect(consentOutcome(view({}), view({ status: 'PERMANENT' }))).toContain('permanent');
    expect(consentOutcome(before, before)).toBeNull();
  });
});

describe('amendmentProposal', () => {
  it('sends a TEXT amendment as before and only the parameter its type takes', () => {
    expect(amendmentProposal('t', 'x', 'TEXT', 'TRANSPARENCY', '6')).toEqual({ title: 't', text: 'x' });
    expect(amendmentProposal('t', 'x', 'ADD_ELEMENT', 'JOINT_EXERCISES', '6'))
      .toEqual({ title: 't', text: 'x', type: 'ADD_ELEMENT', element: 'JOINT_EXERCISES' });
    expect(amendmentProposal('t', 'x', 'CHANGE_NOTICE_PERIOD', 'TRANSPARENCY', '2'))
      .toEqual({ title: 't', text: 'x', type: 'CHANGE_NOTICE_PERIOD', noticeMonths: 2 });
  });
});

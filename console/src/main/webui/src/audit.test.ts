import { describe, expect, it } from 'vitest';
import { actorOf, newestFirstWindow, pageCount, shortHash, verificationText } from './audit';

describe('audit screen', () => {
  it('says whether the chain verified and where it breaks', () => {
    expect(verificationText({ valid: true, checkedEntries: 12, firstBrokenSeq: null, failure: null, reason: null,
      headSeq: 12, headHash: 'h' })).toBe('Chain intact: 12 entries verified, head #12.');
    expect(verificationText({ valid: false, checkedEntries: 4, firstBrokenSeq: 5, failure: 'HASH_MISMATCH',
      reason: 'entry 5 was modified', headSeq: 4, headHash: 'h' }))
      .toBe('Chain broken at entry #5 (HASH_MISMATCH): entry 5 was modified 4 entries before it verified.');
  });

  it('shortens hashes and names system actions', () => {
    expect(shortHash('0123456789abcdef0123')).toBe('0123456789ab…');
    expect(shortHash('abc')).toBe('abc');
    expect(actorOf({ seq: 1, at: '', party: null, subject: 'system|scheduler', action: 'agreement.expired',
      agreementId: null, hash: '' })).toBe('system');
  });

  it('pages newest first: the head\'s page, then older ones, the oldest possibly short', () => {
    expect(newestFirstWindow(120, 0, 50)).toEqual({ fromSeq: 71, limit: 50 });
    expect(newestFirstWindow(120, 1, 50)).toEqual({ fromSeq: 21, limit: 50 });
    expect(newestFirstWindow(120, 2, 50)).toEqual({ fromSeq: 1, limit: 20 });
    expect(newestFirstWindow(120, 3, 50)).toBeNull();
    expect(newestFirstWindow(0, 0, 50)).toBeNull();
    expect(pageCount(120, 50)).toBe(3);
    expect(pageCount(0, 50)).toBe(1);
  });
});

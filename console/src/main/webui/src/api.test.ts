import { describe, expect, it } from 'vitest';
import { pagePath, tenantOfPath } from './api';

describe('the console\'s API paths', () => {
  it('asks for a page of a list with the limit and the cursor the service gave', () => {
    expect(pagePath('agreement/agreements', 10, null)).toBe('agreement/agreements?limit=10');
    expect(pagePath('agreement/agreements', 10, 'MjAyNi0x+/=')).toBe('agreement/agreements?limit=10&cursor=MjAyNi0x%2B%2F%3D');
    expect(pagePath('transparency/tests?role=HOST', 5, null)).toBe('transparency/tests?role=HOST&limit=5');
  });

  it('reads the party from the page path', () => {
    expect(tenantOfPath('/russia/audit')).toBe('russia');
    expect(tenantOfPath('/')).toBeNull();
  });
});

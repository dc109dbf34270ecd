import { describe, expect, it } from 'vitest';
import { canActAsLiaison, canOpen, homeScreen, menuFor } from './menu';

const labels = (roles: string[]) => menuFor(roles).map((i) => i.label);

describe('role-based menu', () => {
  it('an analyst gets the agreement and the picture, and no liaison actions', () => {
    expect(labels(['analyst'])).toEqual(['Agreement', 'Picture']);
    expect(canOpen('liaison', ['analyst'])).toBe(false);
    expect(canActAsLiaison(['analyst'])).toBe(false);
    expect(homeScreen(['analyst'])).toBe('picture');
  });

  it('a liaison gets the liaison actions but not the picture', () => {
    expect(labels(['liaison'])).toEqual(['Agreement', 'Liaison actions']);
    expect(canActAsLiaison(['liaison'])).toBe(true);
    expect(homeScreen(['liaison'])).toBe('overview');
  });

  it('a fusion operator works on the picture; an auditor or a user without roles sees the agreement only', () => {
    expect(labels(['fusion-operator'])).toEqual(['Agreement', 'Picture']);
    expect(labels(['auditor'])).toEqual(['Agreement']);
    expect(labels([])).toEqual(['Agreement']);
    expect(homeScreen([])).toBe('overview');
  });
});

import { describe, expect, it } from 'vitest';
import { canActAsLiaison, canOpen, homeScreen, menuFor, screenOfPath } from './menu';

const labels = (roles: string[]) => menuFor(roles).map((i) => i.label);

describe('role-based menu', () => {
  it('an analyst gets the agreement, the picture and the reachability assessment, and no liaison actions', () => {
    expect(labels(['analyst'])).toEqual(['Agreement', 'Picture', 'Reachability']);
    expect(canOpen('reachability', ['fusion-operator'])).toBe(false);
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
    expect(labels(['auditor'])).toEqual(['Agreement', 'Audit log']);
    expect(labels([])).toEqual(['Agreement']);
    expect(homeScreen([])).toBe('overview');
  });

  it('gives the transparency officer, the exercise planner and the auditor their own screen and no other', () => {
    expect(labels(['transparency-officer'])).toEqual(['Agreement', 'Transparency']);
    expect(labels(['exercise-planner'])).toEqual(['Agreement', 'Exercises']);
    expect(canOpen('transparency', ['analyst'])).toBe(false);
    expect(canOpen('exercises', ['transparency-officer'])).toBe(false);
    expect(canOpen('audit', ['exercise-planner'])).toBe(false);
    expect(homeScreen(['transparency-officer'])).toBe('overview');
  });

  it('reads the screen from the page path', () => {
    expect(screenOfPath('/nato/transparency')).toBe('transparency');
    expect(screenOfPath('/russia/audit')).toBe('audit');
    expect(screenOfPath('/nato/')).toBeNull();
    expect(screenOfPath('/nato/clock')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { ANY_EXERCISE, exercisesPath, offeredCommands, phaseOf, proposal, reportApprovals, statusLine, utcInputValue }
  from './exercises';
import type { Exercise } from './types';

const exercise = (over: Partial<Exercise>): Exercise => ({
  id: 'e', name: 'Shield', kind: 'COMPUTER_ASSISTED', host: 'NATO',
  window: { start: '2026-12-03T10:00:00Z', end: '2026-12-03T11:00:00Z' }, status: 'PROPOSED', scenarioVersion: 1,
  approvedBy: null, allowedActions: [], ...over,
});

describe('exercise screen', () => {
  it('groups the states into scheduled, running and ended', () => {
    expect(phaseOf('PROPOSED')).toBe('scheduled');
    expect(phaseOf('APPROVED')).toBe('scheduled');
    expect(phaseOf('RUNNING')).toBe('running');
    expect(['COMPLETED', 'CANCELLED', 'HALTED'].map((s) => phaseOf(s as Exercise['status']))).toEqual(['ended', 'ended', 'ended']);
  });

  it('offers only the commands the service lists for the caller, in a fixed order', () => {
    expect(offeredCommands(exercise({ allowedActions: ['cancel', 'approve', 'manage-participants'] }))).toEqual(['approve', 'cancel']);
    expect(offeredCommands(exercise({}))).toEqual([]);
  });

  it('says who must act next', () => {
    expect(statusLine(exercise({}), 'RUSSIA')).toBe('proposed by the other party: awaiting your approval');
    expect(statusLine(exercise({}), 'NATO')).toBe("proposed: awaiting RUSSIA's approval");
    expect(statusLine(exercise({ status: 'APPROVED', approvedBy: 'RUSSIA' }), 'NATO')).toContain('approved by RUSSIA');
  });

  it('asks the service for the programme with the filters that are set, none when none is', () => {
    expect(exercisesPath(ANY_EXERCISE)).toBe('exercise/exercises');
    expect(exercisesPath({ status: 'PROPOSED', host: '' })).toBe('exercise/exercises?status=PROPOSED');
    expect(exercisesPath({ status: 'RUNNING', host: 'RUSSIA' })).toBe('exercise/exercises?status=RUNNING&host=RUSSIA');
  });

  it('proposes a window in UTC from the form with one inject', () => {
    const body = proposal({ name: ' Shield ', kind: 'COMMAND_POST', start: '2026-12-03T10:05', minutes: '20', missileClass: 'SRBM' });
    expect(body).toMatchObject({ name: 'Shield', kind: 'COMMAND_POST',
      window: { start: '2026-12-03T10:05:00.000Z', end: '2026-12-03T10:25:00.000Z' } });
    expect((body.injects as unknown[]).length).toBe(1);
    // an empty start is sent as missing, for the service to name the field
    expect(proposal({ name: '', kind: 'COMMAND_POST', start: '', minutes: '20', missileClass: 'SRBM' }).window)
      .toEqual({ start: null, end: null });
    expect(utcInputValue(new Date('2026-12-03T10:05:59Z'))).toBe('2026-12-03T10:05');
  });

  it('shows which parties approved the report and whether the caller still has to', () => {
    expect(reportApprovals({ NATO: '2026-12-03T10:00:00Z' }, 'RUSSIA')).toEqual({ approvedBy: ['NATO'], ownPending: true });
    expect(reportApprovals({ NATO: 'x', RUSSIA: 'y' }, 'NATO')).toEqual({ approvedBy: ['NATO', 'RUSSIA'], ownPending: false });
  });
});

// The exercise planner's screen: where an exercise stands, which commands the caller's party may give, and the
// proposal the form sends.
import { filteredPath } from './paging';
import type { Exercise, PartyName } from './types';

export type Phase = 'scheduled' | 'running' | 'ended';

/** scheduled (proposed or approved), running, ended (completed, cancelled or halted). */
export function phaseOf(status: Exercise['status']): Phase {
  if (status === 'RUNNING') return 'running';
  if (status === 'PROPOSED' || status === 'APPROVED') return 'scheduled';
  return 'ended';
}

/** The commands the screen offers, in this order, when the service lists them as the caller's party's. */
export const COMMANDS: Record<string, string> = {
  approve: 'Approve',
  start: 'Start',
  complete: 'End',
  cancel: 'Cancel',
};

export function offeredCommands(exercise: Exercise): string[] {
  return Object.keys(COMMANDS).filter((c) => exercise.allowedActions.includes(c));
}

/** What the status means for the caller: who must act next. */
export function statusLine(exercise: Exercise, own: PartyName): string {
  const guest: PartyName = exercise.host === 'NATO' ? 'RUSSIA' : 'NATO';
  switch (exercise.status) {
    case 'PROPOSED':
      return guest === own ? 'proposed by the other party: awaiting your approval' : `proposed: awaiting ${guest}'s approval`;
    case 'APPROVED': return `approved by ${exercise.approvedBy ?? guest}: the host may start it in its window`;
    case 'RUNNING': return 'running';
    case 'COMPLETED': return 'ended: after-action report';
    case 'CANCELLED': return 'cancelled';
    case 'HALTED': return 'halted: cooperation ended';
    default: return exercise.status;
  }
}

export const EXERCISE_STATUSES: readonly Exercise['status'][] =
  ['PROPOSED', 'APPROVED', 'RUNNING', 'COMPLETED', 'CANCELLED', 'HALTED'];

/** The programme's filters, as exercise-service applies them ('' = any). */
export interface ExerciseFilter {
  status: '' | Exercise['status'];
  host: '' | PartyName;
}

export const ANY_EXERCISE: ExerciseFilter = { status: '', host: '' };

/**
 * The programme with the filters set, in the service's order (window start): pages follow that order, so the
 * screen keeps it rather than regrouping rows as later pages arrive.
 */
export function exercisesPath(filter: ExerciseFilter): string {
  return filteredPath('exercise/exercises', { status: filter.status, host: filter.host });
}

export interface ProposalForm {
  name: string;
  kind: string;
  start: string; // "YYYY-MM-DDTHH:MM" in UTC, as a datetime-local input gives it
  minutes: string;
  missileClass: string;
}

/** "2026-12-03T10:05" (UTC) for a datetime-local input. */
export function utcInputValue(date: Date): string {
  return date.toISOString().slice(0, 16);
}

/**
 * The proposal the service expects: a window from the form's UTC start for the given minutes, and one launch
 * across the Black Sea (the scenario's injects are edited through the service's API, not this form).
 */
export function proposal(form: ProposalForm): Record<string, unknown> {
  const start = form.start ? new Date(`${form.start}:00Z`) : null;
  const minutes = Number(form.minutes);
  const valid = start && !Number.isNaN(start.getTime());
  return {
    name: form.name.trim(),
    kind: form.kind,
    window: {
      start: valid ? start.toISOString() : null,
      end: valid && Number.isFinite(minutes) ? new Date(start.getTime() + minutes * 60_000).toISOString() : null,
    },
    injects: [{ timeOffsetS: 0, launchLat: 45.0, launchLon: 33.0, impactLat: 42.0, impactLon: 39.0,
      missileClass: form.missileClass, burnoutSpeedKmS: 2.6 }],
  };
}

/** Who has approved the report, and whether the caller's party still has to. */
export function reportApprovals(approvals: Partial<Record<PartyName, string>>, own: PartyName):
  { approvedBy: PartyName[]; ownPending: boolean } {
  const approvedBy = (['NATO', 'RUSSIA'] as PartyName[]).filter((p) => approvals[p]);
  return { approvedBy, ownPending: !approvals[own] };
}

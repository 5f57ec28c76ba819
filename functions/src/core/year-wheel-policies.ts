import { isCoordinator, type Actor } from './policies.js';
import type { YearWheelOccurrence } from './quality-year-types.js';

/**
 * Who may do what in the årshjul (a file of its own beside policies.ts, which the audit and
 * action work extends in parallel):
 *
 * - everyone signed in reads the year: the årshjul is the organisation's shared calendar;
 * - the quality coordinator (and admin) generates the year, adds, edits, completes and
 *   removes activities (removal only of manual ones: generated ones come back from their source);
 * - the owner of an occurrence (often a leader or an internal auditor) marks it done or not
 *   done, so the reminders stop when the work is done; moving or renaming stays with the
 *   coordinator, who answers for the plan.
 */
export type OccurrenceAbilities = { edit: boolean; complete: boolean; delete: boolean };

export function canManageYearWheel(actor: Actor): boolean {
  return isCoordinator(actor);
}

export function canCompleteOccurrence(actor: Actor, occurrence: Pick<YearWheelOccurrence, 'ownerId'>): boolean {
  return occurrence.ownerId === actor.id || isCoordinator(actor);
}

export function occurrenceAbilities(
  actor: Actor,
  occurrence: Pick<YearWheelOccurrence, 'ownerId' | 'origin'>,
): OccurrenceAbilities {
  const manages = canManageYearWheel(actor);
  return {
    edit: manages,
    complete: canCompleteOccurrence(actor, occurrence),
    delete: manages && occurrence.origin.kind === 'manual',
  };
}

import { AppError } from '../core/errors.js';
import type { LocalDate } from '../core/local-date.js';
import { ensure, type Actor } from '../core/policies.js';
import type { YearWheelOccurrence } from '../core/quality-year-types.js';
import { canCompleteOccurrence, canManageYearWheel } from '../core/year-wheel-policies.js';
import type { Services } from './ports.js';
import { ensureKnownOwner, getOccurrenceView, loadOccurrence, type OccurrenceView } from './year-wheel-views.js';

export type UpdateOccurrenceInput = {
  id: string;
  /** The etag the caller read (If-Match). */
  etag: number;
  changes: {
    dueOn?: LocalDate | undefined;
    ownerId?: string | undefined;
    title?: string | undefined;
    note?: string | undefined;
    /** A date marks it done (its reminders stop); null marks it not done again. */
    completedOn?: LocalDate | null | undefined;
  };
};

/**
 * Changes an occurrence. Moving, renaming, re-assigning or annotating is the coordinator's and
 * marks a generated occurrence as edited, so regeneration keeps the coordinator's date and
 * title. Marking done or not done is also the owner's. A change of date starts a fresh reminder
 * ladder (the ledger key holds the date).
 */
export async function updateOccurrence(
  services: Services,
  actor: Actor,
  input: UpdateOccurrenceInput,
): Promise<OccurrenceView> {
  const occurrence = await loadOccurrence(services, input.id);
  const { completedOn, ...plan } = input.changes;
  const changesPlan = Object.values(plan).some((value) => value !== undefined);
  if (changesPlan) ensure(canManageYearWheel(actor), 'Only the quality coordinator changes the årshjul.');
  if (completedOn !== undefined)
    ensure(canCompleteOccurrence(actor, occurrence), 'Only the owner or the coordinator marks an activity done.');
  if (!changesPlan && completedOn === undefined)
    throw new AppError('VALIDATION', 'Invalid body: nothing to change', {
      in: 'body',
      issues: [{ path: '', message: 'Give at least one of dueOn, ownerId, title, note, completedOn' }],
    });
  if (plan.ownerId !== undefined) await ensureKnownOwner(services, plan.ownerId);

  const now = services.clock.now().toISOString();
  const next: YearWheelOccurrence = {
    ...occurrence,
    ...(plan.dueOn !== undefined ? { dueOn: plan.dueOn } : {}),
    ...(plan.ownerId !== undefined ? { ownerId: plan.ownerId } : {}),
    ...(plan.title !== undefined ? { title: plan.title } : {}),
    ...(plan.note !== undefined ? { note: plan.note } : {}),
    ...(completedOn !== undefined ? { completedOn } : {}),
    isEdited: occurrence.isEdited || plan.dueOn !== undefined || plan.title !== undefined,
    etag: occurrence.etag + 1,
    updatedAt: now,
    updatedBy: actor.id,
  };
  const action =
    completedOn !== undefined && !changesPlan
      ? completedOn === null
        ? 'year-wheel.occurrence-reopened'
        : 'year-wheel.occurrence-completed'
      : 'year-wheel.occurrence-updated';
  await services.quality.commit({
    expect: [{ collection: 'occurrences', id: occurrence.id, etag: input.etag }],
    occurrences: [next],
    trail: [
      {
        at: now,
        actorId: actor.id,
        action,
        procedureId: null,
        subjectId: occurrence.id,
        summary: `Årshjul: ${next.title} (${next.dueOn})`,
        details: { ...input.changes },
      },
    ],
  });
  return getOccurrenceView(services, actor, occurrence.id);
}

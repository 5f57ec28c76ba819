import type { LocalDate } from '../core/local-date.js';
import { ensure, type Actor } from '../core/policies.js';
import type { OccurrenceKind, YearWheelOccurrence } from '../core/quality-year-types.js';
import { canManageYearWheel } from '../core/year-wheel-policies.js';
import type { Services } from './ports.js';
import { ensureKnownOwner, getOccurrenceView, type OccurrenceView } from './year-wheel-views.js';

export type CreateOccurrenceInput = {
  kind: OccurrenceKind;
  title: string;
  dueOn: LocalDate;
  ownerId: string;
  note?: string | undefined;
};

/**
 * Adds an activity to the årshjul by hand (a kind of its own, `other`, or any kind, e.g. an
 * extra internal audit not yet in the programme). Manual occurrences are never generated, so
 * regeneration leaves them alone, and only they may be removed again.
 */
export async function createOccurrence(
  services: Services,
  actor: Actor,
  input: CreateOccurrenceInput,
): Promise<OccurrenceView> {
  ensure(canManageYearWheel(actor), 'Only the quality coordinator adds activities to the årshjul.');
  await ensureKnownOwner(services, input.ownerId);
  const now = services.clock.now().toISOString();
  const occurrence: YearWheelOccurrence = {
    id: services.ids.next(),
    etag: 1,
    createdAt: now,
    updatedAt: now,
    updatedBy: actor.id,
    kind: input.kind,
    title: input.title,
    dueOn: input.dueOn,
    ownerId: input.ownerId,
    origin: { kind: 'manual' },
    completedOn: null,
    isEdited: false,
    note: input.note ?? '',
  };
  await services.quality.commit({
    expect: [{ collection: 'occurrences', id: occurrence.id, etag: 0 }],
    occurrences: [occurrence],
    trail: [
      {
        at: now,
        actorId: actor.id,
        action: 'year-wheel.occurrence-created',
        procedureId: null,
        subjectId: occurrence.id,
        summary: `Årshjul: ${occurrence.title} (${occurrence.dueOn})`,
        details: { kind: occurrence.kind, dueOn: occurrence.dueOn, ownerId: occurrence.ownerId },
      },
    ],
  });
  return getOccurrenceView(services, actor, occurrence.id);
}

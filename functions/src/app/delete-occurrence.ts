import { AppError } from '../core/errors.js';
import { ensure, type Actor } from '../core/policies.js';
import { canManageYearWheel } from '../core/year-wheel-policies.js';
import type { Services } from './ports.js';
import { loadOccurrence } from './year-wheel-views.js';

/**
 * Removes a manual occurrence. A generated one would only come back on the next generation:
 * INVALID_STATE (the coordinator marks it done or moves it instead).
 */
export async function deleteOccurrence(
  services: Services,
  actor: Actor,
  input: { id: string; etag: number },
): Promise<void> {
  ensure(canManageYearWheel(actor), 'Only the quality coordinator removes activities from the årshjul.');
  const occurrence = await loadOccurrence(services, input.id);
  if (occurrence.origin.kind !== 'manual')
    throw new AppError(
      'INVALID_STATE',
      `The occurrence ${occurrence.id} was generated from ${occurrence.origin.kind}; mark it done or move it instead.`,
      { state: occurrence.origin.kind, reason: 'generated' },
    );
  await services.quality.commit({
    expect: [{ collection: 'occurrences', id: occurrence.id, etag: input.etag }],
    deleteOccurrenceIds: [occurrence.id],
    trail: [
      {
        at: services.clock.now().toISOString(),
        actorId: actor.id,
        action: 'year-wheel.occurrence-deleted',
        procedureId: null,
        subjectId: occurrence.id,
        summary: `Årshjul: ${occurrence.title} (${occurrence.dueOn}) fjernet`,
        details: { kind: occurrence.kind, dueOn: occurrence.dueOn },
      },
    ],
  });
}

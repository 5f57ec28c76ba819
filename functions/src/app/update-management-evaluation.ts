import { AppError } from '../core/errors.js';
import { ensureNotLocked } from '../core/frozen-records.js';
import { evaluationSnapshotsFor } from './freeze-evaluation.js';
import { applyEvaluationChanges, type EvaluationChanges } from '../core/management-evaluation.js';
import { canManageQuality, ensure, type Actor } from '../core/policies.js';
import type { ManagementEvaluation } from '../core/quality-year-types.js';
import { today } from './corrective-action-views.js';
import { loadEvaluation } from './management-evaluation-views.js';
import type { Services } from './ports.js';
import { staleQualityRecordError, storedVersionOf } from './quality-conflict.js';

/**
 * Records the meeting and what follows it: held on, participants and guests, conclusions,
 * decisions (the whole list), the political treatment and the publication, and moves the status
 * forward (see core/management-evaluation.ts). Refused with CONFLICT from a stale read, and with
 * RECORD_LOCKED once published. Holding it freezes its pack, publishing locks it (freeze-evaluation.ts).
 */
export async function updateManagementEvaluation(
  services: Services,
  actor: Actor,
  input: { evaluationId: string; etag: number; changes: EvaluationChanges },
): Promise<ManagementEvaluation> {
  ensure(canManageQuality(actor), 'Only the quality coordinator records the management evaluation.');
  const evaluation = await loadEvaluation(services, input.evaluationId);
  const frozen = await services.quality.getFrozenRecord('management-evaluation', evaluation.id);
  ensureNotLocked(frozen, 'edit');
  if (evaluation.etag !== input.etag) {
    throw staleQualityRecordError('managementEvaluations', evaluation.id, storedVersionOf(evaluation));
  }
  const people = new Set((await services.store.listPeople()).map((person) => person.id));
  const { participantIds = [], decisions = [] } = input.changes;
  participantIds.forEach((id, index) => {
    if (!people.has(id))
      throw new AppError('VALIDATION', `No person with id ${id}.`, { field: `participantIds.${index}` });
  });
  decisions.forEach((decision, index) => {
    if (decision.ownerId !== null && !people.has(decision.ownerId)) {
      throw new AppError('VALIDATION', `No person with id ${decision.ownerId}.`, {
        field: `decisions.${index}.ownerId`,
      });
    }
  });
  const at = services.clock.now().toISOString();
  const next = applyEvaluationChanges(evaluation, input.changes, {
    today: today(services),
    actorId: actor.id,
    at,
    newId: () => services.ids.next(),
  });
  // Held: the pack is frozen as of the meeting day; published: the snapshot is locked too.
  const snapshots = await evaluationSnapshotsFor(services, next, frozen, { at, by: actor.id });
  await services.quality.commit({
    expect: [
      { collection: 'managementEvaluations', id: evaluation.id, etag: evaluation.etag },
      ...snapshots.map((snapshot) => ({
        collection: 'frozenRecords' as const,
        id: snapshot.id,
        etag: frozen?.etag ?? 0,
      })),
    ],
    managementEvaluations: [next],
    frozenRecords: snapshots,
    trail: [
      {
        at,
        actorId: actor.id,
        action: 'management-evaluation.updated',
        procedureId: null,
        subjectId: evaluation.id,
        summary: `Management evaluation ${evaluation.year}: ${Object.keys(input.changes).join(', ')}`,
        details: { from: evaluation.status, to: next.status, fields: Object.keys(input.changes) },
      },
    ],
  });
  return next;
}

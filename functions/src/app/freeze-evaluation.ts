import {
  correctionRecordsOf,
  ensureNotLocked,
  frozenRecordOf,
  lockedRecordOf,
  type FrozenRecord,
} from '../core/frozen-records.js';
import type { LocalDate } from '../core/local-date.js';
import { canCorrectLockedRecord, ensure, type Actor } from '../core/policies.js';
import type { ManagementEvaluation } from '../core/quality-year-types.js';
import { AppError } from '../core/errors.js';
import { assembleEvaluationPack, evaluationRecordView, type EvaluationPack } from './assemble-evaluation-pack.js';
import type { Services } from './ports.js';
import { staleQualityRecordError, storedVersionOf } from './quality-conflict.js';

/**
 * The management evaluation's pack, frozen (core/frozen-records.ts):
 * - when the evaluation is **held**, its pack is assembled as of the day it was held and stored
 *   (`evaluationSnapshot`); the screen, the .docx and the .pdf read it from then on;
 * - when it is **published**, the snapshot is locked with the record as published
 *   (`lockedEvaluationSnapshot`): edits are RECORD_LOCKED;
 * - a published evaluation is put right by a **correction** (`correctManagementEvaluation`): a new
 *   evaluation of the same year, a copy of the original held again with the same frozen figures,
 *   linked both ways with its reason; it is edited and published like any held evaluation.
 */

const kind = 'management-evaluation';

/** The snapshot to store when `evaluation` is held on `asOf` (over `existing`: held again on another day). */
export async function evaluationSnapshot(
  services: Services,
  evaluation: ManagementEvaluation,
  asOf: LocalDate,
  stamp: { at: string; by: string },
  existing?: FrozenRecord,
): Promise<FrozenRecord> {
  const pack = await assembleEvaluationPack(services, { year: evaluation.year, evaluationId: evaluation.id, asOf });
  const payload: EvaluationPack = { ...pack, evaluation: await evaluationRecordView(services, evaluation) };
  return frozenRecordOf(kind, evaluation.id, { asOf, payload, ...stamp }, existing);
}

/** The snapshot locked with the record as published. */
export async function lockedEvaluationSnapshot(
  services: Services,
  frozen: FrozenRecord,
  published: ManagementEvaluation,
  stamp: { at: string; by: string },
): Promise<FrozenRecord> {
  const payload: EvaluationPack = {
    ...(frozen.payload as EvaluationPack),
    evaluation: await evaluationRecordView(services, published, published.publishedOn ?? undefined),
  };
  return lockedRecordOf(frozen, stamp, payload);
}

/** The snapshots to write with an evaluation's change from `before` to `next` (none: nothing to freeze). */
export async function evaluationSnapshotsFor(
  services: Services,
  next: ManagementEvaluation,
  frozen: FrozenRecord | undefined,
  stamp: { at: string; by: string },
): Promise<FrozenRecord[]> {
  ensureNotLocked(frozen, 'edit');
  if (next.status === 'planned' || next.heldOn === null) return [];
  const current =
    frozen && frozen.asOf === next.heldOn
      ? frozen
      : await evaluationSnapshot(services, next, next.heldOn, stamp, frozen);
  if (next.status === 'published') return [await lockedEvaluationSnapshot(services, current, next, stamp)];
  return current === frozen ? [] : [current];
}

/** Refuses any write to a published (locked) evaluation with RECORD_LOCKED. */
export async function ensureEvaluationWritable(services: Services, evaluationId: string): Promise<void> {
  ensureNotLocked(await services.quality.getFrozenRecord(kind, evaluationId), 'edit');
}

/**
 * "Ret": a correction of a published evaluation. The original stays as it was (and locked); the
 * correction is a new evaluation for the same year, held, with the original's participants,
 * conclusions and decisions (their actions stay linked) and the original's frozen figures, to
 * be edited and published. Refused unless the original is locked and not corrected yet.
 */
export async function correctManagementEvaluation(
  services: Services,
  actor: Actor,
  input: { evaluationId: string; etag: number; reason: string },
): Promise<ManagementEvaluation> {
  ensure(canCorrectLockedRecord(actor), 'Only the quality coordinator corrects a published management evaluation.');
  const original = await services.quality.getManagementEvaluation(input.evaluationId);
  if (!original) throw new AppError('NOT_FOUND', `No management evaluation with id ${input.evaluationId}.`);
  if (original.etag !== input.etag) {
    throw staleQualityRecordError('managementEvaluations', original.id, storedVersionOf(original));
  }
  const frozen = await services.quality.getFrozenRecord(kind, original.id);
  const at = services.clock.now().toISOString();
  const id = services.ids.next();
  const links = correctionRecordsOf(frozen, {
    correctionId: id,
    reason: input.reason,
    at,
    by: actor.id,
  });
  const correction: ManagementEvaluation = {
    ...original,
    id,
    status: 'held',
    publishedOn: null,
    etag: 1,
    createdAt: at,
    updatedAt: at,
    updatedBy: actor.id,
  };
  await services.quality.commit({
    expect: [
      { collection: 'managementEvaluations', id: original.id, etag: original.etag },
      { collection: 'managementEvaluations', id, etag: 0 },
      { collection: 'frozenRecords', id: links.original.id, etag: links.original.etag - 1 },
    ],
    managementEvaluations: [correction],
    frozenRecords: [links.original, links.correction],
    trail: [
      {
        at,
        actorId: actor.id,
        action: 'management-evaluation.corrected',
        procedureId: null,
        subjectId: original.id,
        summary: `Management evaluation ${original.year} corrected by ${id}: ${links.correction.correctionReason}`,
        details: { correctionId: id, reason: links.correction.correctionReason },
      },
    ],
  });
  return correction;
}

/**
 * The demo seed's last step: the seed writes its records through the use cases with the clock
 * moved back, but in an order of its own (competences, goals and surveys after the evaluations),
 * so it freezes its held evaluations again once everything is in place, as of their meeting days
 * and with their original stamps, exactly as the product would have on the day.
 */
export async function refreezeSeededEvaluations(services: Services): Promise<void> {
  for (const evaluation of await services.quality.listManagementEvaluations()) {
    const existing = await services.quality.getFrozenRecord(kind, evaluation.id);
    if (!existing || evaluation.heldOn === null) continue;
    const stamp = { at: existing.frozenAt, by: existing.frozenBy };
    const fresh = await evaluationSnapshot(services, evaluation, evaluation.heldOn, stamp, existing);
    const snapshot =
      existing.lockedAt === null
        ? fresh
        : await lockedEvaluationSnapshot(services, fresh, evaluation, {
            at: existing.lockedAt,
            by: existing.updatedBy,
          });
    await services.quality.commit({
      expect: [{ collection: 'frozenRecords', id: existing.id, etag: existing.etag }],
      frozenRecords: [{ ...snapshot, etag: existing.etag + 1, updatedAt: existing.updatedAt }],
    });
  }
}

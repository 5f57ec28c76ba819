import { AppError, isAppError } from '../core/errors.js';
import { planScoreImport, type ScoreImportPlan } from '../core/fokus-import.js';
import { unitEvaluationId, type UnitEvaluation } from '../core/fokus-types.js';
import { reportImportErrors, type ImportErrorReport } from '../core/import-errors.js';
import { canManageFokus, ensure, type Actor } from '../core/policies.js';
import { readSheet, type Sheet, type SheetFormat } from '../documents/competence-sheet.js';
import { loadRound } from './fokus-views.js';
import type { Services } from './ports.js';
import { firstVersion, nextVersion, qualityTrail, stampOf } from './quality-records.js';

export type ScoreImportResult = Omit<ScoreImportPlan, 'errors'> &
  ImportErrorReport<ScoreImportPlan['errors'][number]> & { mode: 'preview' | 'apply'; isApplied: boolean };

async function readUpload(bytes: Uint8Array, format: SheetFormat): Promise<Sheet> {
  try {
    return await readSheet(bytes, format);
  } catch (error) {
    // The import limits (PAYLOAD_TOO_LARGE) and the archive guard (UNSAFE_DOCUMENT) keep their code.
    if (isAppError(error)) throw error;
    throw new AppError('VALIDATION', `The file could not be read as ${format}.`, { field: 'file' });
  }
}

/**
 * Imports a round's scores from .csv or .xlsx (core/fokus-import.ts), the coordinator only:
 * 'preview' checks every row; 'apply' writes every unit of the file in one commit, or nothing at
 * all when any row has an error (VALIDATION with the per-row errors). A unit in the file has its
 * scores replaced; units not in the file keep theirs.
 */
export async function importRoundScores(
  services: Services,
  actor: Actor,
  input: { roundId: string; format: SheetFormat; mode: 'preview' | 'apply'; bytes: Uint8Array },
): Promise<ScoreImportResult> {
  ensure(canManageFokus(actor), 'Only the quality coordinator imports scores.');
  const round = await loadRound(services, input.roundId);
  const sheet = await readUpload(input.bytes, input.format);
  const plan = planScoreImport({ ...sheet, round, units: await services.store.listUnits() });
  const report = reportImportErrors(plan.errors);
  if (input.mode === 'preview') return { mode: 'preview', isApplied: false, rows: plan.rows, ...report };
  if (plan.errors.length > 0)
    throw new AppError('VALIDATION', `The file has ${plan.errors.length} errors; nothing was imported.`, report);
  const stamp = stampOf(services, actor);
  const existing = new Map(
    (await services.fokus.listUnitEvaluations({ roundId: round.id })).map((evaluation) => [
      evaluation.unitId,
      evaluation,
    ]),
  );
  const evaluations: UnitEvaluation[] = plan.rows.map((row) => {
    const before = existing.get(row.unitId);
    return {
      id: unitEvaluationId(round.id, row.unitId),
      roundId: round.id,
      unitId: row.unitId,
      scores: row.scores,
      note: row.note,
      ...(before ? { createdAt: before.createdAt, ...nextVersion(before, stamp) } : firstVersion(stamp)),
    };
  });
  await services.fokus.commit({
    expect: evaluations.map((evaluation) => ({
      collection: 'unitEvaluations' as const,
      id: evaluation.id,
      etag: existing.get(evaluation.unitId)?.etag ?? 0,
    })),
    unitEvaluations: evaluations,
    trail: [
      qualityTrail(
        stamp,
        'fokus-scores.imported',
        round.id,
        `${evaluations.length} enheders scorer importeret i ${round.name}`,
        {
          unitIds: evaluations.map((evaluation) => evaluation.unitId),
        },
      ),
    ],
  });
  return { mode: 'apply', isApplied: true, rows: plan.rows, ...report };
}

import { blankAction, newActionFromFinding } from '../core/corrective-action.js';
import { AppError } from '../core/errors.js';
import { canManageQuality, ensure, type Actor } from '../core/policies.js';
import type { CorrectiveAction } from '../core/quality-year-types.js';
import type { Services } from './ports.js';

export type CreateCorrectiveActionInput = {
  source: { kind: 'finding'; findingId: string } | { kind: 'other'; title: string; unitId: string | null };
};

/**
 * Registers a corrective action (open): for a major or minor finding (the finding's problem as
 * title, the finding's unit, and the finding linked to it in the same commit) or for anything
 * else the coordinator wants handled as one. A finding that already has an action is refused
 * with DUPLICATE (details: correctiveActionId). Actions for management decisions are created on
 * the evaluation (create-decision-action.ts).
 */
export async function createCorrectiveAction(
  services: Services,
  actor: Actor,
  input: CreateCorrectiveActionInput,
): Promise<CorrectiveAction> {
  ensure(canManageQuality(actor), 'Only the quality coordinator registers corrective actions.');
  const { quality, clock, ids } = services;
  const at = clock.now().toISOString();
  const context = { id: ids.next(), at, actorId: actor.id };
  const source = input.source;
  if (source.kind === 'finding') {
    const finding = (await quality.listFindings()).find((candidate) => candidate.id === source.findingId);
    if (!finding) throw new AppError('NOT_FOUND', `No finding with id ${source.findingId}.`);
    if (finding.withdrawal !== null)
      throw new AppError('INVALID_STATE', 'The finding was withdrawn by a correction of its audit’s report.', {
        status: 'withdrawn',
        field: 'source.findingId',
      });
    if (finding.correctiveActionId !== null) {
      throw new AppError('DUPLICATE', 'The finding already has a corrective action.', {
        field: 'source.findingId',
        correctiveActionId: finding.correctiveActionId,
      });
    }
    const action = newActionFromFinding(finding, context);
    await quality.commit({
      expect: [
        { collection: 'findings', id: finding.id, etag: finding.etag },
        { collection: 'correctiveActions', id: action.id, etag: 0 },
      ],
      correctiveActions: [action],
      findings: [
        { ...finding, correctiveActionId: action.id, etag: finding.etag + 1, updatedAt: at, updatedBy: actor.id },
      ],
      trail: [
        {
          at,
          actorId: actor.id,
          action: 'corrective-action.created',
          procedureId: null,
          subjectId: action.id,
          summary: `Corrective action for finding: ${action.title}`,
          details: { source: action.source },
        },
      ],
    });
    return action;
  }
  if (source.unitId !== null && !(await services.store.listUnits()).some((unit) => unit.id === source.unitId)) {
    throw new AppError('VALIDATION', `No unit with id ${source.unitId}.`, { field: 'source.unitId' });
  }
  const action: CorrectiveAction = {
    ...blankAction(context),
    title: source.title.trim(),
    source: { kind: 'other' },
    unitId: source.unitId,
  };
  await quality.commit({
    expect: [{ collection: 'correctiveActions', id: action.id, etag: 0 }],
    correctiveActions: [action],
    trail: [
      {
        at,
        actorId: actor.id,
        action: 'corrective-action.created',
        procedureId: null,
        subjectId: action.id,
        summary: `Corrective action: ${action.title}`,
        details: { source: action.source },
      },
    ],
  });
  return action;
}

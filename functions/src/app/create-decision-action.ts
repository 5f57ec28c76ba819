import { newActionFromDecision } from '../core/corrective-action.js';
import { AppError } from '../core/errors.js';
import { linkDecisionAction } from '../core/management-evaluation.js';
import { canManageQuality, ensure, type Actor } from '../core/policies.js';
import type { CorrectiveAction } from '../core/quality-year-types.js';
import { loadEvaluation } from './management-evaluation-views.js';
import type { Services } from './ports.js';
import { staleQualityRecordError, storedVersionOf } from './quality-conflict.js';

/**
 * Turns a management-evaluation decision into a corrective action (owner and due date carried
 * over) and links it to the decision in the same commit. A decision with an action is refused
 * with INVALID_STATE; a stale evaluation with CONFLICT.
 */
export async function createDecisionAction(
  services: Services,
  actor: Actor,
  input: { evaluationId: string; decisionId: string; etag: number },
): Promise<CorrectiveAction> {
  ensure(canManageQuality(actor), 'Only the quality coordinator turns decisions into actions.');
  const evaluation = await loadEvaluation(services, input.evaluationId);
  if (evaluation.etag !== input.etag) {
    throw staleQualityRecordError('managementEvaluations', evaluation.id, storedVersionOf(evaluation));
  }
  const decision = evaluation.decisions.find((candidate) => candidate.id === input.decisionId);
  if (!decision) throw new AppError('NOT_FOUND', `No decision with id ${input.decisionId} in this evaluation.`);
  const at = services.clock.now().toISOString();
  const action = newActionFromDecision(evaluation, decision, { id: services.ids.next(), at, actorId: actor.id });
  await services.quality.commit({
    expect: [
      { collection: 'managementEvaluations', id: evaluation.id, etag: evaluation.etag },
      { collection: 'correctiveActions', id: action.id, etag: 0 },
    ],
    correctiveActions: [action],
    managementEvaluations: [linkDecisionAction(evaluation, decision.id, action.id, { actorId: actor.id, at })],
    trail: [
      {
        at,
        actorId: actor.id,
        action: 'corrective-action.created',
        procedureId: null,
        subjectId: action.id,
        summary: `Corrective action for a decision of the management evaluation ${evaluation.year}: ${action.title}`,
        details: { source: action.source },
      },
    ],
  });
  return action;
}

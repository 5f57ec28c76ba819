import type { z } from 'zod';
import type { ActionDetailDto, CreateActionBody, EvaluationDetailDto } from '../../../functions/src/contract/schemas';
import type { actionCommandBodies } from '../../../functions/src/contract/action-schemas';
import type { updateEvaluationBody } from '../../../functions/src/contract/evaluation-schemas';
import type { EvaluationPack } from '../../../functions/src/app/assemble-evaluation-pack';
import type { TypedClient } from './typed-client';

export type {
  ActionBoardDto,
  ActionDetailDto,
  ActionSummaryDto,
  EvaluationDetailDto,
  EvaluationListDto,
} from '../../../functions/src/contract/schemas';
export type { EvaluationPack };
/** Request bodies as sent (dates as plain YYYY-MM-DD strings; the server validates them). */
export type ActionCommandBodies = { [K in keyof typeof actionCommandBodies]: z.input<(typeof actionCommandBodies)[K]> };
export type ActionCommandName = keyof ActionCommandBodies;
export type EvaluationChanges = z.input<typeof updateEvaluationBody>;

/** The route of each corrective-action command (the route table names them in kebab case). */
type ActionCommandRunners = {
  [K in ActionCommandName]: (action: ActionDetailDto, body: ActionCommandBodies[K]) => Promise<ActionDetailDto>;
};

/** Corrective actions and the management evaluation (types only from the contract; writes carry If-Match). */
export function createQualityApi(api: TypedClient) {
  const command = (action: ActionDetailDto) => ({ params: { id: action.id }, ifMatch: action.etag });
  const commands: ActionCommandRunners = {
    recordCorrection: (action, body) => api.call('corrective-actions-record-correction', { ...command(action), body }),
    analyseAndPlan: (action, body) => api.call('corrective-actions-analyse-and-plan', { ...command(action), body }),
    replan: (action, body) => api.call('corrective-actions-replan', { ...command(action), body }),
    markImplemented: (action, body) => api.call('corrective-actions-mark-implemented', { ...command(action), body }),
    checkEffectiveness: (action, body) =>
      api.call('corrective-actions-check-effectiveness', { ...command(action), body }),
  };
  return {
    getActionBoard: (filter: { unitId?: string | undefined; ownerId?: string | undefined }, signal?: AbortSignal) =>
      api.call('corrective-actions-board', { query: filter, signal }),
    getAction: (id: string, signal?: AbortSignal) => api.call('corrective-actions-get', { params: { id }, signal }),
    createAction: (body: CreateActionBody) => api.call('corrective-actions-create', { body }),
    runActionCommand: <K extends ActionCommandName>(action: ActionDetailDto, name: K, body: ActionCommandBodies[K]) =>
      commands[name](action, body),
    listEvaluations: (signal?: AbortSignal) => api.call('management-evaluations-list', { signal }),
    createEvaluation: (body: { year: number; plannedOn: string }) =>
      api.call('management-evaluations-create', { body }),
    getEvaluation: (id: string, signal?: AbortSignal) =>
      api.call('management-evaluations-get', { params: { id }, signal }),
    getEvaluationPack: (id: string, signal?: AbortSignal): Promise<EvaluationPack> =>
      api.call('management-evaluations-pack', { params: { id }, signal }),
    updateEvaluation: (evaluation: EvaluationDetailDto, changes: EvaluationChanges) =>
      api.call('management-evaluations-update', {
        params: { id: evaluation.id },
        body: changes,
        ifMatch: evaluation.etag,
      }),
    createDecisionAction: (evaluation: EvaluationDetailDto, decisionId: string) =>
      api.call('management-evaluations-decision-action', {
        params: { id: evaluation.id, decisionId },
        body: {},
        ifMatch: evaluation.etag,
      }),
    /** "Ret": a correction of a published evaluation, a new linked record with its reason. */
    correctEvaluation: (evaluation: EvaluationDetailDto, reason: string) =>
      api.call('management-evaluations-correct', {
        params: { id: evaluation.id },
        body: { reason },
        ifMatch: evaluation.etag,
      }),
    exportEvaluation: (id: string, format: 'pdf' | 'docx', locale: 'da' | 'nb' | 'en') =>
      api.download('management-evaluations-export', { params: { id }, query: { format, locale } }),
  };
}

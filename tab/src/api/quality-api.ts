import type { z } from 'zod';
import type {
  ActionBoardDto,
  ActionDetailDto,
  CreateActionBody,
  EvaluationDetailDto,
  EvaluationListDto,
} from '../../../functions/src/contract/schemas';
import type { actionCommandBodies } from '../../../functions/src/contract/action-schemas';
import type { updateEvaluationBody } from '../../../functions/src/contract/evaluation-schemas';
import type { EvaluationPack } from '../../../functions/src/app/assemble-evaluation-pack';
import type { HttpClient } from './http-client';

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

const enc = encodeURIComponent;

/** Corrective actions and the management evaluation (types only from the contract; writes carry If-Match). */
export function createQualityApi(http: HttpClient) {
  return {
    getActionBoard: (filter: { unitId?: string | undefined; ownerId?: string | undefined }, signal?: AbortSignal) =>
      http.requestJson<ActionBoardDto>('/api/corrective-actions', { query: filter, signal }),
    getAction: (id: string, signal?: AbortSignal) =>
      http.requestJson<ActionDetailDto>(`/api/corrective-actions/${enc(id)}`, { signal }),
    createAction: (body: CreateActionBody) =>
      http.requestJson<ActionDetailDto>('/api/corrective-actions', { method: 'POST', json: body }),
    runActionCommand: <K extends ActionCommandName>(
      action: ActionDetailDto,
      command: K,
      body: ActionCommandBodies[K],
    ) =>
      http.requestJson<ActionDetailDto>(`/api/corrective-actions/${enc(action.id)}/${command}`, {
        method: 'POST',
        json: body,
        ifMatch: action.etag,
      }),
    listEvaluations: (signal?: AbortSignal) =>
      http.requestJson<EvaluationListDto>('/api/management-evaluations', { signal }),
    createEvaluation: (body: { year: number; plannedOn: string }) =>
      http.requestJson<EvaluationDetailDto>('/api/management-evaluations', { method: 'POST', json: body }),
    getEvaluation: (id: string, signal?: AbortSignal) =>
      http.requestJson<EvaluationDetailDto>(`/api/management-evaluations/${enc(id)}`, { signal }),
    getEvaluationPack: (id: string, signal?: AbortSignal) =>
      http.requestJson<EvaluationPack>(`/api/management-evaluations/${enc(id)}/pack`, { signal }),
    updateEvaluation: (evaluation: EvaluationDetailDto, changes: EvaluationChanges) =>
      http.requestJson<EvaluationDetailDto>(`/api/management-evaluations/${enc(evaluation.id)}`, {
        method: 'PATCH',
        json: changes,
        ifMatch: evaluation.etag,
      }),
    createDecisionAction: (evaluation: EvaluationDetailDto, decisionId: string) =>
      http.requestJson<ActionDetailDto>(
        `/api/management-evaluations/${enc(evaluation.id)}/decisions/${enc(decisionId)}/action`,
        { method: 'POST', json: {}, ifMatch: evaluation.etag },
      ),
    exportEvaluation: (id: string, format: 'pdf' | 'docx', locale: 'da' | 'nb' | 'en') =>
      http.requestBlob(`/api/management-evaluations/${enc(id)}/export`, { query: { format, locale } }),
  };
}

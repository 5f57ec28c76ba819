import { createDecisionAction } from '../app/create-decision-action.js';
import { createManagementEvaluation } from '../app/create-management-evaluation.js';
import { getCorrectiveAction } from '../app/corrective-action-views.js';
import { exportManagementEvaluation } from '../app/export-management-evaluation.js';
import { correctManagementEvaluation } from '../app/freeze-evaluation.js';
import {
  getEvaluationPack,
  getManagementEvaluation,
  listManagementEvaluations,
} from '../app/management-evaluation-views.js';
import { updateManagementEvaluation } from '../app/update-management-evaluation.js';
import * as contract from '../contract/schemas.js';
import type { LocalDate } from '../core/local-date.js';
import { defineRoute, json, type Route } from './route.js';

/** The management evaluation (ISO 9001 9.3): the record, its live input pack, decisions → actions, the report. */
export function evaluationRoutes(): Route[] {
  return [
    defineRoute({
      name: 'management-evaluations-list',
      method: 'GET',
      path: '/management-evaluations',
      summary: 'The management evaluations, newest year first',
      tag: 'management-evaluation',
      access: 'signed-in',
      response: contract.evaluationListSchema,
      handler: async ({ actor, services }) => json(await listManagementEvaluations(services, actor)),
    }),
    defineRoute({
      name: 'management-evaluations-create',
      method: 'POST',
      path: '/management-evaluations',
      summary: 'Plan the management evaluation of a year (one per year)',
      tag: 'management-evaluation',
      access: 'signed-in',
      body: contract.createEvaluationBody,
      response: contract.evaluationDetailSchema,
      successStatus: 201,
      handler: async ({ actor, services, body }) => {
        const evaluation = await createManagementEvaluation(services, actor, {
          year: body.year,
          plannedOn: body.plannedOn as LocalDate,
        });
        return json(await getManagementEvaluation(services, actor, evaluation.id), 201);
      },
    }),
    defineRoute({
      name: 'management-evaluations-get',
      method: 'GET',
      path: '/management-evaluations/{id}',
      summary: 'A management evaluation with participants, decisions and their actions',
      tag: 'management-evaluation',
      access: 'signed-in',
      params: contract.idParams,
      response: contract.evaluationDetailSchema,
      handler: async ({ actor, services, params }) => json(await getManagementEvaluation(services, actor, params.id)),
    }),
    defineRoute({
      name: 'management-evaluations-update',
      method: 'PATCH',
      path: '/management-evaluations/{id}',
      summary: 'Record the meeting, decisions, political treatment and publication; status planned → held → published',
      tag: 'management-evaluation',
      access: 'signed-in',
      conditional: true,
      params: contract.idParams,
      body: contract.updateEvaluationBody,
      response: contract.evaluationDetailSchema,
      handler: async ({ actor, services, params, body, etag }) => {
        await updateManagementEvaluation(services, actor, {
          evaluationId: params.id,
          etag: etag(),
          changes: body as Parameters<typeof updateManagementEvaluation>[2]['changes'],
        });
        return json(await getManagementEvaluation(services, actor, params.id));
      },
    }),
    defineRoute({
      name: 'management-evaluations-correct',
      method: 'POST',
      path: '/management-evaluations/{id}/correction',
      summary:
        'Correct a published (locked) evaluation: a new, linked evaluation with the reason; the original stays as it was (If-Match: the original’s ETag)',
      tag: 'management-evaluation',
      access: 'signed-in',
      conditional: true,
      params: contract.idParams,
      body: contract.correctionBody,
      response: contract.evaluationDetailSchema,
      successStatus: 201,
      handler: async ({ actor, services, params, body, etag }) => {
        const correction = await correctManagementEvaluation(services, actor, {
          evaluationId: params.id,
          etag: etag(),
          reason: body.reason,
        });
        return json(await getManagementEvaluation(services, actor, correction.id), 201);
      },
    }),
    defineRoute({
      name: 'management-evaluations-pack',
      method: 'GET',
      path: '/management-evaluations/{id}/pack',
      summary:
        'The input pack (9.3.2): earlier decisions, audits and findings, actions, reviews, acknowledgements, competences; frozen as of the meeting day once held',
      tag: 'management-evaluation',
      access: 'signed-in',
      params: contract.idParams,
      response: contract.evaluationPackSchema,
      handler: async ({ services, params }) => json(await getEvaluationPack(services, params.id)),
    }),
    defineRoute({
      name: 'management-evaluations-decision-action',
      method: 'POST',
      path: '/management-evaluations/{id}/decisions/{decisionId}/action',
      summary: 'Turn a decision into a corrective action and link it (If-Match: the evaluation’s ETag)',
      tag: 'management-evaluation',
      access: 'signed-in',
      conditional: true,
      params: contract.decisionParams,
      body: contract.emptyBody,
      response: contract.actionDetailSchema,
      successStatus: 201,
      handler: async ({ actor, services, params, etag }) => {
        const action = await createDecisionAction(services, actor, {
          evaluationId: params.id,
          decisionId: params.decisionId,
          etag: etag(),
        });
        return json(await getCorrectiveAction(services, actor, action.id), 201);
      },
    }),
    defineRoute({
      name: 'management-evaluations-export',
      method: 'GET',
      path: '/management-evaluations/{id}/export',
      summary: 'The evaluation report as PDF or .docx (da, nb or en)',
      tag: 'management-evaluation',
      access: 'signed-in',
      params: contract.idParams,
      query: contract.evaluationExportQuery,
      handler: async ({ actor, services, params, query }) => ({
        kind: 'file',
        ...(await exportManagementEvaluation(services, actor, { evaluationId: params.id, ...query })),
        inline: false,
      }),
    }),
  ];
}

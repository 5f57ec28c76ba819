import type { z } from 'zod';
import { createCorrectiveAction } from '../app/create-corrective-action.js';
import { getActionBoard, getCorrectiveAction } from '../app/corrective-action-views.js';
import { runActionCommand } from '../app/run-action-command.js';
import * as contract from '../contract/schemas.js';
import type { ActionCommand } from '../core/corrective-action.js';
import { actionCommandKinds } from '../core/corrective-action.js';
import { defineRoute, json, type Route } from './route.js';

const commandSummaries: Record<(typeof actionCommandKinds)[number], string> = {
  recordCorrection: 'Record the immediate correction (10.2.1 a); open or planned actions',
  analyseAndPlan: 'Record the root cause and the plan with owner and due date; open → planned',
  replan: 'Change the root cause, plan, owner or due date of a planned action',
  markImplemented: 'The owner reports the plan carried out; planned → implemented',
  checkEffectiveness:
    'The independent effectiveness check: effective closes the action, ineffective sends it back to planned',
};

/** Corrective actions (ISO 9001 10.2): the board, one action, and one route per state-machine command. */
export function actionRoutes(): Route[] {
  return [
    defineRoute({
      name: 'corrective-actions-board',
      method: 'GET',
      path: '/corrective-actions',
      summary: 'The corrective-action board: columns by status and the overdue list with days overdue',
      tag: 'corrective-actions',
      access: 'signed-in',
      query: contract.actionBoardQuery,
      response: contract.actionBoardSchema,
      handler: async ({ actor, services, query }) => json(await getActionBoard(services, actor, query)),
    }),
    defineRoute({
      name: 'corrective-actions-create',
      method: 'POST',
      path: '/corrective-actions',
      summary: 'Register a corrective action for a major or minor finding, or for another nonconformity',
      tag: 'corrective-actions',
      access: 'signed-in',
      body: contract.createActionBody,
      response: contract.actionDetailSchema,
      successStatus: 201,
      handler: async ({ actor, services, body }) => {
        const action = await createCorrectiveAction(services, actor, body);
        return json(await getCorrectiveAction(services, actor, action.id), 201);
      },
    }),
    defineRoute({
      name: 'corrective-actions-get',
      method: 'GET',
      path: '/corrective-actions/{id}',
      summary: 'A corrective action with its source, checks and the caller’s abilities',
      tag: 'corrective-actions',
      access: 'signed-in',
      params: contract.idParams,
      response: contract.actionDetailSchema,
      handler: async ({ actor, services, params }) => json(await getCorrectiveAction(services, actor, params.id)),
    }),
    ...actionCommandKinds.map((kind) =>
      defineRoute({
        name: `corrective-actions-${kind.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`,
        method: 'POST',
        path: `/corrective-actions/{id}/${kind}`,
        summary: commandSummaries[kind],
        tag: 'corrective-actions',
        access: 'signed-in',
        conditional: true,
        params: contract.idParams,
        body: contract.actionCommandBodies[kind] as z.ZodType<Record<string, unknown>>,
        response: contract.actionDetailSchema,
        handler: async ({ actor, services, params, body, etag }) => {
          await runActionCommand(services, actor, {
            actionId: params.id,
            etag: etag(),
            command: { kind, ...body } as ActionCommand,
          });
          return json(await getCorrectiveAction(services, actor, params.id));
        },
      }),
    ),
  ];
}

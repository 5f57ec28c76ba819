import {
  answerAccessRequest,
  createAccessRequest,
  downloadAccessExport,
  getAccessRequest,
  listAccessRequests,
  produceAccessExport,
} from '../app/access-requests.js';
import * as contract from '../contract/schemas.js';
import { defineRoute, json, type Route } from './route.js';

/** Aktindsigt / innsyn requests: the coordinator's list, the export (a zip, kept) and the answer (spread into routes.ts). */
export function accessRequestRoutes(): Route[] {
  return [
    defineRoute({
      name: 'access-requests-list',
      method: 'GET',
      path: '/access-requests',
      summary: 'Requests for access (aktindsigt/innsyn) with their deadlines: open ones first, soonest due',
      tag: 'access-requests',
      access: 'signed-in',
      response: contract.accessRequestListSchema,
      handler: async ({ actor, services }) => json(await listAccessRequests(services, actor)),
    }),
    defineRoute({
      name: 'access-requests-create',
      method: 'POST',
      path: '/access-requests',
      summary:
        'Record a request for access: who, what, when received; the deadline is counted (DK 7, NO 5 working days)',
      tag: 'access-requests',
      access: 'signed-in',
      body: contract.createAccessRequestBody,
      response: contract.accessRequestSchema,
      successStatus: 201,
      handler: async ({ actor, services, body }) => json(await createAccessRequest(services, actor, body), 201),
    }),
    defineRoute({
      name: 'access-requests-get',
      method: 'GET',
      path: '/access-requests/{id}',
      summary: 'One request for access with its exports and answer, with its ETag',
      tag: 'access-requests',
      access: 'signed-in',
      params: contract.accessRequestParams,
      response: contract.accessRequestSchema,
      handler: async ({ actor, services, params }) => json(await getAccessRequest(services, actor, params.id)),
    }),
    defineRoute({
      name: 'access-requests-export',
      method: 'POST',
      path: '/access-requests/{id}/exports',
      summary:
        'Produce the export: every version as stamped PDF, the originals, the history; drafts listed as internal unless chosen. The zip is kept',
      tag: 'access-requests',
      access: 'signed-in',
      conditional: true,
      params: contract.accessRequestParams,
      body: contract.accessExportBody,
      response: contract.accessRequestSchema,
      handler: async ({ actor, services, params, body, etag }) =>
        json(await produceAccessExport(services, actor, params.id, etag(), body)),
    }),
    defineRoute({
      name: 'access-requests-export-file',
      method: 'GET',
      path: '/access-requests/{id}/exports/{number}/file',
      summary: 'An export as it was handed out (zip)',
      tag: 'access-requests',
      access: 'signed-in',
      params: contract.accessExportParams,
      handler: async ({ actor, services, params }) => {
        const file = await downloadAccessExport(services, actor, params.id, params.number);
        return {
          kind: 'file',
          bytes: file.bytes,
          mediaType: 'application/zip',
          fileName: file.fileName,
          inline: false,
        };
      },
    }),
    defineRoute({
      name: 'access-requests-answer',
      method: 'POST',
      path: '/access-requests/{id}/answer',
      summary:
        'Record the answer (granted, partly granted, refused) and the day it was sent; the request is then closed',
      tag: 'access-requests',
      access: 'signed-in',
      conditional: true,
      params: contract.accessRequestParams,
      body: contract.accessAnswerBody,
      response: contract.accessRequestSchema,
      handler: async ({ actor, services, params, body, etag }) =>
        json(await answerAccessRequest(services, actor, params.id, etag(), body)),
    }),
  ];
}

import { chooseStandards, getStandards } from '../app/choose-standards.js';
import { getCoverageMatrix } from '../app/coverage-matrix-view.js';
import { getFokusOverview, getRoundView } from '../app/fokus-views.js';
import { importRoundScores } from '../app/import-round-scores.js';
import { createEvaluationRound, updateEvaluationRound } from '../app/save-evaluation-round.js';
import { setUnitScores } from '../app/set-unit-scores.js';
import * as contract from '../contract/fokus-schemas.js';
import { defineRoute, json, type Route } from './route.js';

/** A round's scores are a row per unit: a few hundred at most; this keeps a stray upload small. */
const maxScoreImportBytes = 2 * 1024 * 1024;

/** FOKUS-style evaluation rounds, the standards worked by and the coverage matrix (spread into routes.ts). */
export function fokusRoutes(): Route[] {
  return [
    defineRoute({
      name: 'fokus-get',
      method: 'GET',
      path: '/fokus',
      summary: 'Evaluation rounds with their summaries, and the units side by side across rounds with the change',
      tag: 'fokus',
      access: 'signed-in',
      response: contract.fokusOverviewSchema,
      handler: async ({ actor, services }) => json(await getFokusOverview(services, actor)),
    }),
    defineRoute({
      name: 'fokus-round-create',
      method: 'POST',
      path: '/fokus/rounds',
      summary: 'Create an evaluation round: its themes, scale and units',
      tag: 'fokus',
      access: 'signed-in',
      body: contract.roundBody,
      response: contract.roundSchema,
      successStatus: 201,
      handler: async ({ actor, services, body }) => json(await createEvaluationRound(services, actor, body), 201),
    }),
    defineRoute({
      name: 'fokus-round-get',
      method: 'GET',
      path: '/fokus/rounds/{id}',
      summary: 'One evaluation round with its summary, with its ETag',
      tag: 'fokus',
      access: 'signed-in',
      params: contract.roundParams,
      response: contract.roundSchema,
      handler: async ({ actor, services, params }) => json(await getRoundView(services, actor, params.id)),
    }),
    defineRoute({
      name: 'fokus-round-update',
      method: 'PUT',
      path: '/fokus/rounds/{id}',
      summary: 'Change an evaluation round (themes sent with their ids keep their scores)',
      tag: 'fokus',
      access: 'signed-in',
      conditional: true,
      params: contract.roundParams,
      body: contract.roundBody,
      response: contract.roundSchema,
      handler: async ({ actor, services, params, body, etag }) =>
        json(await updateEvaluationRound(services, actor, params.id, body, etag())),
    }),
    defineRoute({
      name: 'fokus-unit-scores-set',
      method: 'PUT',
      path: '/fokus/rounds/{id}/units/{unitId}',
      summary: 'Set a unit’s scores in a round; themes left out make it not comparable',
      tag: 'fokus',
      access: 'signed-in',
      params: contract.roundUnitParams,
      body: contract.unitScoresBody,
      response: contract.roundSchema,
      handler: async ({ actor, services, params, body }) =>
        json(await setUnitScores(services, actor, { roundId: params.id, unitId: params.unitId, ...body })),
    }),
    defineRoute({
      name: 'fokus-scores-import',
      method: 'POST',
      path: '/fokus/rounds/{id}/import',
      summary:
        'Import a round’s scores from .xlsx or CSV (Enhed;theme…;Bemærkning): preview, or apply all rows or none',
      tag: 'fokus',
      access: 'signed-in',
      params: contract.roundParams,
      query: contract.scoreImportQuery,
      body: 'binary',
      maxBodyBytes: maxScoreImportBytes,
      response: contract.scoreImportResultSchema,
      handler: async ({ actor, services, params, query, body }) =>
        json(
          await importRoundScores(services, actor, {
            roundId: params.id,
            ...query,
            bytes: body as unknown as Uint8Array,
          }),
        ),
    }),
    defineRoute({
      name: 'standards-get',
      method: 'GET',
      path: '/standards',
      summary: 'The standards the municipality works by, and those it can choose',
      tag: 'fokus',
      access: 'signed-in',
      response: contract.standardsSchema,
      handler: async ({ actor, services }) => json(await getStandards(services, actor)),
    }),
    defineRoute({
      name: 'standards-choose',
      method: 'PUT',
      path: '/standards',
      summary: 'Choose the standards the municipality works by (ISO 9001, 14001, 45001)',
      tag: 'fokus',
      access: 'signed-in',
      conditional: true,
      body: contract.chooseStandardsBody,
      response: contract.standardsSchema,
      handler: async ({ actor, services, body, etag }) =>
        json(await chooseStandards(services, actor, { standardIds: body.standardIds, etag: etag() })),
    }),
    defineRoute({
      name: 'coverage-matrix-get',
      method: 'GET',
      path: '/coverage',
      summary: 'Clause × procedures, goals and audits for each standard worked by, revealing uncovered clauses',
      tag: 'fokus',
      access: 'signed-in',
      response: contract.coverageMatrixSchema,
      handler: async ({ actor, services }) => json(await getCoverageMatrix(services, actor)),
    }),
  ];
}

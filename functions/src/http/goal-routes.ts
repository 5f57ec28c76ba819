import { getCaseStatistics, getGoalView, getQualityPolicyView, listGoalViews } from '../app/goal-views.js';
import { importCases, previewCases, saveCaseSource } from '../app/import-cases.js';
import { createGoal, updateGoal } from '../app/save-goal.js';
import { saveQualityPolicy } from '../app/save-quality-policy.js';
import * as contract from '../contract/goal-schemas.js';
import { caseImportLimits } from '../core/case-import.js';
import { AppError } from '../core/errors.js';
import type { CaseColumnMapping, GoalMeasurement } from '../core/goal-types.js';
import type { LocalDate } from '../core/local-date.js';
import { canManageGoals, ensure } from '../core/policies.js';
import type { GoalInput } from '../app/save-goal.js';
import { defineRoute, json, type Route } from './route.js';

const tag = 'goals';

/** The zod output of a goal body as the use case's input (dates are checked calendar dates). */
const goalInput = <T>(body: T) => body as unknown as GoalInput;

/** Quality policy, goals and case data (spread into the route table in routes.ts). */
export function goalRoutes(): Route[] {
  return [
    defineRoute({
      name: 'quality-policy-get',
      method: 'GET',
      path: '/quality-policy',
      summary: 'The quality policy (ISO 9001 5.2): its text, who adopted it and when, published or not',
      tag,
      access: 'signed-in',
      response: contract.qualityPolicyViewSchema,
      handler: async ({ actor, services }) => json(await getQualityPolicyView(services, actor)),
    }),
    defineRoute({
      name: 'quality-policy-save',
      method: 'PUT',
      path: '/quality-policy',
      summary: 'Write the quality policy (If-Match "0" creates it); the coordinator only',
      tag,
      access: 'signed-in',
      conditional: true,
      body: contract.saveQualityPolicyBody,
      response: contract.qualityPolicyViewSchema,
      handler: async ({ actor, services, body, etag }) =>
        json(
          await saveQualityPolicy(services, actor, {
            ...body,
            adoptedOn: body.adoptedOn as LocalDate | null,
            etag: etag(),
          }),
        ),
    }),
    defineRoute({
      name: 'goals-list',
      method: 'GET',
      path: '/goals',
      summary: 'The quality goals with their last reading (colour, value) and abilities',
      tag,
      access: 'signed-in',
      response: contract.goalListSchema,
      handler: async ({ actor, services }) => json(await listGoalViews(services, actor)),
    }),
    defineRoute({
      name: 'goals-create',
      method: 'POST',
      path: '/goals',
      summary: 'Set a quality goal (ISO 9001 6.2); the coordinator only',
      tag,
      access: 'signed-in',
      body: contract.createGoalBody,
      response: contract.goalDetailSchema,
      successStatus: 201,
      handler: async ({ actor, services, body }) => json(await createGoal(services, actor, goalInput(body)), 201),
    }),
    defineRoute({
      name: 'goals-get',
      method: 'GET',
      path: '/goals/{id}',
      summary: 'One goal with its reading and, when measured by cases, the figures of its period, with its ETag',
      tag,
      access: 'signed-in',
      params: contract.goalParams,
      response: contract.goalDetailSchema,
      handler: async ({ actor, services, params }) => json(await getGoalView(services, actor, params.id)),
    }),
    defineRoute({
      name: 'goals-update',
      method: 'PATCH',
      path: '/goals/{id}',
      summary: 'Change a goal (the coordinator), or enter a value (its owner, entered goals only)',
      tag,
      access: 'signed-in',
      conditional: true,
      params: contract.goalParams,
      body: contract.updateGoalBody,
      response: contract.goalDetailSchema,
      handler: async ({ actor, services, params, body, etag }) =>
        json(
          await updateGoal(services, actor, {
            id: params.id,
            etag: etag(),
            changes: body as unknown as Partial<GoalInput> & { measurement?: GoalMeasurement },
          }),
        ),
    }),
    defineRoute({
      name: 'case-statistics',
      method: 'GET',
      path: '/case-statistics',
      summary:
        'Processing-time figures of the cases decided in a period: share within target, mean and median days, backlog; per month (with rolling 12 months), quarter, year, case type and unit',
      tag,
      access: 'signed-in',
      query: contract.caseStatisticsQuery,
      response: contract.caseStatisticsSchema,
      handler: async ({ actor, services, query }) =>
        json(
          await getCaseStatistics(services, actor, {
            ...query,
            from: query.from as LocalDate,
            to: query.to as LocalDate,
          }),
        ),
    }),
    defineRoute({
      name: 'case-sources-list',
      method: 'GET',
      path: '/case-sources',
      summary: 'The case-data sources and their saved column mappings; the coordinator only',
      tag,
      access: 'signed-in',
      response: contract.caseSourceListSchema,
      handler: async ({ actor, services }) => {
        ensure(canManageGoals(actor), 'Only the quality coordinator maps case data.');
        return json({ sources: await services.goals.listCaseSources() });
      },
    }),
    defineRoute({
      name: 'case-source-get',
      method: 'GET',
      path: '/case-sources/{id}',
      summary: 'One case-data source and its saved column mapping, with its ETag; the coordinator only',
      tag,
      access: 'signed-in',
      params: contract.caseSourceParams,
      response: contract.caseSourceViewSchema,
      handler: async ({ actor, services, params }) => {
        ensure(canManageGoals(actor), 'Only the quality coordinator maps case data.');
        const source = await services.goals.getCaseSource(params.id);
        if (!source) throw new AppError('NOT_FOUND', `No case source ${params.id}.`);
        return json(source);
      },
    }),
    defineRoute({
      name: 'case-sources-save',
      method: 'PUT',
      path: '/case-sources/{id}',
      summary: 'Save a source’s name and column mapping (If-Match "0" creates it); the coordinator only',
      tag,
      access: 'signed-in',
      conditional: true,
      params: contract.caseSourceParams,
      body: contract.saveCaseSourceBody,
      response: contract.caseSourceViewSchema,
      handler: async ({ actor, services, params, body, etag }) =>
        json(
          await saveCaseSource(services, actor, {
            id: params.id,
            etag: etag(),
            name: body.name,
            mapping: body.mapping as CaseColumnMapping,
          }),
        ),
    }),
    defineRoute({
      name: 'case-sources-preview',
      method: 'POST',
      path: '/case-sources/{id}/preview',
      summary: 'The first rows of a case export (.csv or .xlsx) mapped, and every row’s errors; writes nothing',
      tag,
      access: 'signed-in',
      params: contract.caseSourceParams,
      query: contract.caseFileQuery,
      body: 'binary',
      maxBodyBytes: caseImportLimits.maxBytes,
      response: contract.casePreviewSchema,
      handler: async ({ actor, services, params, query, body }) =>
        json(
          await previewCases(services, actor, {
            sourceId: params.id,
            format: query.format,
            bytes: body as unknown as Uint8Array,
          }),
        ),
    }),
    defineRoute({
      name: 'case-sources-import',
      method: 'POST',
      path: '/case-sources/{id}/import',
      summary:
        'Import a case export with the saved mapping: every row or none; the same case id again updates it; the goals are measured again',
      tag,
      access: 'signed-in',
      params: contract.caseSourceParams,
      query: contract.caseFileQuery,
      body: 'binary',
      maxBodyBytes: caseImportLimits.maxBytes,
      response: contract.caseImportResultSchema,
      handler: async ({ actor, services, params, query, body }) =>
        json(
          await importCases(services, actor, {
            sourceId: params.id,
            format: query.format,
            bytes: body as unknown as Uint8Array,
          }),
        ),
    }),
  ];
}

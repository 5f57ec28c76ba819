import { createOccurrence } from '../app/create-occurrence.js';
import { deleteOccurrence } from '../app/delete-occurrence.js';
import { generateYearWheel } from '../app/generate-year-wheel.js';
import { updateOccurrence } from '../app/update-occurrence.js';
import { getOccurrenceView, getYearWheel } from '../app/year-wheel-views.js';
import { okSchema } from '../contract/schemas.js';
import * as contract from '../contract/year-wheel-schemas.js';
import type { LocalDate } from '../core/local-date.js';
import { defineRoute, json, type Route } from './route.js';

/** The årshjul (spread into the route table in routes.ts). */
export function yearWheelRoutes(): Route[] {
  return [
    defineRoute({
      name: 'year-wheel-get',
      method: 'GET',
      path: '/year-wheel',
      summary: 'The årshjul of a year: its occurrences by month with owners, origin, status and abilities',
      tag: 'year-wheel',
      access: 'signed-in',
      query: contract.yearWheelQuery,
      response: contract.yearWheelSchema,
      handler: async ({ actor, services, query }) => json(await getYearWheel(services, actor, query.year)),
    }),
    defineRoute({
      name: 'year-wheel-generate',
      method: 'POST',
      path: '/year-wheel/{year}/generate',
      summary: 'Generate the year’s occurrences from the audits, certificate, evaluations and recurring activities',
      tag: 'year-wheel',
      access: 'signed-in',
      params: contract.yearWheelYearParams,
      response: contract.yearWheelGeneratedSchema,
      handler: async ({ actor, services, params }) => json(await generateYearWheel(services, actor, params.year)),
    }),
    defineRoute({
      name: 'year-wheel-occurrence-create',
      method: 'POST',
      path: '/year-wheel/occurrences',
      summary: 'Add an activity to the årshjul by hand',
      tag: 'year-wheel',
      access: 'signed-in',
      body: contract.createOccurrenceBody,
      response: contract.occurrenceSchema,
      successStatus: 201,
      handler: async ({ actor, services, body }) =>
        json(
          await createOccurrence(services, actor, {
            kind: body.kind ?? 'other',
            title: body.title,
            dueOn: body.dueOn as LocalDate,
            ownerId: body.ownerId,
            note: body.note,
          }),
          201,
        ),
    }),
    defineRoute({
      name: 'year-wheel-occurrence-get',
      method: 'GET',
      path: '/year-wheel/occurrences/{id}',
      summary: 'One occurrence with its status and abilities, with its ETag',
      tag: 'year-wheel',
      access: 'signed-in',
      params: contract.occurrenceParams,
      response: contract.occurrenceSchema,
      handler: async ({ actor, services, params }) => json(await getOccurrenceView(services, actor, params.id)),
    }),
    defineRoute({
      name: 'year-wheel-occurrence-update',
      method: 'PATCH',
      path: '/year-wheel/occurrences/{id}',
      summary: 'Move, rename, re-assign or annotate an occurrence, or mark it done or not done',
      tag: 'year-wheel',
      access: 'signed-in',
      conditional: true,
      params: contract.occurrenceParams,
      body: contract.updateOccurrenceBody,
      response: contract.occurrenceSchema,
      handler: async ({ actor, services, params, body, etag }) =>
        json(
          await updateOccurrence(services, actor, {
            id: params.id,
            etag: etag(),
            changes: {
              dueOn: body.dueOn as LocalDate | undefined,
              ownerId: body.ownerId,
              title: body.title,
              note: body.note,
              completedOn: body.completedOn as LocalDate | null | undefined,
            },
          }),
        ),
    }),
    defineRoute({
      name: 'year-wheel-occurrence-delete',
      method: 'DELETE',
      path: '/year-wheel/occurrences/{id}',
      summary: 'Remove a manual occurrence (generated ones are refused with INVALID_STATE)',
      tag: 'year-wheel',
      access: 'signed-in',
      conditional: true,
      params: contract.occurrenceParams,
      response: okSchema,
      handler: async ({ actor, services, params, etag }) => {
        await deleteOccurrence(services, actor, { id: params.id, etag: etag() });
        return json({ ok: true });
      },
    }),
  ];
}

import { z } from 'zod';
import { id, localDate, requiredText, text } from './primitives.js';
import { occurrenceKinds } from '../core/quality-year-types.js';

/**
 * The årshjul's part of the API contract (re-exported from schemas.ts). Requests are strict:
 * an unknown field is a VALIDATION error.
 */

export const occurrenceKindSchema = z.enum(occurrenceKinds);
const yearNumber = z.coerce.number().int('A whole year').min(2000).max(2100);

export const yearWheelQuery = z.strictObject({ year: yearNumber });
export const yearWheelYearParams = z.strictObject({ year: yearNumber });

export const occurrenceOriginSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('audit'), auditId: z.string() }),
  z.object({ kind: z.literal('certificate'), certificateId: z.string(), cycleIndex: z.number().int() }),
  z.object({ kind: z.literal('evaluation'), evaluationId: z.string() }),
  z.object({ kind: z.literal('recurring'), key: z.string() }),
  z.object({ kind: z.literal('manual') }),
]);

export const occurrenceStatusSchema = z.enum(['done', 'overdue', 'due-soon', 'planned']);

export const occurrenceSchema = z.object({
  id: z.string(),
  kind: occurrenceKindSchema,
  title: z.string(),
  dueOn: localDate,
  owner: z.object({ id: z.string(), name: z.string() }),
  origin: occurrenceOriginSchema,
  completedOn: localDate.nullable(),
  isEdited: z.boolean(),
  note: z.string(),
  status: occurrenceStatusSchema.describe('done; overdue after its date; due-soon within 30 days; else planned'),
  etag: z.string().describe('Send it back as If-Match to change or remove the occurrence'),
  abilities: z.object({ edit: z.boolean(), complete: z.boolean(), delete: z.boolean() }),
});
export type OccurrenceDto = z.infer<typeof occurrenceSchema>;

export const yearWheelSchema = z.object({
  year: z.number().int(),
  today: localDate,
  months: z.array(z.object({ month: z.number().int().min(1).max(12), occurrences: z.array(occurrenceSchema) })),
  abilities: z.object({ generate: z.boolean(), create: z.boolean() }),
});
export type YearWheelDto = z.infer<typeof yearWheelSchema>;

export const yearWheelGeneratedSchema = z.object({
  year: z.number().int(),
  created: z.array(occurrenceSchema),
  updated: z.array(occurrenceSchema),
  unchangedCount: z.number().int(),
  orphans: z.array(occurrenceSchema),
});
export type YearWheelGeneratedDto = z.infer<typeof yearWheelGeneratedSchema>;

export const createOccurrenceBody = z.strictObject({
  kind: occurrenceKindSchema.default('other'),
  title: requiredText(200),
  dueOn: localDate,
  ownerId: id,
  note: text(2000).optional(),
});
export type CreateOccurrenceBody = z.input<typeof createOccurrenceBody>;

export const updateOccurrenceBody = z.strictObject({
  dueOn: localDate.optional(),
  ownerId: id.optional(),
  title: requiredText(200).optional(),
  note: text(2000).optional(),
  completedOn: localDate.nullable().optional().describe('A date marks it done; null marks it not done'),
});
export type UpdateOccurrenceBody = z.input<typeof updateOccurrenceBody>;

export const occurrenceParams = z.strictObject({ id });

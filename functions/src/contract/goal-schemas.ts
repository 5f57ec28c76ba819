import { z } from 'zod';
import {
  caseMetrics,
  caseFields,
  goalCadences,
  goalColours,
  goalStatuses,
  registerMetrics,
} from '../core/goal-types.js';
import { registerKinds } from '../core/register-types.js';
import { caseImportErrorCodes } from '../core/import-errors.js';
import { caseRecordSchema, caseSourceRecord, goalRecord, qualityPolicyRecord } from '../records/goals.js';
import { id, importErrorReportShape, localDate, requiredText, text } from './primitives.js';

/** Quality policy, goals, case data and its statistics (issue 14). */

const policyTextSchema = z
  .strictObject({ da: text(20_000).optional(), nb: text(20_000).optional(), en: text(20_000).optional() })
  .describe('The policy per language; at least one');

export const qualityPolicyViewSchema = z.object({
  policy: qualityPolicyRecord.schema.extend({ text: policyTextSchema }).nullable(),
  etag: z.number().int().nonnegative().describe('The policy’s ETag, 0 before it is written'),
  abilities: z.object({ edit: z.boolean() }),
});
export const saveQualityPolicyBody = z.strictObject({
  text: policyTextSchema,
  adoptedBy: text(200),
  adoptedOn: localDate.nullable(),
  isPublished: z.boolean(),
});

const targetSchema = z.strictObject({
  direction: z.enum(['at-least', 'at-most']),
  value: z.number().min(0).max(100_000),
  unit: z.enum(['percent', 'days', 'count']),
});
const scopeSchema = z.strictObject({ caseTypes: z.array(requiredText(200)).max(50), unitIds: z.array(id).max(50) });
const enteredValueSchema = z.strictObject({ on: localDate, value: z.number().min(0).max(100_000), note: text(500) });
const measurementSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('cases'), metric: z.enum(caseMetrics) }),
  z.strictObject({ kind: z.literal('survey'), surveyId: id.nullable() }),
  z.strictObject({ kind: z.literal('entered'), values: z.array(enteredValueSchema).max(500) }),
  z.strictObject({
    kind: z.literal('register'),
    metric: z.enum(registerMetrics),
    kinds: z.array(z.enum(registerKinds)).max(registerKinds.length).describe('Empty: every kind of item'),
  }),
]);
const thresholdsSchema = z.strictObject({ yellowWithinPoints: z.number().min(0).max(100_000) });
const readingSchema = z.object({
  colour: z.enum(goalColours),
  value: z.number().nullable(),
  computedOn: localDate,
  redSince: localDate.nullable(),
});

const goalFields = {
  title: requiredText(200),
  description: text(4000),
  clauses: z.array(z.string().regex(/^\d{1,2}(\.\d{1,2}){0,3}$/, 'A clause such as 6.2')).max(20),
  target: targetSchema,
  scope: scopeSchema,
  periodFrom: localDate,
  periodTo: localDate,
  cadence: z.enum(goalCadences),
  ownerId: id,
  measurement: measurementSchema,
  thresholds: thresholdsSchema,
  status: z.enum(goalStatuses),
  revisionMonth: z.number().int().min(1).max(12),
};
export const createGoalBody = z.strictObject(goalFields);
export const updateGoalBody = z.strictObject(goalFields).partial();

const figuresSchema = z.object({
  decided: z.number().int(),
  withinTarget: z.number().int(),
  sharePercent: z.number().nullable(),
  meanDays: z.number().nullable(),
  medianDays: z.number().nullable(),
});
export const caseStatisticsSchema = z.object({
  from: localDate,
  to: localDate,
  asOf: localDate,
  headline: figuresSchema,
  backlog: z.number().int(),
  exempt: z.number().int(),
  months: z.array(z.object({ month: z.string(), figures: figuresSchema, rolling12: figuresSchema })),
  quarters: z.array(z.object({ quarter: z.string(), figures: figuresSchema, isPartial: z.boolean() })),
  years: z.array(z.object({ year: z.number().int(), figures: figuresSchema, isPartial: z.boolean() })),
  byCaseType: z.array(z.object({ key: z.string(), figures: figuresSchema, backlog: z.number().int() })),
  byUnit: z.array(z.object({ key: z.string(), figures: figuresSchema, backlog: z.number().int() })),
});
export const caseStatisticsQuery = z.strictObject({
  from: localDate,
  to: localDate,
  caseType: requiredText(200).optional(),
  unitId: id.optional(),
});

const goalViewShape = goalRecord.schema.extend({
  target: targetSchema,
  scope: scopeSchema,
  measurement: measurementSchema,
  thresholds: thresholdsSchema,
  lastReading: readingSchema.nullable(),
  ownerName: z.string(),
  abilities: z.object({ edit: z.boolean(), enterValue: z.boolean() }),
});
export const goalViewSchema = goalViewShape;
export const goalDetailSchema = goalViewShape.extend({ statistics: caseStatisticsSchema.nullable() });
export const goalListSchema = z.object({
  goals: z.array(goalViewSchema),
  abilities: z.object({ create: z.boolean() }),
});
export const goalParams = z.strictObject({ id });

const mappingSchema = z.strictObject(
  Object.fromEntries(caseFields.map((field) => [field, text(200).nullable()])) as Record<
    (typeof caseFields)[number],
    z.ZodNullable<ReturnType<typeof text>>
  >,
);
export const caseSourceViewSchema = caseSourceRecord.schema.extend({ mapping: mappingSchema });
export const caseSourceListSchema = z.object({ sources: z.array(caseSourceViewSchema) });
export const caseSourceParams = z.strictObject({ id });
export const saveCaseSourceBody = z.strictObject({ name: requiredText(200), mapping: mappingSchema });
// The formats of documents/competence-sheet.ts, written out: the tab's goal forms import this module, and
// that one brings ExcelJS.
export const caseFileQuery = z.strictObject({ format: z.enum(['xlsx', 'csv']) });

export const casePreviewSchema = z.object({
  sourceId: z.string(),
  header: z.array(z.string()),
  mapping: mappingSchema,
  isMappingSaved: z.boolean(),
  rowCount: z.number().int(),
  cases: z.array(caseRecordSchema),
  ...importErrorReportShape(caseImportErrorCodes),
});
export const caseImportResultSchema = z.object({
  sourceId: z.string(),
  rowCount: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  goals: z.array(
    z.object({
      goalId: z.string(),
      colour: z.enum(goalColours),
      value: z.number().nullable(),
      hasTurnedRed: z.boolean(),
    }),
  ),
});

export type GoalDetailDto = z.infer<typeof goalDetailSchema>;
export type CaseStatisticsDto = z.infer<typeof caseStatisticsSchema>;
export type CasePreviewDto = z.infer<typeof casePreviewSchema>;

import { z } from 'zod';
import { actionCommandKinds, isEvidenceUrl } from '../core/corrective-action.js';
import {
  id as qualityId,
  localDate as qualityDate,
  requiredText as qualityRequiredText,
  text as qualityText,
} from './primitives.js';
import { actionStatuses, findingGrades } from '../core/quality-year-types.js';

/**
 * Corrective actions (ISO 9001 10.2): requests and responses of /api/corrective-actions.
 * Request objects are strict like the rest of the contract. The small field helpers are shared
 * with evaluation-schemas.ts.
 */

export { qualityDate, qualityId, qualityRequiredText, qualityText };
export const refSchema = z.object({ id: z.string(), name: z.string() });

export const actionStatusSchema = z.enum(actionStatuses);
export const actionCommandSchema = z.enum(actionCommandKinds);

export const createActionBody = z.strictObject({
  source: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('finding'), findingId: qualityId }),
    z.strictObject({ kind: z.literal('other'), title: qualityRequiredText(120), unitId: qualityId.nullable() }),
  ]),
});
export type CreateActionBody = z.infer<typeof createActionBody>;

export const actionBoardQuery = z.strictObject({ unitId: qualityId.optional(), ownerId: qualityId.optional() });

/** One body per command; see core/corrective-action.ts for what each step requires. */
export const actionCommandBodies = {
  recordCorrection: z.strictObject({ correction: qualityRequiredText(4000) }),
  analyseAndPlan: z.strictObject({
    rootCause: qualityRequiredText(4000),
    plan: qualityRequiredText(4000),
    ownerId: qualityId,
    dueOn: qualityDate,
  }),
  replan: z
    .strictObject({
      rootCause: qualityRequiredText(4000).optional(),
      plan: qualityRequiredText(4000).optional(),
      ownerId: qualityId.optional(),
      dueOn: qualityDate.optional(),
    })
    .refine((body) => Object.keys(body).length > 0, 'Change at least one of rootCause, plan, ownerId, dueOn'),
  markImplemented: z.strictObject({
    implementedOn: qualityDate,
    description: qualityRequiredText(4000).describe('What was done'),
    evidenceText: qualityText(2000).optional().describe('Evidence: where it can be seen'),
    evidenceUrl: z
      .string()
      .trim()
      .max(2000)
      .refine((value) => value === '' || isEvidenceUrl(value), 'an http(s) link')
      .optional()
      .describe('Evidence: an http(s) link'),
  }),
  checkEffectiveness: z.strictObject({
    isEffective: z.boolean(),
    note: qualityRequiredText(4000),
    checkedOn: qualityDate.optional(),
    earlyReason: qualityText(2000)
      .optional()
      .describe('Required when the check comes before the waiting period after the implementation has passed'),
  }),
} as const;
export type ActionCommandBodies = { [K in keyof typeof actionCommandBodies]: z.infer<(typeof actionCommandBodies)[K]> };

export const actionSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  status: actionStatusSchema,
  sourceKind: z.enum(['finding', 'management-decision', 'feedback', 'other']),
  unit: refSchema.nullable(),
  owner: refSchema.nullable(),
  dueOn: qualityDate.nullable(),
  isOverdue: z.boolean(),
});
export type ActionSummaryDto = z.infer<typeof actionSummarySchema>;

export const actionBoardSchema = z.object({
  today: qualityDate,
  columns: z.object(
    Object.fromEntries(actionStatuses.map((status) => [status, z.array(actionSummarySchema)])) as {
      [K in (typeof actionStatuses)[number]]: z.ZodArray<typeof actionSummarySchema>;
    },
  ),
  overdue: z.array(z.object({ action: actionSummarySchema, daysOverdue: z.number().int() })),
  abilities: z.object({ create: z.boolean() }),
});
export type ActionBoardDto = z.infer<typeof actionBoardSchema>;

export const actionSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('finding'),
    findingId: z.string(),
    grade: z.enum(findingGrades).nullable(),
    clause: z.string().nullable(),
    description: z.string().nullable(),
    auditId: z.string().nullable(),
    auditTitle: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('management-decision'),
    evaluationId: z.string(),
    decisionId: z.string(),
    year: z.number().int().nullable(),
    text: z.string().nullable(),
  }),
  z.object({ kind: z.literal('feedback'), feedbackId: z.string() }),
  z.object({ kind: z.literal('other') }),
]);

export const actionDetailSchema = actionSummarySchema.extend({
  etag: z.string().describe('Send it back as If-Match with a command'),
  correction: z.string().nullable(),
  rootCause: z.string().nullable(),
  plan: z.string().nullable(),
  implementedOn: qualityDate.nullable(),
  implementedBy: refSchema
    .nullable()
    .describe('Who marked the plan carried out; none of its owners or implementers checks it'),
  implementationNote: z.string().nullable().describe('What was done, told when it was marked implemented'),
  evidenceText: z.string().nullable(),
  evidenceUrl: z.string().nullable(),
  effectivenessCheckDueOn: qualityDate
    .nullable()
    .describe('When the effectiveness check is due; an earlier check needs a reason. Null unless implemented'),
  closedOn: qualityDate.nullable(),
  daysOverdue: z.number().int().nullable(),
  effectivenessChecks: z.array(
    z.object({
      checkedOn: qualityDate,
      checkedBy: z.string(),
      checkedByName: z.string(),
      isEffective: z.boolean(),
      note: z.string(),
      earlyReason: z.string().optional(),
    }),
  ),
  source: actionSourceSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: refSchema.nullable(),
  allowedCommands: z.array(actionCommandSchema),
  abilities: z.object(
    Object.fromEntries(actionCommandKinds.map((command) => [command, z.boolean()])) as {
      [K in (typeof actionCommandKinds)[number]]: z.ZodBoolean;
    },
  ),
});
export type ActionDetailDto = z.infer<typeof actionDetailSchema>;

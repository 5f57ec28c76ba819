import { z } from 'zod';
import { evaluationStatuses } from '../core/quality-year-types.js';
import { reportLocales } from '../documents/evaluation-report-content.js';
import {
  actionStatusSchema,
  qualityDate,
  qualityId,
  qualityRequiredText,
  qualityText,
  refSchema,
} from './action-schemas.js';

/** The management evaluation (ISO 9001 9.3): requests and responses of /api/management-evaluations. */

export const evaluationStatusSchema = z.enum(evaluationStatuses);

export const createEvaluationBody = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  plannedOn: qualityDate,
});

export const evaluationDecisionInput = z.strictObject({
  id: qualityId.optional().describe('Omit for a new decision'),
  text: qualityRequiredText(2000),
  ownerId: qualityId.nullable(),
  dueOn: qualityDate.nullable(),
});

export const updateEvaluationBody = z
  .strictObject({
    plannedOn: qualityDate.optional(),
    heldOn: qualityDate.nullable().optional(),
    participantIds: z.array(qualityId).max(100).optional(),
    guests: z.array(qualityRequiredText(200)).max(50).optional(),
    conclusions: qualityText(20_000).optional(),
    decisions: z.array(evaluationDecisionInput).max(100).optional().describe('The whole list: add, edit, remove'),
    committee: qualityText(200).nullable().optional(),
    committeeOn: qualityDate.nullable().optional(),
    publishedOn: qualityDate.nullable().optional(),
    status: evaluationStatusSchema.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'Send at least one field to change');
export type UpdateEvaluationBody = z.infer<typeof updateEvaluationBody>;

export const emptyBody = z.strictObject({});
export const decisionParams = z.strictObject({ id: qualityId, decisionId: qualityId });

export const evaluationExportQuery = z.strictObject({
  format: z.enum(['pdf', 'docx']),
  locale: z.enum(reportLocales).default('da'),
});

export const evaluationDetailSchema = z.object({
  id: z.string(),
  etag: z.string().describe('Send it back as If-Match to change the evaluation'),
  year: z.number().int(),
  status: evaluationStatusSchema,
  plannedOn: qualityDate,
  heldOn: qualityDate.nullable(),
  participants: z.array(refSchema),
  guests: z.array(z.string()),
  conclusions: z.string(),
  decisions: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      owner: refSchema.nullable(),
      dueOn: qualityDate.nullable(),
      action: z
        .object({ id: z.string(), title: z.string(), status: actionStatusSchema, isOverdue: z.boolean() })
        .nullable(),
    }),
  ),
  committee: z.string().nullable(),
  committeeOn: qualityDate.nullable(),
  publishedOn: qualityDate.nullable(),
  updatedAt: z.string(),
  abilities: z.object({ edit: z.boolean(), createActions: z.boolean(), export: z.boolean() }),
});
export type EvaluationDetailDto = z.infer<typeof evaluationDetailSchema>;

export const evaluationListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      year: z.number().int(),
      status: evaluationStatusSchema,
      plannedOn: qualityDate,
      heldOn: qualityDate.nullable(),
      publishedOn: qualityDate.nullable(),
      decisionCount: z.number().int(),
    }),
  ),
  abilities: z.object({ create: z.boolean() }),
});
export type EvaluationListDto = z.infer<typeof evaluationListSchema>;

/**
 * The live input pack (see app/assemble-evaluation-pack.ts for every field). Documented at the top
 * level here; the sections' shapes are the EvaluationPack type the tab imports.
 */
export const evaluationPackSchema = z.looseObject({
  year: z.number().int(),
  organisationName: z.string(),
  generatedAt: z.string(),
  asOf: qualityDate,
  period: z.object({ from: qualityDate, to: qualityDate }),
  evaluation: z.looseObject({}).nullable(),
  earlierDecisions: z.array(z.looseObject({})),
  audits: z.looseObject({}),
  actions: z.looseObject({}),
  reviewCompliance: z.looseObject({}),
  acknowledgements: z.looseObject({}),
  competenceGaps: z.looseObject({}),
  qualityGoals: z.looseObject({ status: z.string() }),
  surveyResults: z.looseObject({ status: z.string() }),
});

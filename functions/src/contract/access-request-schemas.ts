import { z } from 'zod';
import { accessDecisions, accessLaws, accessRequestStates } from '../core/access-request.js';
import { id, localDate, requiredText, text } from './primitives.js';

/**
 * The API contract of aktindsigt / innsyn requests (issue 16). Requests are strict: an unknown
 * field is a VALIDATION error.
 */

export const accessRequestParams = z.strictObject({ id });
export const accessExportParams = z.strictObject({ id, number: z.coerce.number().int().min(1).max(1000) });

export const createAccessRequestBody = z.strictObject({
  law: z.enum(accessLaws).describe('dk: offentlighedsloven (7 working days); no: offentleglova (5 working days)'),
  requesterName: requiredText(200),
  requesterContact: text(300).default(''),
  subject: requiredText(2000),
  procedureIds: z.array(id).min(1).max(100),
  receivedOn: localDate.describe('The day the request was received; not in the future'),
});
export type CreateAccessRequestBody = z.input<typeof createAccessRequestBody>;

export const accessExportBody = z.strictObject({
  includeDrafts: z.boolean().default(false).describe('Hand out drafts too (else they are only listed as internal)'),
});
export type AccessExportBody = z.input<typeof accessExportBody>;

export const accessAnswerBody = z.strictObject({
  decision: z.enum(accessDecisions),
  text: text(4000).default(''),
  answeredOn: localDate.describe('The day the answer was sent; not before receipt, not in the future'),
});
export type AccessAnswerBody = z.input<typeof accessAnswerBody>;

const handedOutFile = z.object({
  path: z.string(),
  kind: z.enum(['version-pdf', 'original', 'history', 'draft', 'index']),
  procedureId: z.string().nullable(),
  versionId: z.string().nullable(),
  sha256: z.string(),
});

export const accessExportSchema = z.object({
  number: z.number().int().describe('1 for the first export of the request'),
  at: z.string(),
  by: z.object({ id: z.string(), name: z.string() }),
  fileName: z.string(),
  sha256: z.string(),
  includeDrafts: z.boolean(),
  files: z.array(handedOutFile),
});

export const accessDeadlineStatusSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('answered') }),
  z.object({ kind: z.literal('due'), workingDaysLeft: z.number().int() }),
  z.object({ kind: z.literal('overdue'), workingDaysLate: z.number().int() }),
]);

export const accessRequestSchema = z.object({
  id: z.string(),
  law: z.enum(accessLaws),
  requesterName: z.string(),
  requesterContact: z.string(),
  subject: z.string(),
  procedures: z.array(z.object({ id: z.string(), code: z.string(), title: z.string() })),
  receivedOn: z.string(),
  deadlineOn: z.string(),
  deadlineStatus: accessDeadlineStatusSchema,
  state: z.enum(accessRequestStates),
  answer: z
    .object({
      decision: z.enum(accessDecisions),
      text: z.string(),
      answeredOn: z.string(),
      answeredBy: z.object({ id: z.string(), name: z.string() }),
    })
    .nullable(),
  exports: z.array(accessExportSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  etag: z.number().int().describe('Send it back as If-Match to change the request'),
});
export type AccessRequestDto = z.infer<typeof accessRequestSchema>;

export const accessRequestListSchema = z.object({ items: z.array(accessRequestSchema) });

import { z } from 'zod';
import { id, importErrorReportShape, instant, localDate, requiredText, text } from './primitives.js';
import { findingImportErrorCodes } from '../core/import-errors.js';
import {
  auditKinds,
  auditStatuses,
  checklistResults,
  clausePattern,
  findingGrades,
  actionStatuses,
} from '../core/quality-year-types.js';
import { certificateRecord, findingRecord, programmeItemRecord } from '../records/quality-year.js';

/**
 * The API contract of the audit programme, audits, the certificate and findings (ISO 9001 9.2
 * and the certification cycle). Re-exported from schemas.ts. Request objects are strict.
 */

export const clauseSchema = z
  .string()
  .regex(clausePattern, 'An ISO 9001 clause such as 7.5.3, or another standard’s such as 14001:6.1.2')
  .describe('Clause citation: an ISO 9001 clause number, or 14001:… / 45001:… for ISO 14001 and ISO 45001');
const clauses = z.array(clauseSchema).max(30);
const yearSchema = z.coerce.number().int().min(2000).max(2100);
const importanceSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);

const versioned = {
  etag: z.number().int().describe('Send it back as If-Match to change the record'),
  createdAt: instant,
  updatedAt: instant,
  updatedBy: z.string(),
};

export const auditSubjectSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('process'), area: requiredText(120) }),
  z.strictObject({ kind: z.literal('unit'), unitId: id }),
  z.strictObject({ kind: z.literal('clause'), clause: clauseSchema }),
]);

// ---------------------------------------------------------------------------------------------
// Programme

/** The programme line as it is stored (records/quality-year.ts); its JSON fields spelled out for OpenAPI. */
export const programmeItemSchema = programmeItemRecord.schema.extend({
  subject: auditSubjectSchema,
  importance: importanceSchema,
  ...versioned,
});
export type ProgrammeItemDto = z.infer<typeof programmeItemSchema>;
export const programmeItemBody = z.strictObject({
  subject: auditSubjectSchema,
  title: requiredText(200),
  importance: importanceSchema,
  clauses: clauses.default([]),
  unitId: id.nullable().default(null),
  changedOn: localDate.nullable().default(null).describe('A change affecting the subject noted on (9.2.2 a)'),
});
export type ProgrammeItemBody = z.infer<typeof programmeItemBody>;
export const updateProgrammeItemBody = z
  .strictObject({
    subject: auditSubjectSchema,
    title: requiredText(200),
    importance: importanceSchema,
    clauses,
    unitId: id.nullable(),
    changedOn: localDate.nullable(),
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'Send at least one field to change');
export const programmeItemListSchema = z.object({
  items: z.array(programmeItemSchema),
  abilities: z.object({ manage: z.boolean() }),
});

export const yearQuery = z.strictObject({ year: yearSchema });
export const yearParams = z.strictObject({ year: yearSchema });
export const planBody = z.strictObject({ itemIds: z.array(id).min(1).max(100) });

const priorityReasonSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('importance'), importance: importanceSchema, points: z.number() }),
  z.object({ code: z.literal('major-findings'), count: z.number(), sinceYear: z.number(), points: z.number() }),
  z.object({ code: z.literal('minor-findings'), count: z.number(), sinceYear: z.number(), points: z.number() }),
  z.object({ code: z.literal('observations'), count: z.number(), sinceYear: z.number(), points: z.number() }),
  z.object({ code: z.literal('never-audited'), points: z.number() }),
  z.object({ code: z.literal('last-audited'), year: z.number(), yearsSince: z.number(), points: z.number() }),
  z.object({ code: z.literal('changed'), points: z.number() }),
  z.object({ code: z.literal('cycle-coverage'), cycleLastYear: z.number(), points: z.number() }),
]);
export type PriorityReasonDto = z.infer<typeof priorityReasonSchema>;

// ---------------------------------------------------------------------------------------------
// Audits

const independenceWarningSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('no-auditors') }),
  z.object({
    code: z.literal('audits-own-unit'),
    auditorId: z.string(),
    auditorUnitId: z.string(),
    auditedUnitId: z.string(),
  }),
  z.object({ code: z.literal('unknown-auditor'), auditorId: z.string() }),
  z.object({ code: z.literal('unknown-unit'), unitId: z.string() }),
]);
export type IndependenceWarningDto = z.infer<typeof independenceWarningSchema>;

export const checklistLineSchema = z.object({
  id: z.string(),
  clause: z.string().nullable(),
  procedureId: z.string().nullable(),
  question: z.string(),
  result: z.enum(checklistResults),
  note: z.string(),
});
export type ChecklistLineDto = z.infer<typeof checklistLineSchema>;

export const auditSchema = z.object({
  id: z.string(),
  kind: z.enum(auditKinds),
  year: z.number().int(),
  title: z.string(),
  programmeItemId: z.string().nullable(),
  certificateId: z.string().nullable(),
  unitId: z.string().nullable(),
  clauses: z.array(z.string()),
  procedureIds: z.array(z.string()),
  scope: z.string(),
  criteria: z.string(),
  auditorIds: z.array(z.string()),
  externalAuditors: z.array(z.string()),
  plannedOn: localDate,
  status: z.enum(auditStatuses),
  checklist: z.array(checklistLineSchema),
  report: z
    .object({ summary: z.string(), conclusion: z.string(), reportedOn: localDate, reportedBy: z.string() })
    .nullable(),
  ...versioned,
});
export const auditViewSchema = auditSchema.extend({
  independenceWarnings: z.array(independenceWarningSchema),
  abilities: z.object({
    manage: z.boolean(),
    recordResults: z.boolean(),
    correctReport: z.boolean().describe('"Ret rapport": a linked correction of the reported report'),
  }),
});
export type AuditViewDto = z.infer<typeof auditViewSchema>;
export const auditListSchema = z.object({
  year: z.number().int().nullable(),
  audits: z.array(auditViewSchema),
  abilities: z.object({ manage: z.boolean() }),
});
export const auditListQuery = z.strictObject({ year: yearSchema.optional() });

export const programmeYearSchema = z.object({
  year: z.number().int(),
  plan: z.array(
    z.object({
      item: programmeItemSchema,
      score: z.number(),
      frequency: z.enum(['yearly', 'every-2-years', 'every-3-years']),
      reasons: z.array(priorityReasonSchema),
      lastAuditedYear: z.number().int().nullable(),
      suggestedMonth: z.number().int().min(1).max(12),
      /** The audit already planned from this item in the year; null: not planned yet. */
      plannedAuditId: z.string().nullable(),
    }),
  ),
  items: z.array(programmeItemSchema),
  audits: z.array(auditViewSchema),
  certificationCycle: z.object({ firstYear: z.number().int(), lastYear: z.number().int() }).nullable(),
  abilities: z.object({ manage: z.boolean() }),
});
export type ProgrammeYearDto = z.infer<typeof programmeYearSchema>;
export const planResultSchema = z.object({
  created: z.array(auditViewSchema),
  /** Items that already had an audit in the year. */
  alreadyPlanned: z.array(z.string()),
  moved: z
    .array(z.object({ itemId: z.string(), auditId: z.string(), suggestedOn: localDate, plannedOn: localDate }))
    .describe('Audits whose suggested date had passed, planned on the first 15th from today instead'),
});

const people = z.array(id).max(20);
const names = z.array(requiredText(120)).max(10);
export const createAuditBody = z.strictObject({
  kind: z.enum(auditKinds),
  title: requiredText(200),
  year: yearSchema.optional().describe('Defaults to the year of plannedOn'),
  programmeItemId: id.nullable().default(null),
  certificateId: id.nullable().default(null),
  unitId: id.nullable().default(null),
  clauses: clauses.default([]),
  procedureIds: z.array(id).max(50).default([]),
  scope: text(4000).default(''),
  criteria: text(4000).default(''),
  auditorIds: people.default([]),
  externalAuditors: names.default([]),
  plannedOn: localDate,
});
export type CreateAuditBody = z.infer<typeof createAuditBody>;
export const updateAuditBody = z
  .strictObject({
    title: requiredText(200),
    unitId: id.nullable(),
    clauses,
    procedureIds: z.array(id).max(50),
    scope: text(4000),
    criteria: text(4000),
    auditorIds: people,
    externalAuditors: names,
    plannedOn: localDate,
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'Send at least one field to change');
export type UpdateAuditBody = z.infer<typeof updateAuditBody>;
export const auditStatusBody = z.strictObject({ command: z.enum(['start', 'cancel', 'reopen']) });

export const checklistLineParams = z.strictObject({ id, lineId: id });
export const addChecklistLineBody = z
  .strictObject({
    clause: clauseSchema.nullable().default(null),
    procedureId: id.nullable().default(null),
    question: requiredText(1000),
  })
  .refine((body) => body.clause !== null || body.procedureId !== null, 'Name a clause or a procedure');
export const updateChecklistLineBody = z
  .strictObject({
    clause: clauseSchema.nullable(),
    procedureId: id.nullable(),
    question: requiredText(1000),
    result: z.enum(checklistResults),
    note: text(4000),
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'Send at least one field to change');
export type UpdateChecklistLineBody = z.infer<typeof updateChecklistLineBody>;
export const reportAuditBody = z.strictObject({
  summary: requiredText(8000),
  conclusion: requiredText(4000),
  reportedOn: localDate.optional().describe('Defaults to today'),
});

// ---------------------------------------------------------------------------------------------
// Certificates

/** The certificate as it is stored (records/quality-year.ts); cycleYears spelled out for OpenAPI. */
export const certificateSchema = certificateRecord.schema.extend({
  cycleYears: z.union([z.literal(3), z.literal(4)]),
  ...versioned,
});
export type CertificateDto = z.infer<typeof certificateSchema>;
export const certificateListSchema = z.object({
  certificates: z.array(certificateSchema),
  abilities: z.object({ manage: z.boolean() }),
});
export const certificateBody = z.strictObject({
  body: requiredText(120),
  standard: requiredText(60),
  scope: requiredText(2000),
  certificateNumber: text(60).default(''),
  issuedOn: localDate,
  expiresOn: localDate,
  cycleYears: z.union([z.literal(3), z.literal(4)]).default(3),
  isActive: z.boolean().default(true),
});
export type CertificateBody = z.infer<typeof certificateBody>;
export const updateCertificateBody = z
  .strictObject({
    body: requiredText(120),
    standard: requiredText(60),
    scope: requiredText(2000),
    certificateNumber: text(60),
    issuedOn: localDate,
    expiresOn: localDate,
    cycleYears: z.union([z.literal(3), z.literal(4)]),
    isActive: z.boolean(),
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'Send at least one field to change');
export const certificateCycleSchema = z.object({
  certificate: certificateSchema,
  audits: z.array(
    z.object({
      kind: z.enum(['surveillance', 'recertification']),
      index: z.number().int(),
      dueOn: localDate,
      windowStart: localDate,
      auditId: z.string().nullable(),
      auditStatus: z.enum(auditStatuses).nullable(),
      plannedOn: localDate.nullable(),
      state: z
        .enum(['held', 'overdue', 'planned', 'not-recorded'])
        .describe('overdue: its date has passed without a reported audit (core/certifier-audit-match.ts)'),
    }),
  ),
  next: z
    .object({ kind: z.enum(['surveillance', 'recertification']), index: z.number().int(), dueOn: localDate })
    .nullable(),
});
export type CertificateCycleDto = z.infer<typeof certificateCycleSchema>;

// ---------------------------------------------------------------------------------------------
// Findings

/**
 * The finding as it is stored: its declaration's schema (records/quality-year.ts), so a field
 * added there is in the API without restating it here; the version fields carry the contract's
 * descriptions.
 */
export const findingSchema = findingRecord.schema.extend({
  ...versioned,
  withdrawal: z
    .object({ withdrawnOn: localDate, withdrawnBy: z.string(), reason: z.string(), revisionId: z.string() })
    .nullable()
    .describe('Withdrawn by a correction of the audit’s report: kept and shown, not counted'),
});
export const findingViewSchema = findingSchema.extend({
  /** The corrective action's status when there is one. */
  actionStatus: z.enum(actionStatuses).nullable(),
  /** A major or minor nonconformity whose action is missing or not closed. */
  isOpen: z.boolean(),
  abilities: z.object({ edit: z.boolean() }),
});
export type FindingViewDto = z.infer<typeof findingViewSchema>;
export const findingListSchema = z.object({ findings: z.array(findingViewSchema) });
export const findingListQuery = z.strictObject({
  state: z.enum(['open', 'all']).default('open'),
  year: yearSchema.optional(),
  unitId: id.optional(),
});
export const findingBody = z.strictObject({
  grade: z.enum(findingGrades),
  clause: clauseSchema.nullable().default(null),
  procedureId: id.nullable().default(null),
  unitId: id.nullable().default(null),
  description: requiredText(4000),
  foundOn: localDate.optional().describe('Defaults to the day it is recorded; never after today'),
  checklistLineId: id
    .nullable()
    .default(null)
    .describe('The checklist line it is recorded from; a line gives one finding (DUPLICATE for a second)'),
});
export type FindingBody = z.infer<typeof findingBody>;
export const updateFindingBody = z
  .strictObject({
    grade: z.enum(findingGrades),
    clause: clauseSchema.nullable(),
    procedureId: id.nullable(),
    unitId: id.nullable(),
    description: requiredText(4000),
    foundOn: localDate,
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'Send at least one field to change');
export const findingImportQuery = z.strictObject({ mode: z.enum(['preview', 'apply']).default('preview') });
export const findingImportResultSchema = z.object({
  mode: z.enum(['preview', 'apply']),
  isApplied: z.boolean(),
  rows: z.array(
    z.object({
      line: z.number().int(),
      grade: z.enum(findingGrades),
      clause: z.string().nullable(),
      procedureId: z.string().nullable(),
      unitId: z.string().nullable(),
      description: z.string(),
      foundOn: localDate,
    }),
  ),
  ...importErrorReportShape(findingImportErrorCodes),
  created: z.array(z.string()).describe('Ids of the findings created (apply only)'),
});
export type FindingImportResultDto = z.infer<typeof findingImportResultSchema>;

// ---------------------------------------------------------------------------------------------
// Correcting a reported audit's report (core/audit-correction.ts)

export const correctAuditReportBody = z
  .strictObject({
    reason: requiredText(2000).describe('Why the reported report is corrected (kept with both revisions)'),
    summary: requiredText(8000).optional().describe('The corrected report text; unchanged when left out'),
    conclusion: requiredText(4000).optional().describe('The corrected conclusion; unchanged when left out'),
    checklist: z
      .array(z.strictObject({ lineId: id, result: z.enum(checklistResults).optional(), note: text(4000).optional() }))
      .max(100)
      .default([])
      .describe('Corrected results and notes of checklist lines (lines are neither added nor removed)'),
    addFindings: z
      .array(findingBody.extend({ checklistLineId: id.nullable().default(null) }))
      .max(20)
      .default([])
      .describe('Findings the report missed (a checklist line gives one finding)'),
    withdrawFindings: z
      .array(z.strictObject({ findingId: id, reason: requiredText(2000) }))
      .max(50)
      .default([])
      .describe('Findings withdrawn with their reasons: kept and shown, no longer counted'),
  })
  .describe('A linked correction of a reported audit’s report; findings are not copied');
export type CorrectAuditReportBody = z.infer<typeof correctAuditReportBody>;

export const auditReportRevisionSchema = z.object({
  id: z.string().describe('The revision’s id: the audit’s own for the reported original'),
  revision: z.number().int().describe('0: the reported original; 1, 2 …: its corrections, in order'),
  madeAt: instant,
  madeBy: z.string(),
  lockedAt: instant.nullable(),
  correctsId: z.string().nullable(),
  correctionReason: z.string().nullable(),
  correctedById: z.string().nullable(),
  report: z
    .object({ summary: z.string(), conclusion: z.string(), reportedOn: localDate, reportedBy: z.string() })
    .nullable(),
  checklist: z.array(checklistLineSchema),
  findingIds: z.array(z.string()).describe('The findings counted in this revision (withdrawn ones left out)'),
});
export type AuditReportRevisionDto = z.infer<typeof auditReportRevisionSchema>;
export const auditReportRevisionsSchema = z.object({ revisions: z.array(auditReportRevisionSchema) });
export const auditReportCorrectionSchema = z.object({
  audit: auditViewSchema,
  revision: auditReportRevisionSchema,
});

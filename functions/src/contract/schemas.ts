import { z } from 'zod';
import { id, importErrorReportShape, instant, localDate, requiredText, text } from './primitives.js';
import { matrixImportErrorCodes } from '../core/import-errors.js';
import { processLevels, roles, versionStates } from '../core/types.js';
import { locales } from '../core/locale.js';
import { assessments, evidenceKinds, sheetFormats } from '../core/competence-types.js';
import { procedureSortKeys, procedureStatusFilters } from '../app/ports.js';
import { inboxItemSchema } from './overview-schemas.js';
import { competenceRecord, personRecord, unitRecord } from '../records/index.js';

/**
 * The API contract: one zod schema per boundary. The route table validates requests with these,
 * the OpenAPI document is generated from them, and the tab imports their inferred types.
 * Request objects are strict: an unknown field is a VALIDATION error, not silently dropped.
 */

export const processLevelSchema = z.enum(processLevels);
export const roleSchema = z.enum(roles);
export const localeSchema = z.enum(locales);
export type Locale = z.infer<typeof localeSchema>;

export const idParams = z.strictObject({ id });
export const versionParams = z.strictObject({ id, versionId: id });

export const personRef = z.object({ id: z.string(), name: z.string() });
export type PersonRef = z.infer<typeof personRef>;

/** People, units and competences as they are stored: their declarations' schemas (records/). */
export const personSchema = personRecord.schema;
export type PersonDto = z.infer<typeof personSchema>;
export const peopleSchema = z.array(personSchema);

export const unitSchema = unitRecord.schema;
export type UnitDto = z.infer<typeof unitSchema>;
export const unitsSchema = z.array(unitSchema);

export const audienceSchema = z.strictObject({
  unitIds: z.array(id).max(50).default([]),
  roles: z.array(roleSchema).max(10).default([]),
});
export const standardReferenceSchema = z.strictObject({
  standard: requiredText(40),
  clauses: z.array(requiredText(20)).max(30).default([]),
});

export const abilitiesSchema = z.object({
  read: z.boolean(),
  readDraft: z.boolean(),
  editMetadata: z.boolean(),
  startDraft: z.boolean(),
  editDraft: z.boolean(),
  submitDraft: z.boolean(),
  withdraw: z.boolean(),
  approve: z.boolean(),
  reject: z.boolean(),
  confirmReview: z.boolean(),
  acknowledge: z.boolean(),
  readFollowUp: z.boolean(),
});
export type Abilities = z.infer<typeof abilitiesSchema>;

export const meSchema = z.object({
  person: personSchema,
  mode: z.enum(['local', 'production']),
  organisationName: z.string(),
  abilities: z.object({
    createProcedure: z.boolean(),
    switchUser: z.boolean(),
    readSurveyResults: z.boolean().describe('The satisfaction surveys scene is for leaders and the coordinator'),
    handleAccessRequests: z.boolean().describe('The aktindsigt scene is for the quality coordinator').default(false),
  }),
});
export type MeDto = z.infer<typeof meSchema>;

/**
 * How the tab signs in, asked before anyone is signed in. Production names the public client
 * settings MSAL needs (nothing secret: the same ids are in the Teams app manifest).
 */
export const signInSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('local') }),
  z.object({
    mode: z.literal('production'),
    clientId: z.string(),
    authority: z.string(),
    scopes: z.array(z.string()),
  }),
]);
export type SignInDto = z.infer<typeof signInSchema>;

export const reviewStatusSchema = z.enum(['none', 'ok', 'due-soon', 'overdue']);
export const procedureStatusSchema = z.enum(['published', 'unpublished']);

export const procedureListItemSchema = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  level: processLevelSchema,
  area: z.string(),
  unitId: z.string().nullable(),
  owner: personRef,
  status: procedureStatusSchema,
  version: z.string().nullable(),
  revision: z.enum(['none', 'draft', 'pending']).describe('Only shown to those who may see the draft; else none'),
  nextReviewOn: localDate.nullable(),
  reviewStatus: reviewStatusSchema,
  updatedAt: instant,
});
export type ProcedureListItem = z.infer<typeof procedureListItemSchema>;

export const procedureListQuery = z.strictObject({
  level: processLevelSchema.optional(),
  area: text(120).optional(),
  status: z.enum(procedureStatusFilters).optional(),
  ownerId: id.optional(),
  unitId: id.optional(),
  sort: z.enum(procedureSortKeys).default('code'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ProcedureListQuery = z.infer<typeof procedureListQuery>;

export const procedureListSchema = z.object({
  items: z.array(procedureListItemSchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type ProcedureList = z.infer<typeof procedureListSchema>;

export const areaSummarySchema = z.object({
  areas: z.array(z.object({ level: processLevelSchema, area: z.string(), count: z.number().int() })),
});

/**
 * What search finds, in the order results are listed: procedures first, then the open drafts
 * (only for those who may read them), then the quality year's records and competences.
 */
export const searchKinds = ['procedure', 'draft', 'corrective-action', 'audit', 'finding', 'competence'] as const;
export type SearchKind = (typeof searchKinds)[number];

export const searchQuery = z.strictObject({
  q: z.string().max(200, 'At most 200 characters'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
  kinds: z
    .string()
    .regex(/^[a-z-]+(,[a-z-]+)*$/, 'Comma-separated kinds')
    .transform((value) => value.split(','))
    .pipe(z.array(z.enum(searchKinds)))
    .optional()
    .describe(`Only these kinds, comma-separated: ${searchKinds.join(', ')}`),
});
export type SearchQuery = z.infer<typeof searchQuery>;

export const searchHitSchema = z.object({
  kind: z.enum(searchKinds),
  /** The record's id: procedure (also for its draft), corrective action, audit, finding or competence. */
  id: z.string(),
  /** Set for procedures and drafts (the procedure's id, as `id`). */
  procedureId: z.string().nullable(),
  /** The audit a finding belongs to, where the tab shows it; the audit itself for audits. */
  auditId: z.string().nullable(),
  /** Procedures and drafts only. */
  code: z.string().nullable(),
  title: z.string(),
  snippet: z.array(z.object({ text: z.string(), isMatch: z.boolean() })),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResultSchema = z.object({
  query: z.string(),
  /** Every hit there is, not only this page's. */
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  hits: z.array(searchHitSchema),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const fileSchema = z.object({
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
});

export const versionSchema = z.object({
  id: z.string(),
  state: z.enum(versionStates),
  label: z.string().nullable(),
  kind: z.enum(['major', 'minor']).nullable(),
  author: personRef,
  file: fileSchema,
  changeSummary: z.string().nullable(),
  createdAt: instant,
  updatedAt: instant,
  publishedAt: instant.nullable(),
  approvedBy: personRef.nullable(),
  supersededBy: z.object({ id: z.string(), label: z.string().nullable() }).nullable(),
  obsoleteAt: instant.nullable(),
});
export type VersionDto = z.infer<typeof versionSchema>;

export const approvalSchema = z.object({
  id: z.string(),
  versionId: z.string(),
  versionLabel: z.string().nullable(),
  requestedBy: personRef,
  requestedAt: instant,
  approver: personRef,
  changeSummary: z.string(),
  kind: z.enum(['major', 'minor']),
  decision: z.enum(['approved', 'rejected', 'withdrawn']).nullable(),
  decidedBy: personRef.nullable(),
  decidedAt: instant.nullable(),
  comment: z.string().nullable(),
});
export type ApprovalDto = z.infer<typeof approvalSchema>;

export const reviewSchema = z.object({
  id: z.string(),
  reviewer: personRef,
  outcome: z.enum(['still-valid', 'revision-started']),
  comment: z.string().nullable(),
  reviewedAt: instant,
  dueOn: localDate.nullable(),
  nextReviewOn: localDate.nullable(),
});
export type ReviewDto = z.infer<typeof reviewSchema>;

export const trailEntrySchema = z.object({
  seq: z.number().int(),
  at: instant,
  actor: personRef,
  action: z.string(),
  summary: z.string(),
});

export const procedureDetailSchema = z.object({
  id: z.string(),
  etag: z.string(),
  code: z.string(),
  title: z.string(),
  level: processLevelSchema,
  area: z.string(),
  unit: unitSchema.nullable(),
  owner: personRef,
  approver: personRef,
  approverCandidates: z
    .array(personRef)
    .describe(
      'Whom the caller may ask to approve the open draft (approval authority, not its author or submitter); empty unless the caller may submit it',
    ),
  audience: z.object({ unitIds: z.array(z.string()), roles: z.array(roleSchema) }),
  reviewIntervalMonths: z.number().int(),
  standards: z.array(z.object({ standard: z.string(), clauses: z.array(z.string()) })),
  legalBasis: z.array(z.string()),
  status: procedureStatusSchema,
  approvedOn: localDate.nullable(),
  lastReviewedOn: localDate.nullable(),
  nextReviewOn: localDate.nullable(),
  reviewStatus: reviewStatusSchema,
  currentVersion: versionSchema.nullable(),
  draft: versionSchema.nullable(),
  pendingApproval: approvalSchema.nullable(),
  versions: z.array(versionSchema),
  approvals: z.array(approvalSchema),
  reviews: z.array(reviewSchema),
  myAcknowledgement: z
    .object({ versionId: z.string(), requested: z.boolean(), acknowledgedAt: instant.nullable() })
    .nullable(),
  trail: z.array(trailEntrySchema),
  abilities: abilitiesSchema,
});
export type ProcedureDetail = z.infer<typeof procedureDetailSchema>;

export const renderedVersionSchema = z.object({
  versionId: z.string(),
  mediaType: z.string(),
  html: z.string().describe('Sanitised HTML; empty for PDF, which the tab embeds from the file URL'),
});
export type RenderedVersion = z.infer<typeof renderedVersionSchema>;

const diffSegmentSchema = z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() });
export const comparedBlockSchema = z.object({
  type: z.enum(['heading', 'paragraph', 'list-item', 'table-cell', 'preformatted']),
  level: z.number().int().min(0).max(6).describe('1–6 for headings, otherwise 0'),
  change: z.enum(['same', 'changed', 'added', 'removed']),
  segments: z.array(diffSegmentSchema),
});
export type ComparedBlock = z.infer<typeof comparedBlockSchema>;

/** GET /approvals/{id}/comparison: what the approver reads before deciding. */
export const approvalComparisonSchema = z.object({
  approval: approvalSchema,
  procedure: z.object({ id: z.string(), code: z.string(), title: z.string() }),
  from: z
    .object({ id: z.string(), label: z.string().nullable() })
    .nullable()
    .describe('The version the draft replaces; null for a first version'),
  draft: z.object({ id: z.string(), mediaType: z.string(), fileName: z.string(), sha256: z.string() }),
  metadataChanges: z.array(z.object({ field: z.string(), from: z.string(), to: z.string() })),
  comparison: z
    .discriminatedUnion('state', [
      z.object({
        state: z.literal('compared'),
        blocks: z.array(comparedBlockSchema),
        counts: z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int() }),
      }),
      z.object({ state: z.literal('not-text') }),
      z.object({ state: z.literal('too-large') }),
    ])
    .describe('The rendered texts compared block by block, words within changed blocks; not for PDF'),
  abilities: z.object({ approve: z.boolean(), reject: z.boolean() }),
});
export type ApprovalComparisonDto = z.infer<typeof approvalComparisonSchema>;

/** A procedure's metadata fields, without defaults: a PATCH changes only the fields it sends. */
const procedureMetadataFields = {
  title: requiredText(200),
  level: processLevelSchema,
  area: requiredText(120),
  unitId: id.nullable(),
  ownerId: id,
  approverId: id,
  audience: audienceSchema,
  reviewIntervalMonths: z.number().int().min(1).max(60),
  standards: z.array(standardReferenceSchema).max(10),
  legalBasis: z.array(requiredText(200)).max(20),
};

export const createProcedureBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-ZÆØÅ]{1,4}-\d{1,3}[a-z]?$/, 'A code like K-16 or S-01'),
  ...procedureMetadataFields,
  unitId: procedureMetadataFields.unitId.default(null),
  audience: procedureMetadataFields.audience.default({ unitIds: [], roles: [] }),
  reviewIntervalMonths: procedureMetadataFields.reviewIntervalMonths.default(12),
  standards: procedureMetadataFields.standards.default([]),
  legalBasis: procedureMetadataFields.legalBasis.default([]),
});
export type CreateProcedureBody = z.input<typeof createProcedureBody>;

export const updateProcedureBody = z
  .strictObject(procedureMetadataFields)
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'Nothing to change');
export type UpdateProcedureBody = z.input<typeof updateProcedureBody>;

export const uploadQuery = z.strictObject({ fileName: z.string().min(1).max(255) });
export const versionFileQuery = z.strictObject({
  as: z.string().max(64).optional(),
  inline: z.enum(['true', 'false']).optional(),
  /** `original`: the uploaded format, stamped; `pdf`: the PDF rendition, stamped. */
  format: z.enum(['original', 'pdf']).default('original'),
  /** The language of the stamp (footer, "Ugyldig — erstattet af version N"); Danish when left out. */
  locale: localeSchema.optional(),
});

export const submitBody = z.strictObject({
  changeSummary: requiredText(2000),
  approverId: id.optional(),
  kind: z.enum(['major', 'minor']).default('major'),
});
export type SubmitBody = z.input<typeof submitBody>;

export const decisionBody = z.strictObject({ comment: text(2000).optional() });
export const rejectBody = z.strictObject({ comment: requiredText(2000) });

export const reviewBody = z.strictObject({
  outcome: z.enum(['still-valid', 'revision-started']),
  comment: text(2000).optional(),
});
export type ReviewBody = z.input<typeof reviewBody>;

export const acknowledgementReportSchema = z.object({
  versionId: z.string().nullable(),
  versionLabel: z.string().nullable(),
  requested: z.number().int(),
  acknowledged: z.array(z.object({ person: personRef, acknowledgedAt: instant })),
  missing: z.array(z.object({ person: personRef, unitId: z.string() })),
});
export type AcknowledgementReport = z.infer<typeof acknowledgementReportSchema>;

export const myTasksSchema = z.object({
  approvals: z.array(
    z.object({
      approval: approvalSchema,
      procedure: z.object({ id: z.string(), code: z.string(), title: z.string() }),
    }),
  ),
  acknowledgements: z.array(
    z.object({
      procedure: z.object({ id: z.string(), code: z.string(), title: z.string() }),
      versionId: z.string(),
      versionLabel: z.string().nullable(),
      requestedAt: instant,
    }),
  ),
  reviews: z.array(procedureListItemSchema),
  drafts: z.array(procedureListItemSchema),
  /** The one inbox: the above and the person's work in the other modules, soonest due first. */
  items: z.array(inboxItemSchema),
  /** The organisation's today, e.g. for marking an årshjul activity done from the inbox. */
  today: localDate,
});
export type MyTasks = z.infer<typeof myTasksSchema>;

export const errorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ApiError = z.infer<typeof errorSchema>;

export const okSchema = z.object({ ok: z.literal(true) });

export const chatMessagesSchema = z.object({
  messages: z.array(
    z.object({
      id: z.string(),
      summary: z.string(),
      card: z.record(z.string(), z.unknown()),
      sentAt: instant,
      updatedAt: instant,
    }),
  ),
});
export type ChatMessages = z.infer<typeof chatMessagesSchema>;

// Competence management (ISO 9001 7.2).

export const competenceLevelSchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export const competenceSchema = competenceRecord.schema;
export const evidenceSchema = z.strictObject({
  kind: z.enum(evidenceKinds),
  title: requiredText(200),
  date: localDate.nullable(),
});
export const requirementScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unit'), unitId: z.string() }),
  z.object({ kind: z.literal('procedure'), procedureId: z.string() }),
  z.object({ kind: z.literal('area'), area: z.string() }),
]);
export const competenceRequirementSchema = z.object({
  id: z.string(),
  competenceId: z.string(),
  scope: requirementScopeSchema,
  minPeople: z.number().int(),
  minLevel: competenceLevelSchema,
});
export const externalCoverageSchema = z.object({
  id: z.string(),
  requirementId: z.string(),
  supplier: z.string(),
  decidedOn: localDate,
  decidedBy: z.string(),
  contractEnd: localDate.nullable(),
  note: z.string(),
});
export const personCompetenceSchema = z.object({
  personId: z.string(),
  competenceId: z.string(),
  level: competenceLevelSchema,
  evidence: evidenceSchema.nullable(),
  validUntil: localDate.nullable(),
  assessment: z.enum(assessments),
  confirmedBy: z.string().nullable(),
});
export const matrixCellSchema = personCompetenceSchema.extend({
  etag: z.number().int().describe('Send it back as If-Match to change the cell; 0: no record yet'),
});
export type MatrixCellDto = z.infer<typeof matrixCellSchema>;

export const competenceListSchema = z.object({
  competences: z.array(competenceSchema),
  requirements: z.array(competenceRequirementSchema),
  externalCoverage: z.array(externalCoverageSchema),
  abilities: z.object({ manage: z.boolean() }),
});
export const unitFilterQuery = z.strictObject({ unitId: id.optional() });
export const approverCandidatesSchema = z.object({
  leaders: z.array(personRef).describe('Leaders with approval authority over the unit (its own and those above)'),
  mayDesignate: z
    .boolean()
    .describe('The caller (the coordinator) may designate anyone else as approver; the form then offers everyone'),
});
export type ApproverCandidatesDto = z.infer<typeof approverCandidatesSchema>;
const cellPosition = z.string().regex(/^\d+$/);
/** People and competences once, the recorded cells in columns (300 × 150 is ~0.5 MB, not 3.6 MB). */
export const competenceMatrixSchema = z.object({
  unitId: z.string().nullable(),
  competences: z.array(competenceSchema),
  people: z.array(
    z.object({ id: z.string(), name: z.string(), title: z.string(), unitId: z.string(), email: z.string() }),
  ),
  cells: z
    .object({
      position: z
        .array(z.number().int().nonnegative())
        .describe('Recorded cells, ascending: personIndex × competences.length + competenceIndex'),
      level: z
        .string()
        .regex(/^[0-4]*$/)
        .describe('One digit per recorded cell: its level'),
      assessment: z
        .string()
        .regex(/^[sc]*$/)
        .describe('One letter per recorded cell: s self-assessed, c confirmed'),
      etag: z
        .array(z.number().int().positive())
        .describe('Per recorded cell: send it back as If-Match to change the cell; a cell not listed has etag 0'),
      validUntil: z.record(cellPosition, localDate).describe('Position → valid until, only for cells that expire'),
      evidence: z.record(cellPosition, evidenceSchema).describe('Position → evidence, only for cells that have it'),
    })
    .refine(
      (cells) =>
        cells.level.length === cells.position.length &&
        cells.assessment.length === cells.position.length &&
        cells.etag.length === cells.position.length,
      { message: 'position, level, assessment and etag must have one entry per recorded cell' },
    )
    .describe('The recorded cells, column by column; every other cell is level 0 with etag 0'),
  abilities: z.object({
    manage: z.boolean(),
    manageUnitIds: z
      .array(z.string())
      .describe('The units whose people’s levels the caller may set (their own unit and the units below it)'),
  }),
});
export type CompetenceMatrixDto = z.infer<typeof competenceMatrixSchema>;
export const matrixCellParams = z.strictObject({ personId: id, competenceId: id });
export const setCompetenceLevelBody = z.strictObject({
  level: competenceLevelSchema,
  evidence: evidenceSchema.nullable().default(null),
  validUntil: localDate.nullable().optional(),
});
export const competenceGapReportSchema = z.object({
  today: localDate,
  unitId: z.string().nullable(),
  gaps: z.array(
    z.object({
      requirement: competenceRequirementSchema,
      inScopePersonIds: z.array(z.string()),
      isScopeResolved: z.boolean(),
      qualified: z.array(
        z.object({
          personId: z.string(),
          level: competenceLevelSchema,
          assessment: z.enum(assessments),
          validUntil: localDate.nullable(),
        }),
      ),
      shortBy: z.number().int(),
      isSinglePersonDependency: z.boolean(),
      unconfirmedPersonIds: z.array(z.string()),
      coverage: z.enum(['met', 'external', 'unmet']),
      externalCoverage: externalCoverageSchema.nullable(),
    }),
  ),
  expiring: z.array(
    z.object({
      personCompetence: personCompetenceSchema,
      validUntil: localDate,
      daysLeft: z.number().int(),
      isExpired: z.boolean(),
    }),
  ),
});
export const externalCoverageBody = z.strictObject({
  requirementId: id,
  supplier: requiredText(200),
  contractEnd: localDate.nullable(),
  note: text(2000).default(''),
});

const qualifiedPersonSchema = z.object({
  personId: z.string(),
  level: competenceLevelSchema,
  assessment: z.enum(assessments),
  validUntil: localDate.nullable(),
});
export const procedureCompetencesSchema = z.object({
  procedureId: z.string(),
  unitId: z.string().nullable().describe('The procedure’s unit; null: it applies across the organisation'),
  today: localDate,
  requirements: z.array(
    z.object({
      requirement: competenceRequirementSchema,
      competence: competenceSchema,
      coverage: z.enum(['met', 'external', 'unmet']),
      shortBy: z.number().int(),
      isScopeResolved: z.boolean(),
      isSinglePersonDependency: z.boolean(),
      externalCoverage: externalCoverageSchema.nullable(),
      qualified: z.array(qualifiedPersonSchema.extend({ name: z.string() })),
    }),
  ),
  abilities: z.object({ manage: z.boolean() }),
});
export type ProcedureCompetencesDto = z.infer<typeof procedureCompetencesSchema>;

export const requiredLevelSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export const addCompetenceRequirementBody = z.strictObject({
  competenceId: id,
  scope: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('procedure'), procedureId: id }),
    z.strictObject({ kind: z.literal('unit'), unitId: id }),
    z.strictObject({ kind: z.literal('area'), area: requiredText(200) }),
  ]),
  minPeople: z.number().int().min(1).max(50),
  minLevel: requiredLevelSchema,
});
export type AddCompetenceRequirementBody = z.infer<typeof addCompetenceRequirementBody>;
export const removedRequirementSchema = z.object({
  requirement: competenceRequirementSchema,
  removedExternalCoverage: z.array(externalCoverageSchema),
});
export const addCompetenceBody = z.strictObject({
  name: requiredText(200),
  category: requiredText(100),
  description: text(2000).default(''),
  validityMonths: z.number().int().min(1).max(120).nullable().default(null),
});
export type AddCompetenceBody = z.input<typeof addCompetenceBody>;

export const matrixExportQuery = z.strictObject({
  format: z.enum(sheetFormats),
  unitId: id.optional(),
  /** The language of the .xlsx (sheet names, headings, legend); Danish when left out. */
  locale: localeSchema.optional(),
});
export const matrixImportQuery = z.strictObject({
  format: z.enum(sheetFormats),
  mode: z.enum(['preview', 'apply']).default('preview'),
});
const importLevel = z.object({ level: competenceLevelSchema, validUntil: localDate.nullable() });
export const matrixImportResultSchema = z.object({
  mode: z.enum(['preview', 'apply']),
  isApplied: z.boolean(),
  changes: z.array(
    z.object({
      line: z.number().int(),
      personId: z.string(),
      personName: z.string(),
      competenceId: z.string(),
      competenceName: z.string(),
      from: importLevel.nullable(),
      to: importLevel,
    }),
  ),
  unchangedLines: z.array(z.number().int()),
  ...importErrorReportShape(matrixImportErrorCodes),
});
export * from './audit-schemas.js';
export * from './action-schemas.js';
export * from './evaluation-schemas.js';
export * from './year-wheel-schemas.js';
export * from './overview-schemas.js';
export * from './goal-schemas.js';
export * from './survey-schemas.js';
export * from './fokus-schemas.js';
export * from './access-request-schemas.js';
export * from './publication-schemas.js';
export * from './register-schemas.js';

import { z } from 'zod';
import { ageBuckets } from '../core/register-statistics.js';
import {
  actionStatuses,
  auditKinds,
  auditStatuses,
  evaluationStatuses,
  findingGrades,
} from '../core/quality-year-types.js';
import { locales } from '../core/locale.js';
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

/** A correction of a locked record: why (kept with both records). */
export const correctionBody = z.strictObject({ reason: qualityRequiredText(2000) });
export const decisionParams = z.strictObject({ id: qualityId, decisionId: qualityId });

export const evaluationExportQuery = z.strictObject({
  format: z.enum(['pdf', 'docx']),
  locale: z.enum(locales).default('da'),
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
  record: z
    .object({
      frozenAsOf: qualityDate.nullable().describe('The reference date its figures are frozen as of'),
      locked: z.boolean().describe('Published: no edits, no removal; corrected by a linked correction'),
      corrects: z.object({ id: z.string(), year: z.number().int() }).nullable(),
      correctionReason: z.string().nullable(),
      correctedBy: z.object({ id: z.string(), year: z.number().int() }).nullable(),
    })
    .describe('Frozen, locked and corrected (records that stay as they were)'),
  abilities: z.object({
    edit: z.boolean(),
    createActions: z.boolean(),
    export: z.boolean(),
    correct: z.boolean(),
    readRegister: z.boolean().describe('May open the register list and statistics the pack links to'),
  }),
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
      isCorrection: z.boolean().describe('It corrects a published evaluation of the same year'),
      isCorrected: z.boolean().describe('A correction replaces it'),
    }),
  ),
  abilities: z.object({ create: z.boolean() }),
});
export type EvaluationListDto = z.infer<typeof evaluationListSchema>;

const personRefSchema = z.object({ id: z.string(), name: z.string() });
const procedureRefSchema = z.object({ id: z.string(), code: z.string(), title: z.string() });
const unitRefSchema = z.object({ id: z.string(), name: z.string() });
const findingCountsSchema = z.record(z.enum(findingGrades), z.number().int());
const decisionOutcomeSchema = z.enum([...actionStatuses, 'overdue', 'no-action']);
const actionRowSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: actionStatusSchema,
  sourceKind: z.enum(['finding', 'management-decision', 'feedback', 'other']),
  owner: personRefSchema.nullable(),
  unit: unitRefSchema.nullable(),
  dueOn: qualityDate.nullable(),
});
const acknowledgementRateSchema = z.object({
  requested: z.number().int(),
  acknowledged: z.number().int(),
  rate: z.number().nullable(),
});
/** A section later issues fill (quality goals, surveys): today only `not-available`. */
const pendingSectionSchema = z.object({ status: z.literal('not-available'), note: z.string() });
/** The quality goals with their value and colour over the evaluation's period (app/pack-goals.ts). */
const packGoalsSectionSchema = z.discriminatedUnion('status', [
  pendingSectionSchema,
  z.object({
    status: z.literal('available'),
    goals: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        owner: z.object({ id: z.string(), name: z.string() }).nullable(),
        target: z.object({
          direction: z.enum(['at-least', 'at-most']),
          value: z.number(),
          unit: z.enum(['percent', 'days', 'count']),
        }),
        measurement: z.enum(['cases', 'survey', 'entered', 'register']),
        value: z.number().nullable(),
        colour: z.enum(['green', 'yellow', 'red', 'none']),
        figures: z
          .object({
            decided: z.number().int(),
            sharePercent: z.number().nullable(),
            meanDays: z.number().nullable(),
            medianDays: z.number().nullable(),
            backlog: z.number().int(),
          })
          .nullable(),
      }),
    ),
  }),
]);

const localizedTextSchema = z.object({ da: z.string(), nb: z.string(), en: z.string() });
const surveyShare = z.number().min(0).max(1).nullable();
const evaluationSurveyScopeSchema = z.object({
  caseType: z.string().nullable(),
  unitId: z.string().nullable(),
  isSuppressed: z.boolean().describe('Fewer than 5 respondents: no figures (anonymity)'),
  respondents: z.number().int(),
  headline: z.object({ n: z.number().int(), satisfied: z.number().int(), share: surveyShare }),
  responseRate: surveyShare,
  previousShare: surveyShare,
  change: z.number().min(-1).max(1).nullable(),
});
/** The survey rounds of the evaluation's period (app/survey-evaluation-section.ts). */
const surveySectionSchema = z.object({
  status: z.literal('available'),
  rounds: z.array(
    z.object({
      surveyId: z.string(),
      title: localizedTextSchema,
      roundId: z.string(),
      roundLabel: z.string(),
      from: qualityDate,
      to: qualityDate,
      headlineQuestion: localizedTextSchema,
      all: evaluationSurveyScopeSchema,
      caseTypes: z.array(evaluationSurveyScopeSchema),
      questions: z.array(
        z.object({
          questionId: z.string(),
          wording: localizedTextSchema,
          n: z.number().int(),
          mean: z.number().nullable(),
          shareSatisfied: surveyShare,
        }),
      ),
    }),
  ),
});

const share = z.number().min(0).max(1);
/** The register's figures of the period (app/register-queries.ts `registerFiguresFor`). */
const packRegisterSectionSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('not-in-snapshot').describe('Frozen before the register fed the pack'),
  }),
  z.object({
    status: z.literal('available'),
    period: z.object({ from: qualityDate, to: qualityDate }),
    asOf: qualityDate,
    total: z.number().int(),
    byKind: z.object({
      praise: z.number().int(),
      complaint: z.number().int(),
      suggestion: z.number().int(),
      deviation: z.number().int(),
    }),
    topRootCauses: z.array(
      z.object({
        key: z.string(),
        label: localizedTextSchema,
        count: z.number().int(),
        share,
        cumulativeShare: share,
      }),
    ),
    withRootCause: z.number().int(),
    replyCompliance: z.object({
      answerable: z.number().int(),
      answeredInTime: z.number().int(),
      answeredLate: z.number().int(),
      overdueUnanswered: z.number().int(),
      share: share.nullable(),
    }),
    openByAge: z.array(z.object({ bucket: z.enum(ageBuckets), count: z.number().int() })),
    open: z.number().int(),
  }),
]);

/** The live input pack (app/assemble-evaluation-pack.ts builds it; its type is the same shape). */
export const evaluationPackSchema = z.object({
  year: z.number().int(),
  frozen: z
    .object({ asOf: qualityDate, frozenAt: z.string(), lockedAt: z.string().nullable() })
    .nullable()
    .describe('The snapshot taken when the evaluation was held; null: assembled now from live data'),
  organisationName: z.string(),
  generatedAt: z.string(),
  asOf: qualityDate,
  period: z.object({ from: qualityDate, to: qualityDate }),
  evaluation: z
    .object({
      id: z.string(),
      year: z.number().int(),
      status: evaluationStatusSchema,
      plannedOn: qualityDate,
      heldOn: qualityDate.nullable(),
      participants: z.array(personRefSchema),
      guests: z.array(z.string()),
      conclusions: z.string(),
      decisions: z.array(
        z.object({
          id: z.string(),
          text: z.string(),
          owner: personRefSchema.nullable(),
          dueOn: qualityDate.nullable(),
          action: z
            .object({ id: z.string(), title: z.string(), status: actionStatusSchema, outcome: decisionOutcomeSchema })
            .nullable(),
        }),
      ),
      committee: z.string().nullable(),
      committeeOn: qualityDate.nullable(),
      publishedOn: qualityDate.nullable(),
    })
    .nullable(),
  earlierDecisions: z.array(
    z.object({
      evaluationId: z.string(),
      evaluationYear: z.number().int(),
      decisionId: z.string(),
      text: z.string(),
      owner: personRefSchema.nullable(),
      dueOn: qualityDate.nullable(),
      actionId: z.string().nullable(),
      actionTitle: z.string().nullable(),
      outcome: decisionOutcomeSchema,
    }),
  ),
  audits: z.object({
    items: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        kind: z.enum(auditKinds),
        status: z.enum(auditStatuses),
        plannedOn: qualityDate,
        reportedOn: qualityDate.nullable(),
        unit: unitRefSchema.nullable(),
        findingCounts: findingCountsSchema,
      }),
    ),
    findingTotals: findingCountsSchema,
    openFindings: z.array(
      z.object({
        id: z.string(),
        auditId: z.string(),
        auditTitle: z.string(),
        auditYear: z.number().int(),
        grade: z.enum(findingGrades),
        clause: z.string().nullable(),
        procedure: procedureRefSchema.nullable(),
        unit: unitRefSchema.nullable(),
        description: z.string(),
        foundOn: qualityDate,
        action: z.object({ id: z.string(), title: z.string(), status: actionStatusSchema }).nullable(),
      }),
    ),
  }),
  actions: z.object({
    counts: z.record(actionStatusSchema, z.number().int()),
    overdue: z.array(actionRowSchema),
    closedInPeriod: z.array(
      actionRowSchema.extend({
        closedOn: qualityDate,
        effectivenessCheck: z
          .object({
            checkedOn: qualityDate,
            checkedBy: z.string(),
            isEffective: z.boolean(),
            note: z.string(),
            checkedByName: z.string(),
          })
          .nullable(),
      }),
    ),
  }),
  reviewCompliance: z.object({
    dueCount: z.number().int(),
    onTimeCount: z.number().int(),
    lateCount: z.number().int(),
    missedCount: z.number().int(),
    share: z.number().nullable(),
    exceptions: z.array(
      z.object({
        procedure: procedureRefSchema,
        dueOn: qualityDate,
        reviewedOn: qualityDate.nullable(),
        result: z.enum(['on-time', 'late', 'missed']),
      }),
    ),
  }),
  acknowledgements: z.object({
    versions: z.array(
      acknowledgementRateSchema.extend({
        procedure: procedureRefSchema,
        versionId: z.string(),
        versionLabel: z.string(),
        publishedOn: qualityDate,
      }),
    ),
    overall: acknowledgementRateSchema,
  }),
  competenceGaps: z.object({
    gaps: z.array(
      z.object({
        requirementId: z.string(),
        competenceName: z.string(),
        scopeLabel: z.string(),
        minPeople: z.number().int(),
        minLevel: z.number().int(),
        qualifiedCount: z.number().int(),
        shortBy: z.number().int(),
        coverage: z.enum(['unmet', 'external']),
      }),
    ),
    singlePersonDependencies: z.array(
      z.object({
        requirementId: z.string(),
        competenceName: z.string(),
        scopeLabel: z.string(),
        person: personRefSchema,
      }),
    ),
    expiring: z.array(
      z.object({
        person: personRefSchema,
        competenceName: z.string(),
        validUntil: qualityDate,
        isExpired: z.boolean(),
      }),
    ),
  }),
  qualityGoals: packGoalsSectionSchema,
  surveyResults: surveySectionSchema,
  register: packRegisterSectionSchema,
});

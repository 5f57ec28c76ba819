import { z } from 'zod';
import { goalColours } from '../core/goal-types.js';
import { locales } from '../core/locale.js';
import { auditKinds, findingGrades } from '../core/quality-year-types.js';
import { registerKinds } from '../core/register-types.js';
import { processLevels } from '../core/types.js';
import { maxCorrectionReasonLength } from '../core/yearly-report.js';

/** The yearly public report (issue 16): requests and responses of /api/yearly-reports. */

const date = z.string();
const localized = z.object(
  Object.fromEntries(locales.map((locale) => [locale, z.string()])) as Record<(typeof locales)[number], z.ZodString>,
);
const target = z.object({
  direction: z.enum(['at-least', 'at-most']),
  value: z.number(),
  unit: z.enum(['percent', 'days', 'count']),
});

const perKind = <T extends z.ZodTypeAny>(value: T) =>
  z.object(Object.fromEntries(registerKinds.map((kind) => [kind, value])) as Record<(typeof registerKinds)[number], T>);

/** The register's figures of the year: counts and category labels only, never an item's text or a sender. */
const yearlyReportRegisterSchema = z.object({
  byKind: perKind(z.number().int()),
  total: z.number().int(),
  replyCompliance: z.object({
    answerable: z.number().int(),
    answeredInTime: z.number().int(),
    answeredLate: z.number().int(),
    overdueUnanswered: z.number().int(),
    share: z.number().nullable(),
  }),
  replyDeadlines: perKind(z.object({ unit: z.enum(['working-days', 'months']), count: z.number().int() })),
  rootCauses: z.array(z.object({ label: localized, count: z.number().int() })),
  closedItems: z.number().int(),
  actionsStarted: z.number().int(),
  actionsClosed: z.number().int(),
});

export const yearlyReportDataSchema = z.object({
  year: z.number().int(),
  organisationName: z.string(),
  asOf: date,
  structure: z.array(
    z.object({
      level: z.enum(processLevels),
      areas: z.array(
        z.object({
          area: z.string(),
          procedures: z.array(
            z.object({
              code: z.string(),
              title: z.string(),
              version: z.string(),
              approvedOn: date.nullable(),
              nextReviewOn: date.nullable(),
              legalBasis: z.array(z.string()),
              standards: z.array(z.string()),
            }),
          ),
        }),
      ),
    }),
  ),
  policy: z
    .object({
      text: z.object({ da: z.string().optional(), nb: z.string().optional(), en: z.string().optional() }),
      adoptedBy: z.string(),
      adoptedOn: date.nullable(),
    })
    .nullable(),
  goals: z.array(
    z.object({
      title: z.string(),
      target,
      value: z.number().nullable(),
      colour: z.enum(goalColours),
      isReplyTimeGoal: z.boolean().optional(),
    }),
  ),
  surveys: z.array(
    z.object({
      title: localized,
      roundLabel: z.string(),
      from: date,
      to: date,
      headlineQuestion: localized,
      respondents: z.number().int(),
      shareSatisfied: z.number().nullable(),
      responseRate: z.number().nullable(),
    }),
  ),
  audits: z.array(
    z.object({
      title: z.string(),
      kind: z.enum(auditKinds),
      on: date,
      isReported: z.boolean(),
      conclusion: z.string(),
      findingCounts: z.object(
        Object.fromEntries(findingGrades.map((grade) => [grade, z.number().int()])) as Record<
          (typeof findingGrades)[number],
          z.ZodNumber
        >,
      ),
    }),
  ),
  certificate: z
    .object({
      body: z.string(),
      standard: z.string(),
      scope: z.string(),
      certificateNumber: z.string(),
      issuedOn: date,
      expiresOn: date,
    })
    .nullable(),
  evaluation: z
    .object({
      heldOn: date.nullable(),
      conclusions: z.string(),
      decisions: z.array(z.object({ text: z.string(), dueOn: date.nullable() })),
      committee: z.string().nullable(),
      committeeOn: date.nullable(),
    })
    .nullable(),
  /** Absent in reports published before the register was part of the report. */
  register: yearlyReportRegisterSchema.optional(),
  /** The day the handbook's structure is as of; absent in reports published before it was kept. */
  structureAsOf: date.optional(),
});

export const yearlyReportYearParams = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });

export const yearlyReportSummarySchema = z.object({
  id: z.string(),
  year: z.number().int(),
  revision: z.number().int(),
  publishedAt: z.string(),
  publishedOn: date,
  publishedBy: z.object({ id: z.string(), name: z.string() }),
  correctionReason: z.string().nullable(),
  /** Where the public reads it, e.g. /public/reports/2025 (relative to the site). */
  publicPath: z.string(),
});

export const yearlyReportListSchema = z.object({
  items: z.array(yearlyReportSummarySchema),
  /** The public handbook's path, for the municipality's website. */
  handbookPath: z.string(),
  abilities: z.object({ publish: z.boolean() }),
});

export const yearlyReportPreviewSchema = z.object({
  year: z.number().int(),
  content: yearlyReportDataSchema,
  published: yearlyReportSummarySchema.nullable(),
});

export const publishYearlyReportBody = z.strictObject({
  correctionReason: z
    .string()
    .max(maxCorrectionReasonLength)
    .nullable()
    .optional()
    .describe('Only to publish a correction of a year already published: why'),
});

export const yearlyReportPdfQuery = z.strictObject({ locale: z.enum(locales).default('da') });

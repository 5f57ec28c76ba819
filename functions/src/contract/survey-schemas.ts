import { z } from 'zod';
import { surveyImportErrorCodes } from '../core/import-errors.js';
import { maxTextAnswerLength } from '../core/survey-types.js';
import { id, importErrorReportShape, instant, localDate, requiredText, text } from './primitives.js';

/** Satisfaction surveys (ISO 9001 9.1.2): definitions, personal links, imports and results. */

const localized = (max: number) =>
  z.strictObject({ da: requiredText(max), nb: requiredText(max), en: requiredText(max) });
const localizedOptional = (max: number) => z.strictObject({ da: text(max), nb: text(max), en: text(max) });

const scaleQuestion = z.strictObject({
  id,
  kind: z.literal('scale'),
  wording: localized(400),
  scaleMax: z.union([z.literal(5), z.literal(6), z.literal(10)]).describe('The scale: 1–5, 1–6 or 1–10'),
  lowLabel: localized(60),
  highLabel: localized(60),
  satisfiedValues: z
    .array(z.number().int().min(1).max(10))
    .min(1)
    .max(10)
    .describe('The "satisfied" categories, e.g. [4, 5] on 1–5'),
  isRequired: z.boolean(),
});
const textQuestion = z.strictObject({
  id,
  kind: z.literal('text'),
  wording: localized(400),
  isRequired: z.boolean(),
});
export const surveyQuestionSchema = z.discriminatedUnion('kind', [scaleQuestion, textQuestion]);
export const surveyRoundSchema = z.strictObject({
  id,
  label: requiredText(40),
  from: localDate,
  to: localDate,
});

export const surveyBody = z.strictObject({
  title: localized(200),
  intro: localizedOptional(2000),
  questions: z.array(surveyQuestionSchema).min(1).max(30),
  headlineQuestionId: id,
  caseTypes: z.array(requiredText(100)).min(1).max(50),
  rounds: z.array(surveyRoundSchema).min(1).max(20).describe('Oldest first'),
  linkValidDays: z.number().int().min(1).max(365),
});
export type SurveyBody = z.infer<typeof surveyBody>;

export const surveySchema = z.object({
  ...surveyBody.shape,
  id: z.string(),
  createdAt: instant,
  updatedAt: instant,
  updatedBy: z.string(),
  etag: z.number().int(),
  abilities: z.object({ manage: z.boolean(), readResults: z.boolean() }),
});
export type SurveyDto = z.infer<typeof surveySchema>;
export const surveyListSchema = z.array(surveySchema);

export const surveyLinksBody = z.strictObject({
  roundId: id,
  cases: z
    .array(
      z.strictObject({
        caseId: requiredText(100).describe('The case id in the case system'),
        caseType: requiredText(100),
        unitId: id,
      }),
    )
    .min(1)
    .max(5000),
});
export const surveyLinksQuery = z.strictObject({
  format: z.enum(['json', 'csv']).default('json').describe('csv: the links as a file for the decision letters'),
});
export const surveyLinksResultSchema = z.object({
  issued: z.array(
    z.object({ caseId: z.string(), caseType: z.string(), unitId: z.string(), url: z.string(), expiresAt: instant }),
  ),
  skipped: z
    .array(z.object({ caseId: z.string(), reason: z.literal('already-linked') }))
    .describe('Cases that already have a link in the round: a token is shown once and never again'),
});

export const surveyImportQuery = z.strictObject({
  roundId: id,
  format: z.enum(['csv', 'xlsx']),
  mode: z.enum(['preview', 'apply']).default('preview'),
});
export const surveyImportResultSchema = z.object({
  mode: z.enum(['preview', 'apply']),
  isApplied: z.boolean(),
  rowCount: z.number().int().describe('Rows read without errors'),
  ...importErrorReportShape(surveyImportErrorCodes),
});

export const surveyResultsQuery = z.strictObject({
  roundId: id.optional().describe('The round; the newest when left out'),
});
const share = z.number().min(0).max(1).nullable();
export const surveyResultsSchema = z.object({
  surveyId: z.string(),
  roundId: z.string(),
  previousRoundId: z.string().nullable(),
  scopes: z.array(
    z.object({
      caseType: z.string().nullable().describe('null: all case types'),
      unitId: z.string().nullable().describe('null: all units'),
      isSuppressed: z
        .boolean()
        .describe('Fewer than 5 respondents: no figures and no comments are shown for the scope (anonymity)'),
      respondents: z.number().int(),
      headline: z.object({ n: z.number().int(), satisfied: z.number().int(), share }),
      linksIssued: z.number().int(),
      responseRate: share,
      questions: z.array(
        z.object({ questionId: z.string(), n: z.number().int(), mean: z.number().nullable(), shareSatisfied: share }),
      ),
      comments: z.array(z.object({ questionId: z.string(), text: z.string().max(maxTextAnswerLength) })),
      previousShare: share,
      change: z.number().min(-1).max(1).nullable().describe('Headline share minus the previous round’s'),
    }),
  ),
});

import { z } from 'zod';
import { citingKinds } from '../core/coverage-matrix.js';
import { scoreImportErrorCodes } from '../core/import-errors.js';
import { standardIds } from '../core/standards.js';
import { sheetFormats } from '../core/competence-types.js';
import { id, importErrorReportShape, requiredText, text } from './primitives.js';

/**
 * The API contract of FOKUS-style evaluation rounds, the standards worked by and the coverage
 * matrix (issue 14). Requests are strict: an unknown field is a VALIDATION error.
 */

const themeSchema = z.object({ id: z.string(), name: z.string() });
const versioned = {
  etag: z.number().int().describe('Send it back as If-Match to change the record'),
  updatedAt: z.string(),
  updatedBy: z.string(),
};

export const roundParams = z.strictObject({ id });
export const roundUnitParams = z.strictObject({ id, unitId: id });

export const roundSummarySchema = z.object({
  comparableCount: z.number().int(),
  notComparableUnitIds: z.array(z.string()),
  notEvaluatedUnitIds: z.array(z.string()),
  mean: z.number().nullable(),
  percent: z.number().nullable().describe('The mean placed on the scale: bottom 0, top 100'),
});

export const roundSchema = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number().int(),
  scaleMin: z.number().int(),
  scaleMax: z.number().int(),
  themes: z.array(themeSchema),
  unitIds: z.array(z.string()),
  note: z.string(),
  ...versioned,
  summary: roundSummarySchema,
});
export type RoundDto = z.infer<typeof roundSchema>;

const changeSchema = z
  .object({
    fromRoundId: z.string(),
    percentPoints: z.number(),
    meanPoints: z.number().nullable().describe('null when the two rounds used different scales'),
  })
  .nullable()
  .describe('From the previous round the unit was comparable in');

export const scorecardSchema = z.object({
  roundId: z.string(),
  unitId: z.string(),
  standing: z.enum(['comparable', 'not-comparable', 'not-evaluated']),
  scores: z.array(z.object({ themeId: z.string(), score: z.number().nullable() })),
  missingThemeIds: z.array(z.string()),
  total: z.number().nullable(),
  mean: z.number().nullable(),
  percent: z.number().nullable(),
  note: z.string(),
  change: changeSchema,
});
export const comparisonCellSchema = z.union([
  z.object({ roundId: z.string(), standing: z.literal('not-covered') }),
  scorecardSchema,
]);
export type ComparisonCellDto = z.infer<typeof comparisonCellSchema>;

export const fokusOverviewSchema = z.object({
  rounds: z.array(roundSchema).describe('By year'),
  units: z.array(z.object({ id: z.string(), name: z.string() })),
  comparison: z.array(z.object({ unitId: z.string(), cells: z.array(comparisonCellSchema) })),
  abilities: z.object({ manage: z.boolean() }),
});
export type FokusOverviewDto = z.infer<typeof fokusOverviewSchema>;

export const roundBody = z.strictObject({
  name: requiredText(200),
  year: z.number().int().min(1990).max(2100),
  scaleMin: z.number().int().min(0).max(100),
  scaleMax: z.number().int().min(1).max(100),
  themes: z
    .array(
      z.strictObject({
        id: z
          .string()
          .regex(/^[a-z0-9-]{1,40}$/, 'Lower-case letters, digits and -')
          .optional()
          .describe('Kept when the round is changed; derived from the name when left out'),
        name: requiredText(120),
      }),
    )
    .min(1)
    .max(30),
  unitIds: z.array(id).min(1).max(200),
  note: text(2000).default(''),
});
export type RoundBody = z.infer<typeof roundBody>;

export const unitScoresBody = z.strictObject({
  scores: z.array(z.strictObject({ themeId: z.string().min(1).max(40), score: z.number() })).max(30),
  note: text(2000).default(''),
});

export const scoreImportQuery = z.strictObject({
  format: z.enum(sheetFormats).default('csv'),
  mode: z.enum(['preview', 'apply']).default('preview'),
});
export const scoreImportResultSchema = z.object({
  mode: z.enum(['preview', 'apply']),
  isApplied: z.boolean(),
  rows: z.array(
    z.object({
      line: z.number().int(),
      unitId: z.string(),
      scores: z.array(z.object({ themeId: z.string(), score: z.number() })),
      note: z.string(),
    }),
  ),
  ...importErrorReportShape(scoreImportErrorCodes),
});
export type ScoreImportResultDto = z.infer<typeof scoreImportResultSchema>;

const labelSchema = z.object({ da: z.string(), nb: z.string(), en: z.string() });
export const standardsSchema = z.object({
  chosen: z.array(z.enum(standardIds)),
  available: z.array(z.object({ id: z.enum(standardIds), name: z.string(), edition: z.string() })),
  etag: z.number().int().describe('Send it back as If-Match to change the choice (0: never chosen)'),
  abilities: z.object({ choose: z.boolean() }),
});
export type StandardsDto = z.infer<typeof standardsSchema>;
export const chooseStandardsBody = z.strictObject({ standardIds: z.array(z.enum(standardIds)).min(1).max(3) });

const itemReferenceSchema = z.object({ kind: z.enum(citingKinds), id: z.string(), title: z.string() });
export const coverageMatrixSchema = z.object({
  standards: z.array(
    z.object({
      standard: z.enum(standardIds),
      name: z.string(),
      edition: z.string(),
      rows: z.array(
        z.object({
          clause: z.string(),
          label: labelSchema.describe('The product’s own short label, not the standard’s title'),
          procedures: z.array(itemReferenceSchema),
          goals: z.array(itemReferenceSchema),
          audits: z.array(itemReferenceSchema),
          isCovered: z.boolean(),
        }),
      ),
      uncoveredCount: z.number().int(),
      unplaced: z.array(itemReferenceSchema.extend({ clause: z.string() })),
    }),
  ),
  hasGoals: z.boolean().describe('false until goals with clause citations are wired in'),
});
export type CoverageMatrixDto = z.infer<typeof coverageMatrixSchema>;

import { z } from 'zod';
import { importLimits } from '../core/import-errors.js';
import { isLocalDate } from '../core/local-date.js';

/**
 * The contract's building blocks, shared by every schema module (schemas.ts and the modules it
 * re-exports): record ids, user text without control characters, calendar dates and instants.
 */

export const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'Only letters, digits, - and _');

export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine(
      (value) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value),
      'Control characters are not allowed',
    );

export const requiredText = (max: number) => text(max).pipe(z.string().min(1, 'Required'));

export const localDate = z.string().refine(isLocalDate, 'A calendar date YYYY-MM-DD');

export const instant = z.string().describe('ISO 8601 instant');

/**
 * One row error of a file import (core/import-errors.ts), for the codes that import reports. The
 * tab words it from `code` and `params`; `message` is the same in English for API clients.
 */
export const importRowErrorSchema = <Code extends string>(codes: readonly [Code, ...Code[]]) =>
  z.object({
    line: z.number().int().describe('Line in the file; the header is line 1'),
    column: z.string().nullable().describe('The column, or null for the row as a whole'),
    code: z.enum(codes).describe('What is wrong, for the client to word in the user’s language'),
    params: z
      .record(z.string(), z.union([z.string(), z.number()]))
      .describe(
        'The values the wording needs, by code: value (the offending cell or column title), expected, ' +
          'min/max, count, person/competence/firstLine (duplicate-row), max (too-long)',
      ),
    message: z.string().describe('The error in English'),
  });

/**
 * The errors part of every import's answer (spread it into the result schema): the first
 * `importLimits.maxListedErrors` row errors and how many there were in all.
 */
export const importErrorReportShape = <Code extends string>(codes: readonly [Code, ...Code[]]) => ({
  errors: z
    .array(importRowErrorSchema(codes))
    .max(importLimits.maxListedErrors)
    .describe(`The first ${importLimits.maxListedErrors} row errors, in file order`),
  errorCount: z.number().int().min(0).describe('How many row errors the file has in all'),
});

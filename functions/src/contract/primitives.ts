import { z } from 'zod';
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

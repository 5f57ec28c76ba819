import { z } from 'zod';
import type { MessageKey } from '../../i18n/messages';
import { encodeFormMessage } from './form-message';

/**
 * UI-only shapes of contract fields, for forms whose controls hold text: each converts what the
 * control holds and hands it to the contract's own schema, which keeps every rule.
 */

/** A number typed as text ("12", " 7 "), then checked by the contract's number schema. */
export function numberFromText<Contract extends z.ZodType<unknown, number>>(contract: Contract) {
  return z
    .string()
    .trim()
    .transform((text, context) => {
      const value = Number(text);
      if (text === '' || !Number.isFinite(value)) {
        context.addIssue({
          code: 'custom',
          input: text,
          message: encodeFormMessage({ key: text === '' ? 'form.required' : 'form.wholeNumber' }),
        });
        return z.NEVER;
      }
      return value;
    })
    .pipe(contract);
}

/** A choice or optional text where "" (or blanks) means none (e.g. "Tværgående"): null for the contract. */
export function emptyAsNull<Contract extends z.ZodType<unknown, string | null>>(contract: Contract) {
  return z
    .string()
    .trim()
    .transform((value) => (value === '' ? null : value))
    .pipe(contract);
}

/** One entry per line ("Lov om social service\nBEK nr. 1"), blanks dropped, then the contract's list. */
export function linesFromText<Contract extends z.ZodType<unknown, string[]>>(contract: Contract) {
  return z
    .string()
    .transform((text) =>
      text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    )
    .pipe(contract);
}

/**
 * A text field checked by the contract's schema but worded by the form (e.g. "Koden skal have
 * formen K-16 eller S-01." rather than a generic "wrong form"); an empty text is "required".
 */
export function wordedText<Output>(contract: z.ZodType<Output, string>, key: MessageKey) {
  return z.string().transform((text, context) => {
    const result = contract.safeParse(text);
    if (result.success) return result.data;
    context.addIssue({
      code: 'custom',
      input: text,
      message: encodeFormMessage({ key: text.trim() === '' ? 'form.required' : key }),
    });
    return z.NEVER;
  });
}

import type { MessageKey, MessageValues } from '../../i18n/messages';

/** A field's problem as a catalogue key and its values: worded in the UI language when shown. */
export type FormMessage = { key: MessageKey; values?: MessageValues };

/**
 * The parts of a zod 4 issue the wording needs. `input` is there because the form's resolver
 * parses with `reportInput: true`; the contract's own English messages are ignored.
 */
export type FormIssue = {
  code: string;
  message?: string;
  input?: unknown;
  origin?: string;
  expected?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
};

// react-hook-form keeps a field error's message as a string: a message key travels in it encoded.
const marker = 'form-message:';

export function encodeFormMessage(message: FormMessage): string {
  return `${marker}${JSON.stringify(message)}`;
}

/** The key of an encoded message, or undefined for any other text. */
export function decodeFormMessage(text: string | undefined): FormMessage | undefined {
  if (!text?.startsWith(marker)) return undefined;
  return JSON.parse(text.slice(marker.length)) as FormMessage;
}

/** Nothing entered: "", only blanks, no choice, an empty list. */
function isEmpty(input: unknown): boolean {
  if (input === undefined || input === null) return true;
  if (typeof input === 'string') return input.trim() === '';
  return Array.isArray(input) && input.length === 0;
}

const limit = (value: number | bigint | undefined) => Number(value ?? 0);

/**
 * The message for one zod issue: a refinement of the form's own (already a key) keeps its key,
 * an empty field is "required" whatever rule it broke, and every other issue is worded from its
 * code and limits. Never zod's or the contract's English.
 */
export function messageForIssue(issue: FormIssue): FormMessage {
  const own = decodeFormMessage(issue.message);
  if (own) return own;
  if (isEmpty(issue.input) && issue.code !== 'too_big') return { key: 'form.required' };
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return { key: 'form.tooShort', values: { min: limit(issue.minimum) } };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { key: 'form.tooFew', values: { min: limit(issue.minimum) } };
      return { key: 'form.tooSmall', values: { min: limit(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'string') return { key: 'form.tooLong', values: { max: limit(issue.maximum) } };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { key: 'form.tooMany', values: { max: limit(issue.maximum) } };
      return { key: 'form.tooLarge', values: { max: limit(issue.maximum) } };
    case 'invalid_type':
      return issue.expected === 'int' || issue.expected === 'number'
        ? { key: 'form.wholeNumber' }
        : { key: 'form.invalid' };
    case 'not_multiple_of':
      return { key: 'form.wholeNumber' };
    case 'invalid_format':
      return { key: 'form.invalidFormat' };
    case 'invalid_value':
      return { key: 'form.invalidChoice' };
    default:
      return { key: 'form.invalid' };
  }
}

/**
 * The text to show for a field error: an encoded key worded in the UI language, or a text the
 * form set itself with `setError` (already worded, e.g. from a server error's details).
 */
export function formMessageText(
  message: string | undefined,
  t: (key: MessageKey, values?: MessageValues) => string,
): string | undefined {
  if (!message) return undefined;
  const decoded = decodeFormMessage(message);
  return decoded ? t(decoded.key, decoded.values) : message;
}

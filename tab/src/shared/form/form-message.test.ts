import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decodeFormMessage, encodeFormMessage, formMessageText, messageForIssue, type FormIssue } from './form-message';

/** The first issue zod reports for `value`, with its input as the form's resolver asks for it. */
function issueOf(schema: z.ZodType, value: unknown): FormIssue {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) throw new Error('expected an issue');
  return result.error.issues[0]!;
}

describe('messageForIssue', () => {
  it.each([
    ['an empty required text', z.string().trim().min(1, 'Required'), '  ', { key: 'form.required' }],
    ['a missing value', z.string(), undefined, { key: 'form.required' }],
    ['no choice', z.enum(['a', 'b']), '', { key: 'form.required' }],
    ['an empty list that needs one', z.array(z.string()).min(1), [], { key: 'form.required' }],
    ['a too long text', z.string().max(3), 'abcd', { key: 'form.tooLong', values: { max: 3 } }],
    ['a too short text', z.string().min(3), 'ab', { key: 'form.tooShort', values: { min: 3 } }],
    ['a too small number', z.number().min(1), 0, { key: 'form.tooSmall', values: { min: 1 } }],
    ['a too large number', z.number().max(60), 61, { key: 'form.tooLarge', values: { max: 60 } }],
    ['a fraction', z.number().int(), 1.5, { key: 'form.wholeNumber' }],
    ['too many items', z.array(z.string()).max(1), ['a', 'b'], { key: 'form.tooMany', values: { max: 1 } }],
    ['a pattern', z.string().regex(/^K-\d+$/, 'A code like K-16'), 'X', { key: 'form.invalidFormat' }],
    ['an unknown choice', z.enum(['a', 'b']), 'c', { key: 'form.invalidChoice' }],
    [
      'a contract refinement in English',
      z.string().refine(() => false, 'Control characters'),
      'x',
      { key: 'form.invalid' },
    ],
  ] as const)('words %s from the catalogue', (_, schema, value, expected) => {
    expect(messageForIssue(issueOf(schema, value))).toEqual(expected);
  });

  it("keeps the form's own refinement key and values", () => {
    const own = encodeFormMessage({ key: 'audit.form.invalidClauses', values: { clauses: '99' } });
    const schema = z.string().refine(() => false, own);
    expect(messageForIssue(issueOf(schema, '99'))).toEqual({
      key: 'audit.form.invalidClauses',
      values: { clauses: '99' },
    });
  });
});

describe('formMessageText', () => {
  const t = (key: string, values?: Readonly<Record<string, string | number>>) =>
    `${key}${JSON.stringify(values ?? {})}`;

  it('words an encoded key and shows a text set by the form as it is', () => {
    expect(formMessageText(encodeFormMessage({ key: 'form.tooLong', values: { max: 5 } }), t)).toBe(
      'form.tooLong{"max":5}',
    );
    expect(formMessageText('Allerede valgt', t)).toBe('Allerede valgt');
    expect(formMessageText(undefined, t)).toBeUndefined();
    expect(decodeFormMessage('Required')).toBeUndefined();
  });
});

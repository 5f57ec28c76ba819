import { describe, expect, it } from 'vitest';
import { checkSurveyAnswer } from './survey-answers.js';
import type { SurveyQuestion } from './survey-types.js';

const text = { da: 'x', nb: 'x', en: 'x' };
const questions: SurveyQuestion[] = [
  {
    id: 'a',
    kind: 'scale',
    wording: text,
    scaleMax: 5,
    lowLabel: text,
    highLabel: text,
    satisfiedValues: [4, 5],
    isRequired: true,
  },
  {
    id: 'b',
    kind: 'scale',
    wording: text,
    scaleMax: 10,
    lowLabel: text,
    highLabel: text,
    satisfiedValues: [9, 10],
    isRequired: false,
  },
  { id: 'c', kind: 'text', wording: text, isRequired: false },
];

describe('checkSurveyAnswer', () => {
  it.each([
    { name: 'a full answer', raw: { a: '5', b: '10', c: ' Fint ' }, values: { a: 5, b: 10, c: 'Fint' } },
    { name: 'optional questions left out', raw: { a: '1' }, values: { a: 1 } },
    { name: 'an empty optional answer is unanswered', raw: { a: '3', b: '', c: '  ' }, values: { a: 3 } },
    { name: 'fields that name no question are ignored', raw: { a: '4', lang: 'da', x: '9' }, values: { a: 4 } },
    { name: 'CRLF in a comment becomes LF', raw: { a: '4', c: 'en\r\nto' }, values: { a: 4, c: 'en\nto' } },
    {
      name: 'a comment of exactly 2000 characters',
      raw: { a: '2', c: 'æ'.repeat(2000) },
      values: { a: 2, c: 'æ'.repeat(2000) },
    },
  ])('accepts $name', ({ raw, values }) => {
    expect(checkSurveyAnswer({ questions }, raw)).toEqual({ ok: true, values });
  });

  it.each([
    { name: 'a required scale left out', raw: {}, errors: [['a', 'required']] },
    { name: 'zero', raw: { a: '0' }, errors: [['a', 'out-of-scale']] },
    { name: 'above the scale', raw: { a: '6' }, errors: [['a', 'out-of-scale']] },
    { name: '11 on 1–10', raw: { a: '1', b: '11' }, errors: [['b', 'out-of-scale']] },
    { name: 'a decimal', raw: { a: '4.5' }, errors: [['a', 'out-of-scale']] },
    { name: 'a word', raw: { a: 'fem' }, errors: [['a', 'out-of-scale']] },
    { name: 'a negative number', raw: { a: '-1' }, errors: [['a', 'out-of-scale']] },
    { name: 'a comment over 2000 characters', raw: { a: '1', c: 'x'.repeat(2001) }, errors: [['c', 'too-long']] },
    { name: 'a control character', raw: { a: '1', c: 'a\u0007b' }, errors: [['c', 'control-characters']] },
    {
      name: 'several at once',
      raw: { b: '0' },
      errors: [
        ['a', 'required'],
        ['b', 'out-of-scale'],
      ],
    },
  ])('refuses $name', ({ raw, errors }) => {
    expect(checkSurveyAnswer({ questions }, raw)).toEqual({
      ok: false,
      errors: errors.map(([questionId, code]) => ({ questionId, code })),
    });
  });
});

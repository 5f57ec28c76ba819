import { describe, expect, it } from 'vitest';
import { planSurveyImport } from './survey-import.js';
import type { SurveyQuestion } from './survey-types.js';

const text = (da: string) => ({ da, nb: da, en: da });
const questions: SurveyQuestion[] = [
  {
    id: 'samlet',
    kind: 'scale',
    wording: text('Samlet tilfredshed'),
    scaleMax: 5,
    lowLabel: text('lav'),
    highLabel: text('høj'),
    satisfiedValues: [4, 5],
    isRequired: true,
  },
  { id: 'kommentar', kind: 'text', wording: text('Kommentar'), isRequired: false },
];
const survey = { questions, caseTypes: ['Enfamiliehuse', 'Husdyr'] };
const units = [
  { id: 'byg-plan', name: 'Byg og Plan' },
  { id: 'miljo', name: 'Miljø' },
];
const plan = (header: string[], ...rows: string[][]) =>
  planSurveyImport({ survey, header, rows: rows.map((cells, index) => ({ line: index + 2, cells })), units });

describe('planSurveyImport', () => {
  it('reads rows by question id or Danish wording, units by id or name, case types case-insensitively', () => {
    const result = plan(
      ['Sagstype', 'Enhed', 'Samlet tilfredshed', 'kommentar'],
      ['enfamiliehuse', 'Byg og Plan', '5', 'God service'],
      ['Husdyr', 'miljo', '2', ''],
    );
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      { line: 2, caseType: 'Enfamiliehuse', unitId: 'byg-plan', values: { samlet: 5, kommentar: 'God service' } },
      { line: 3, caseType: 'Husdyr', unitId: 'miljo', values: { samlet: 2 } },
    ]);
  });

  it.each([
    {
      name: 'an unknown column',
      header: ['Sagstype', 'Enhed', 'samlet', 'Alder'],
      code: 'unknown-column',
      column: 'Alder',
    },
    {
      name: 'a column twice',
      header: ['Sagstype', 'Enhed', 'samlet', 'Samlet tilfredshed'],
      code: 'duplicate-column',
      column: 'Samlet tilfredshed',
    },
    { name: 'no unit column', header: ['Sagstype', 'samlet'], code: 'missing-column', column: null },
    {
      name: 'a required question missing',
      header: ['Sagstype', 'Enhed', 'kommentar'],
      code: 'missing-column',
      column: null,
    },
  ])('refuses the header with $name, before any row', ({ header, code, column }) => {
    const result = plan(header, ['Husdyr', 'miljo', '5', 'x']);
    expect(result.rows).toEqual([]);
    expect(result.errors[0]).toMatchObject({ line: 1, code, column });
  });

  it.each([
    {
      name: 'a value off the scale',
      row: ['Husdyr', 'miljo', '7', ''],
      code: 'unknown-level',
      column: 'samlet',
      params: { value: '7', min: 1, max: 5 },
    },
    {
      name: 'a required answer empty',
      row: ['Husdyr', 'miljo', '', ''],
      code: 'empty-required',
      column: 'samlet',
      params: {},
    },
    {
      name: 'a case type the survey does not cover',
      row: ['Spildevand', 'miljo', '4', ''],
      code: 'unknown-case-type',
      column: 'Sagstype',
      params: { value: 'Spildevand', expected: 'Enfamiliehuse, Husdyr' },
    },
    {
      name: 'an unknown unit',
      row: ['Husdyr', 'Vej og Park', '4', ''],
      code: 'unknown-unit',
      column: 'Enhed',
      params: { value: 'Vej og Park' },
    },
    {
      name: 'too long a comment',
      row: ['Husdyr', 'miljo', '4', 'x'.repeat(2001)],
      code: 'too-long',
      column: 'kommentar',
      params: { max: 2000 },
    },
    {
      name: 'too many fields',
      row: ['Husdyr', 'miljo', '4', '', 'extra'],
      code: 'too-many-fields',
      column: null,
      params: { count: 5, expected: 4 },
    },
  ])('reports $name on its line and column, and keeps no row', ({ row, code, column, params }) => {
    const result = plan(['Sagstype', 'Enhed', 'samlet', 'kommentar'], ['Husdyr', 'miljo', '5', ''], row);
    expect(result.errors).toEqual([expect.objectContaining({ line: 3, code, column, params })]);
    expect(result.rows.map((r) => r.line)).toEqual([2]);
  });

  it('a file with a header only has no rows', () => {
    expect(plan(['Sagstype', 'Enhed', 'samlet']).errors).toEqual([expect.objectContaining({ code: 'no-rows' })]);
  });
});

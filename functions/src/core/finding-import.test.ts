import { describe, expect, it } from 'vitest';
import { findingColumnTitles, parseFindingGrade, planFindingImport, procedureCodesIn } from './finding-import.js';
import type { LocalDate } from './local-date.js';

const units = [
  { id: 'natur', name: 'Natur', parentId: 'tm' },
  { id: 'byg-plan', name: 'Byg og Plan', parentId: 'tm' },
];
const header = ['grade', 'clause', 'procedure', 'unit', 'description', 'foundOn'];
const plan = (rows: string[][], head = header) =>
  planFindingImport({
    header: head,
    rows: rows.map((cells, index) => ({ line: index + 2, cells })),
    procedureIdByCode: new Map([['K-03', 'p3']]),
    units,
    defaultFoundOn: '2026-02-10' as LocalDate,
  });

describe('finding import', () => {
  it.each(['da', 'nb', 'en'] as const)('reads a header written with the column titles in %s', (locale) => {
    const titles = findingColumnTitles[locale];
    const head = [titles.grade, titles.clause, titles.procedure, titles.unit, titles.description, titles.foundOn];
    const result = plan([['Mindre afvigelse', '7.5.3', 'K-03', 'Natur', 'Høringsbreve mangler', '2026-02-11']], head);
    expect(result.errors).toEqual([]);
    expect(result.rows[0]).toMatchObject({ grade: 'minor', clause: '7.5.3', procedureId: 'p3', unitId: 'natur' });
    expect(procedureCodesIn({ header: head, rows: [{ line: 2, cells: ['', '', 'k-03'] }] })).toEqual(['K-03']);
  });

  it('reads grades as codes and as names in the three languages', () => {
    expect(parseFindingGrade('Større afvigelse')).toBe('major');
    expect(parseFindingGrade('  mindre   AFVIGELSE ')).toBe('minor');
    expect(parseFindingGrade('Forbedringsmulighed')).toBe('improvement');
    expect(parseFindingGrade('Styrke')).toBe('strong-point');
    expect(parseFindingGrade('strong-point')).toBe('strong-point');
    expect(parseFindingGrade('Minor nonconformity')).toBe('minor');
    expect(parseFindingGrade('Mindre avvik')).toBe('minor');
    expect(parseFindingGrade('Alvorlig')).toBeUndefined();
  });

  it('resolves procedure codes and units by name or id, and defaults the date', () => {
    const result = plan([
      ['Mindre afvigelse', '7.5.3', 'k-03', 'Byg og Plan', 'Høringsbreve mangler', '2026-02-11'],
      ['Styrke', '', '', 'natur', 'God sagsstyring', ''],
    ]);
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      {
        line: 2,
        grade: 'minor',
        clause: '7.5.3',
        procedureId: 'p3',
        unitId: 'byg-plan',
        description: 'Høringsbreve mangler',
        foundOn: '2026-02-11',
      },
      {
        line: 3,
        grade: 'strong-point',
        clause: null,
        procedureId: null,
        unitId: 'natur',
        description: 'God sagsstyring',
        foundOn: '2026-02-10',
      },
    ]);
    expect(procedureCodesIn({ header, rows: [{ line: 2, cells: ['x', '', 'k-03'] }] })).toEqual(['K-03']);
  });

  it.each([
    ['2026-12-06', null],
    ['2026-12-07', 'future-date'],
    ['2027-01-01', 'future-date'],
    ['', null],
  ] as const)('a row found on "%s" with today 2026-12-06: %s (issue 16)', (foundOn, code) => {
    const result = planFindingImport({
      header,
      rows: [{ line: 2, cells: ['minor', '', '', '', 'Tekst', foundOn] }],
      procedureIdByCode: new Map(),
      units,
      defaultFoundOn: '2026-02-10' as LocalDate,
      today: '2026-12-06' as LocalDate,
    });
    expect(result.errors.map((error) => error.code)).toEqual(code === null ? [] : [code]);
    if (code !== null) expect(result.errors[0]?.params).toEqual({ value: foundOn, today: '2026-12-06' });
  });

  it('names the line and column of every bad cell', () => {
    const result = plan([
      ['Alvorlig', '7.5', '', '', 'Tekst', ''],
      ['minor', 'syv', 'K-99', 'Vejen', '', '31-12-2026'],
    ]);
    expect(result.rows).toEqual([]);
    expect(result.errors.map((error) => [error.line, error.column, error.code, error.params])).toEqual([
      [
        2,
        'grade',
        'unknown-grade',
        { value: 'Alvorlig', expected: 'major, minor, observation, improvement, strong-point' },
      ],
      [3, 'clause', 'bad-clause', { value: 'syv' }],
      [3, 'procedure', 'unknown-procedure', { value: 'K-99' }],
      [3, 'unit', 'unknown-unit', { value: 'Vejen' }],
      [3, 'description', 'empty-required', {}],
      [3, 'foundOn', 'bad-date', { value: '31-12-2026' }],
    ]);
    expect(result.errors[0]?.message).toMatch(/^Unknown grade "Alvorlig"/);
    expect(result.errors[2]?.message).toBe('No procedure with code K-99.');
  });

  it.each([
    [['', '', '', '', 'Tekst', ''], 'grade', 'empty-required', {}],
    [['minor', '', '', '', 'x'.repeat(4001), ''], 'description', 'too-long', { max: 4000 }],
    [['minor', '', '', '', 'a\u0007b', ''], 'description', 'control-characters', {}],
    [['minor', '', '', '', 'Tekst', '', 'extra'], null, 'too-many-fields', { count: 7, expected: 6 }],
  ])('reports %j in column %s as %s', (row, column, code, params) => {
    const result = plan([row]);
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([{ line: 2, column, code, params, message: expect.any(String) }]);
  });

  it('reports a file without rows', () => {
    expect(plan([]).errors).toEqual([
      { line: 2, column: null, code: 'no-rows', params: {}, message: 'The file has no rows.' },
    ]);
  });

  it('reports an unknown or missing column on line 1 and reads no rows', () => {
    const result = plan([['minor', 'x']], ['grade', 'severity']);
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([
      expect.objectContaining({
        line: 1,
        column: 'severity',
        code: 'unknown-column',
        params: expect.objectContaining({ value: 'severity' }),
      }),
      expect.objectContaining({
        line: 1,
        column: 'description',
        code: 'missing-column',
        params: { value: 'description' },
      }),
    ]);
    expect(plan([['minor', 'Tekst']], ['grade', 'Grade', 'description']).errors).toEqual([
      expect.objectContaining({ line: 1, column: 'Grade', code: 'duplicate-column', params: { value: 'Grade' } }),
    ]);
  });
});

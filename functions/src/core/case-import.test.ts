import { describe, expect, it } from 'vitest';
import { guessCaseMapping, parseCaseDate, planCaseImport } from './case-import.js';

const header = [
  'Sagsnummer',
  'Sagstype',
  'Enhed',
  'Modtaget',
  'Fuldt oplyst',
  'Afgjort',
  'Dage hos ansøger',
  'Servicemål (dage)',
  'Ansøgers navn',
];
const units = [{ id: 'byg', name: 'Byggeri' }];

function plan(rows: string[][], mapping = guessCaseMapping(header)) {
  return planCaseImport({
    header,
    rows: rows.map((cells, index) => ({ line: index + 2, cells })),
    mapping,
    sourceId: 'bom',
    units,
    importedAt: '2026-03-01T00:00:00.000Z',
  });
}

describe('parseCaseDate', () => {
  it.each([
    ['2026-03-31', '2026-03-31'],
    ['2026-03-31T00:00:00', '2026-03-31'],
    ['2026-03-31 12:00', '2026-03-31'],
    ['31-03-2026', '2026-03-31'],
    ['31.03.2026', '2026-03-31'],
    ['1.3.2026', '2026-03-01'],
    ['31/03/2026', '2026-03-31'],
    ['29.02.2028', '2028-02-29'],
    ['29.02.2026', null],
    ['31-04-2026', null],
    ['2026-13-01', null],
    ['03/31/2026', null],
    ['i går', null],
  ])('%s → %s', (text, expected) => {
    expect(parseCaseDate(text)).toBe(expected);
  });
});

describe('planCaseImport', () => {
  it('maps the columns it is told, and reads nothing else (the applicant’s name is not kept)', () => {
    const result = plan([
      ['B-1', 'Enfamiliehuse', 'Byggeri', '05-01-2026', '', '04.02.2026', '3', '40', 'Hans Hansen'],
    ]);
    expect(result.errors).toEqual([]);
    expect(result.cases).toEqual([
      {
        id: 'bom:B-1',
        sourceId: 'bom',
        caseId: 'B-1',
        caseType: 'Enfamiliehuse',
        unitId: 'byg',
        receivedOn: '2026-01-05',
        fullyInformedOn: null,
        decidedOn: '2026-02-04',
        pausedDays: 3,
        targetDays: 40,
        exemptionReason: null,
        decisionType: null,
        importedAt: '2026-03-01T00:00:00.000Z',
      },
    ]);
    expect(JSON.stringify(result.cases)).not.toContain('Hans');
  });

  it.each([
    ['impossible date', ['B-1', 'X', '', '31.02.2026', '', '', '', '40'], 'receivedOn', 'bad-date'],
    ['decided before received', ['B-1', 'X', '', '2026-02-01', '', '2026-01-31', '', '40'], 'decidedOn', 'date-order'],
    [
      'fully informed before received',
      ['B-1', 'X', '', '2026-02-01', '2026-01-01', '', '', '40'],
      'fullyInformedOn',
      'date-order',
    ],
    [
      'decided before fully informed',
      ['B-1', 'X', '', '2026-01-01', '2026-02-01', '2026-01-15', '', '40'],
      'decidedOn',
      'date-order',
    ],
    ['missing case id', ['', 'X', '', '2026-02-01', '', '', '', '40'], 'caseId', 'empty-required'],
    ['target not a number', ['B-1', 'X', '', '2026-02-01', '', '', '', '40 dage'], 'targetDays', 'bad-number'],
    ['negative paused days', ['B-1', 'X', '', '2026-02-01', '', '', '-3', '40'], 'pausedDays', 'bad-number'],
    ['unknown unit', ['B-1', 'X', 'Ukendt', '2026-02-01', '', '', '', '40'], 'unit', 'unknown-unit'],
  ])('%s: an error on its line and field, no case', (_name, cells, column, code) => {
    const result = plan([cells]);
    expect(result.cases).toEqual([]);
    expect(result.errors).toEqual([expect.objectContaining({ line: 2, column, code })]);
  });

  it('refuses a case id twice in one file, naming the first line', () => {
    const row = ['B-1', 'X', '', '2026-02-01', '', '', '', '40'];
    const result = plan([row, row]);
    expect(result.errors).toEqual([
      expect.objectContaining({
        line: 3,
        column: 'caseId',
        code: 'duplicate-case',
        params: { value: 'B-1', firstLine: 2 },
      }),
    ]);
  });

  it('reports a required field without a column, and a mapped header the file does not have', () => {
    const mapping = { ...guessCaseMapping(header), targetDays: null, decidedOn: 'Afgørelsesdato' };
    const result = plan([['B-1', 'X', '', '2026-02-01', '', '', '', '40']], mapping);
    expect(result.errors.map((error) => [error.line, error.column, error.code])).toEqual([
      [1, 'decidedOn', 'unmapped-field'],
      [1, 'targetDays', 'missing-column'],
    ]);
  });

  it('guesses the mapping from field codes and titles in any of the three languages', () => {
    expect(guessCaseMapping(['caseId', 'Sakstype', 'RECEIVED', 'Target days'])).toMatchObject({
      caseId: 'caseId',
      caseType: 'Sakstype',
      receivedOn: 'RECEIVED',
      targetDays: 'Target days',
      unit: null,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { parseScore, planScoreImport } from './fokus-import.js';

const round = {
  themes: [
    { id: 'complaints', name: 'Klagesager' },
    { id: 'times', name: 'Sagsbehandlingstider' },
  ],
  unitIds: ['byg', 'natur'],
  scaleMin: 1,
  scaleMax: 5,
};
const units = [
  { id: 'byg', name: 'Byg og Plan' },
  { id: 'natur', name: 'Natur' },
  { id: 'miljo', name: 'Miljø' },
];
const plan = (header: string[], ...rows: string[][]) =>
  planScoreImport({ header, rows: rows.map((cells, index) => ({ line: index + 2, cells })), round, units });

describe('importing a round’s scores', () => {
  it('reads units by name or id, themes by name or id, decimal commas and notes', () => {
    const result = plan(
      ['Enhed', 'klagesager', 'TIMES', 'Bemærkning'],
      ['Byg og Plan', '3,5', '4', ''],
      ['natur', '5', '', 'Kun klagesager'],
    );
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      {
        line: 2,
        unitId: 'byg',
        scores: [
          { themeId: 'complaints', score: 3.5 },
          { themeId: 'times', score: 4 },
        ],
        note: '',
      },
      { line: 3, unitId: 'natur', scores: [{ themeId: 'complaints', score: 5 }], note: 'Kun klagesager' },
    ]);
  });

  it.each([
    [['Enhed', 'Klagesager', 'Tider'], [], [1, 'Tider', 'unknown-column']],
    [['Enhed', 'Klagesager'], [], [1, null, 'missing-column']],
    [['Klagesager', 'Sagsbehandlingstider'], [], [1, null, 'missing-column']],
    [['Enhed', 'Klagesager', 'complaints', 'Sagsbehandlingstider'], [], [1, 'complaints', 'duplicate-column']],
    [['Enhed', 'Klagesager', 'Sagsbehandlingstider'], null, [1, null, 'no-rows']],
    [
      ['Enhed', 'Klagesager', 'Sagsbehandlingstider'],
      ['Ukendt', '1', '1'],
      [2, 'Enhed', 'unknown-unit'],
    ],
    [
      ['Enhed', 'Klagesager', 'Sagsbehandlingstider'],
      ['Miljø', '1', '1'],
      [2, 'Enhed', 'unit-outside-round'],
    ],
    [
      ['Enhed', 'Klagesager', 'Sagsbehandlingstider'],
      ['', '1', '1'],
      [2, 'Enhed', 'empty-required'],
    ],
    [
      ['Enhed', 'Klagesager', 'Sagsbehandlingstider'],
      ['Natur', '0', '1'],
      [2, 'Klagesager', 'bad-score'],
    ],
    [
      ['Enhed', 'Klagesager', 'Sagsbehandlingstider'],
      ['Natur', '6', '1'],
      [2, 'Klagesager', 'bad-score'],
    ],
    [
      ['Enhed', 'Klagesager', 'Sagsbehandlingstider'],
      ['Natur', '1', 'god'],
      [2, 'Sagsbehandlingstider', 'bad-score'],
    ],
    [
      ['Enhed', 'Klagesager', 'Sagsbehandlingstider'],
      ['Natur', '1', '1', 'x'],
      [2, null, 'too-many-fields'],
    ],
    [
      ['Enhed', 'Klagesager', 'Sagsbehandlingstider'],
      ['Na\u0007tur', '1', '1'],
      [2, 'Enhed', 'control-characters'],
    ],
  ])('header %j, row %j → %j', (header, row, [line, column, code]) => {
    const result = row === null ? plan(header) : plan(header, ...(row.length > 0 ? [row] : [['Natur', '1', '1']]));
    expect(result.rows).toEqual([]);
    expect(result.errors[0]).toMatchObject({ line, column, code });
  });

  it('refuses a unit’s second row, naming the first, and imports nothing', () => {
    const result = plan(['Enhed', 'Klagesager', 'Sagsbehandlingstider'], ['Natur', '1', '1'], ['natur', '2', '2']);
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([
      expect.objectContaining({ line: 3, code: 'duplicate-unit', params: { value: 'natur', firstLine: 2 } }),
    ]);
  });

  it.each([
    ['3', 3],
    [' 3,25 ', 3.25],
    ['3.5', 3.5],
    ['-1', -1],
    ['3,', null],
    ['tre', null],
    ['', null],
    ['1e2', null],
  ])('reads %j as %j', (text, value) => {
    expect(parseScore(text)).toBe(value);
  });
});

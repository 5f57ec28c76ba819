import { describe, expect, it } from 'vitest';
import type { FokusOverviewDto } from '../../api/fokus-api';
import { tabTextsIn } from '../../i18n/danish-texts';
import { scoreErrorKeys } from './score-import-texts';
import { chartGroups, formatNumber, formatSigned, parseScore, scoreEntryOf, scoreTextsOf } from './fokus-model';

const stamp = { etag: 1, updatedAt: '', updatedBy: '' };
const summary = { comparableCount: 0, notComparableUnitIds: [], notEvaluatedUnitIds: [], mean: null, percent: null };
const card = { scores: [], missingThemeIds: [], total: null, mean: null, note: '', change: null };

describe('the FOKUS scene’s model', () => {
  it('charts comparable rounds only, per unit', () => {
    const data: FokusOverviewDto = {
      rounds: [2021, 2023].map((year) => ({
        id: `r${year}`,
        name: `R ${year}`,
        year,
        scaleMin: 0,
        scaleMax: 4,
        themes: [],
        unitIds: ['a'],
        note: '',
        ...stamp,
        summary,
      })),
      units: [{ id: 'a', name: 'Natur' }],
      comparison: [
        {
          unitId: 'a',
          cells: [
            { ...card, roundId: 'r2021', unitId: 'a', standing: 'comparable', percent: 50 },
            { ...card, roundId: 'r2023', unitId: 'a', standing: 'not-comparable', percent: null },
          ],
        },
      ],
      abilities: { manage: false },
    };
    expect(chartGroups(data)).toEqual([{ name: 'Natur', series: [{ key: 'a-r2021', data: 50, legend: '2021' }] }]);
  });

  it('puts a unit with a bar for every round first, so the bars read in year order', () => {
    const round = (year: number) => ({
      id: `r${year}`,
      name: `R ${year}`,
      year,
      scaleMin: 0,
      scaleMax: 4,
      themes: [],
      unitIds: ['a', 'b'],
      note: '',
      ...stamp,
      summary,
    });
    const comparable = (unitId: string, roundId: string) =>
      ({ ...card, roundId, unitId, standing: 'comparable', percent: 50 }) as const;
    const groups = chartGroups({
      rounds: [round(2021), round(2023)],
      units: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ],
      comparison: [
        {
          unitId: 'a',
          cells: [
            comparable('a', 'r2021'),
            { ...card, roundId: 'r2023', unitId: 'a', standing: 'not-comparable', percent: null },
          ],
        },
        { unitId: 'b', cells: [comparable('b', 'r2021'), comparable('b', 'r2023')] },
      ],
      abilities: { manage: false },
    });
    expect(groups.map((group) => group.name)).toEqual(['B', 'A']);
  });

  it.each([
    [1.25, 'da', '+1,25'],
    [-0.5, 'en', '−0.5'],
    [0, 'nb', '±0'],
  ] as const)('signs %d in %s as %s', (value, locale, text) => {
    expect(formatSigned(value, locale)).toBe(text);
  });

  it('formats with the reader’s decimal mark', () => {
    expect(formatNumber(2.75, 'da')).toBe('2,75');
  });

  it.each([
    ['', null],
    ['  ', null],
    ['3', 3],
    [' 2,5 ', 2.5],
    ['2.75', 2.75],
    ['2,755', 'invalid'],
    ['-1', 'invalid'],
    ['tre', 'invalid'],
    ['1e2', 'invalid'],
  ] as const)('reads the score %j as %j', (text, score) => {
    expect(parseScore(text)).toBe(score);
  });

  it('checks a unit’s scores against the round’s scale and marks a partial one', () => {
    const round = { themes: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], scaleMin: 1, scaleMax: 4 };
    expect(scoreEntryOf(round, { a: '1', b: '4', c: '2,5' })).toEqual({
      scores: [
        { themeId: 'a', score: 1 },
        { themeId: 'b', score: 4 },
        { themeId: 'c', score: 2.5 },
      ],
      invalidThemeIds: [],
      isPartial: false,
    });
    expect(scoreEntryOf(round, { a: '0', b: '', c: '5' })).toEqual({
      scores: [],
      invalidThemeIds: ['a', 'c'],
      isPartial: true,
    });
    expect(scoreEntryOf(round, { b: '3' })).toEqual({
      scores: [{ themeId: 'b', score: 3 }],
      invalidThemeIds: [],
      isPartial: true,
    });
  });

  it('writes stored scores back with the reader’s decimal mark', () => {
    expect(
      scoreTextsOf(
        [
          { themeId: 'a', score: 2.5 },
          { themeId: 'b', score: null },
        ],
        'da',
      ),
    ).toEqual({ a: '2,5', b: '' });
  });
});

describe('score import error messages', () => {
  const params: Record<string, Record<string, string | number>> = {
    'unknown-column': { value: 'Tema X', expected: 'Enhed, Borgerbetjening, Bemærkning' },
    'duplicate-column': { value: 'Enhed' },
    'missing-column': { value: 'Borgerbetjening' },
    'no-rows': {},
    'too-many-fields': { count: 5, expected: 4 },
    'empty-required': {},
    'unknown-unit': { value: 'Vej' },
    'unit-outside-round': { value: 'Miljø' },
    'duplicate-unit': { value: 'Natur', firstLine: 2 },
    'bad-score': { value: '7', min: 1, max: 4 },
    'too-long': { max: 2000 },
    'control-characters': {},
  };
  it.each(Object.entries(scoreErrorKeys))('words %s in every language with every placeholder filled', (code, key) => {
    for (const locale of ['da', 'nb', 'en'] as const) {
      expect(tabTextsIn(locale)(key, params[code])).not.toMatch(/[{}]/);
    }
  });

  it('counts the fields of a line with a plural', () => {
    expect(tabTextsIn('da')('fokus.import.error.tooManyFields', { count: 1, expected: 0 })).toBe(
      'Linjen har 1 felt; overskriften har 0.',
    );
    expect(tabTextsIn('en')('fokus.import.error.tooManyFields', { count: 5, expected: 4 })).toBe(
      'The line has 5 fields; the header has 4.',
    );
  });

  it('says one percentage point in English', () => {
    expect(tabTextsIn('en')('fokus.change', { points: '+1', count: 1, year: 2021 })).toBe(
      '+1 percentage point since 2021',
    );
    expect(tabTextsIn('en')('fokus.change', { points: '−1,5', count: 1.5, year: 2021 })).toBe(
      '−1,5 percentage points since 2021',
    );
  });
});

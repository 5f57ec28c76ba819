import { describe, expect, it } from 'vitest';
import {
  parseEnteredValue,
  caseFileFormatOf,
  chartMonths,
  colourFilterOf,
  filterGoals,
  formatFigure,
  measurementText,
  monthLabel,
  sortGoals,
  sourceIdOf,
  targetKey,
} from './goal-model';
import type { LocalDate } from '../../../../functions/src/core/local-date';
import type { CreateGoalBody } from '../../api/goals-api';
import { goalFormDefaults, splitList, unitOfMeasurement } from './goal-form-model';
import { tabTextsIn } from '../../i18n/danish-texts';
import { caseErrorColumn, caseErrorKeys, caseErrorWithFieldNames } from './case-import-texts';

type Reading = {
  colour: 'green' | 'yellow' | 'red' | 'none';
  value: number | null;
  computedOn: LocalDate;
  redSince: null;
};
const reading = (colour: Reading['colour']): Reading => ({
  colour,
  value: 1,
  computedOn: '2026-01-01' as LocalDate,
  redSince: null,
});
const goal = (title: string, colour: Reading['colour'] | null, status = 'active') => ({
  title,
  status: status as 'active',
  lastReading: colour === null ? null : reading(colour),
});

describe('goal list', () => {
  it('puts red goals first, then yellow, green and unmeasured, each by title', () => {
    const sorted = sortGoals([
      goal('B', 'green'),
      goal('C', null),
      goal('A', 'green'),
      goal('D', 'red'),
      goal('E', 'yellow'),
    ]);
    expect(sorted.map((item) => item.title)).toEqual(['D', 'E', 'A', 'B', 'C']);
  });

  it.each([
    [null, ['a', 'b', 'c', 'd']],
    ['red', ['a']],
    ['none', ['c']],
  ] as const)('filters by colour %s over the active goals (as the overview counts them)', (colour, titles) => {
    const goals = [goal('a', 'red'), goal('b', 'green'), goal('c', null), goal('d', 'red', 'retired')];
    expect(filterGoals(goals, colour).map((item) => item.title)).toEqual(titles);
  });

  it('reads a colour filter from the address, ignoring anything else', () => {
    expect(colourFilterOf('yellow')).toBe('yellow');
    expect(colourFilterOf('purple')).toBeNull();
    expect(colourFilterOf(null)).toBeNull();
  });
});

describe('figures and words', () => {
  it.each([
    [94.74, 'percent', 'da-DK', '94,7 %'],
    [94.74, 'percent', 'en-GB', '94.7 %'],
    [38.6, 'days', 'da-DK', '39'],
    [null, 'count', 'da-DK', '–'],
  ] as const)('formats %s %s in %s as %s', (value, unit, locale, text) => {
    expect(formatFigure(value, unit, locale)).toBe(text);
  });

  it('words a target by direction and unit', () => {
    expect(targetKey({ direction: 'at-least', value: 95, unit: 'percent' })).toBe('goals.target.atLeastPercent');
    expect(targetKey({ direction: 'at-most', value: 40, unit: 'days' })).toBe('goals.target.atMostDays');
  });

  it('names months in the user’s language, at year edges too', () => {
    expect(monthLabel('2026-01', 'da-DK')).toBe('jan. 2026');
    expect(monthLabel('2025-12', 'en-GB')).toBe('Dec 2025');
  });
});

describe('chart months', () => {
  it('keeps a month without decided cases as no bar (null), not 0 %', () => {
    const figures = (decided: number, share: number | null) => ({
      decided,
      withinTarget: 0,
      sharePercent: share,
      meanDays: null,
      medianDays: null,
    });
    const months = chartMonths(
      {
        months: [
          { month: '2025-12', figures: figures(10, 90), rolling12: figures(10, 90) },
          { month: '2026-01', figures: figures(0, null), rolling12: figures(10, 90) },
        ],
      },
      { direction: 'at-least', value: 95, unit: 'percent' },
    );
    expect(months).toEqual([
      { month: '2025-12', decided: 10, share: 90, rolling12: 90, target: 95 },
      { month: '2026-01', decided: 0, share: null, rolling12: 90, target: 95 },
    ]);
  });
});

describe('goal form', () => {
  it.each([
    [{ kind: 'cases', metric: 'share-within-target' }, 'percent'],
    [{ kind: 'cases', metric: 'median-days' }, 'days'],
    [{ kind: 'cases', metric: 'backlog' }, 'count'],
    [{ kind: 'survey', surveyId: null }, 'percent'],
    [{ kind: 'entered', values: [] }, null],
    [{ kind: 'register', metric: 'replied-in-time', kinds: [] }, 'percent'],
    [{ kind: 'register', metric: 'overdue-unanswered', kinds: ['complaint'] }, 'count'],
  ] satisfies [CreateGoalBody['measurement'], string | null][])('gives %o the unit %s', (measurement, unit) => {
    expect(unitOfMeasurement(measurement)).toBe(unit);
  });

  it('describes a register goal with its figure and kinds, in each language', () => {
    const measurement: CreateGoalBody['measurement'] & { kind: 'register' } = {
      kind: 'register',
      metric: 'replied-in-time',
      kinds: ['complaint', 'deviation'],
    };
    expect(measurementText(measurement, tabTextsIn('da'))).toBe(
      'Beregnes af registret: andel besvaret inden for svarfristen (Klager, Afvigelser)',
    );
    expect(measurementText({ ...measurement, kinds: [] }, tabTextsIn('nb'))).toBe(
      'Beregnes fra registeret: andel besvart innen svarfristen',
    );
    expect(measurementText({ kind: 'cases', metric: 'backlog' }, tabTextsIn('en'))).toBe(
      'Computed from case data: backlog (open cases over target)',
    );
  });

  it('splits clause and case-type lists on commas and semicolons', () => {
    expect(splitList(' 6.2, 9.1.1 ;; 10.2 ')).toEqual(['6.2', '9.1.1', '10.2']);
  });

  it('starts a new goal on this calendar year, owned by its author', () => {
    const values = goalFormDefaults(null, 'p-1', '2027-05-03');
    expect(values).toMatchObject({ periodFrom: '2027-01-01', periodTo: '2027-12-31', ownerId: 'p-1' });
  });
});

describe('case import texts', () => {
  const t = (key: string) => `«${key}»`;
  it('words the fields an error names in the user’s language', () => {
    const error = { code: 'date-order', params: { value: '2026-01-01', other: 'receivedOn' }, message: '' };
    expect(caseErrorWithFieldNames(error, t as never).params).toEqual({
      value: '2026-01-01',
      other: '«goals.field.receivedOn»',
    });
    expect(caseErrorColumn('decidedOn', t as never)).toBe('«goals.field.decidedOn»');
    expect(caseErrorColumn(null, t as never)).toBe('–');
  });

  it.each([
    ['Sager.CSV', 'csv'],
    ['eksport.xlsx', 'xlsx'],
    ['noter.txt', null],
  ] as const)('reads %s as %s', (name, format) => {
    expect(caseFileFormatOf(name)).toBe(format);
  });

  it('makes a source id from its name', () => {
    expect(sourceIdOf('Byg og Miljø (BOM)')).toBe('byg-og-miljo-bom');
    expect(sourceIdOf('  ')).toBe('kilde');
  });
});

describe('case import error messages', () => {
  const params: Record<string, Record<string, string | number>> = {
    'missing-column': { value: 'caseId' },
    'unmapped-field': { value: 'Sagsnr', field: 'caseId' },
    'no-rows': {},
    'empty-required': {},
    'bad-date': { value: '31-02-2026' },
    'bad-number': { value: '-3' },
    'date-order': { value: '2026-01-01', other: 'receivedOn' },
    'duplicate-case': { value: 'B-1', firstLine: 2 },
    'unknown-unit': { value: 'Vej' },
    'too-long': { max: 200 },
    'control-characters': {},
  };
  it.each(Object.entries(caseErrorKeys))('words %s in every language with every placeholder filled', (code, key) => {
    for (const locale of ['da', 'nb', 'en'] as const) {
      const text = tabTextsIn(locale)(key, params[code]);
      expect(text).not.toMatch(/[{}]/);
    }
  });
});

describe('entered goal values', () => {
  it.each([
    ['72,5', 72.5],
    [' 80 ', 80],
    ['0', 0],
    ['100000', 100_000],
    ['100001', null],
    ['1,234', null],
    ['-1', null],
    ['', null],
    ['mange', null],
  ] as const)('reads the entered value %j as %j', (text, value) => {
    expect(parseEnteredValue(text)).toBe(value);
  });
});

describe('goal texts with numbers', () => {
  it.each([
    ['da', 1, 'højst 1 dag'],
    ['da', 35, 'højst 35 dage'],
    ['nb', 1, 'høyst 1 dag'],
    ['en', 40, 'at most 40 days'],
  ] as const)('words a target of days in %s for %d', (locale, days, text) => {
    expect(tabTextsIn(locale)('goals.target.atMostDays', { value: String(days), count: days })).toBe(text);
  });

  it('counts the survey import’s answers and errors', () => {
    expect(tabTextsIn('en')('surveys.import.summary', { count: 1 })).toBe('1 answer can be imported');
    expect(tabTextsIn('en')('surveys.import.errorCount', { count: 2 })).toBe('2 errors');
    expect(tabTextsIn('da')('surveys.import.apply', { count: 3 })).toBe('Importér 3 svar');
  });
});

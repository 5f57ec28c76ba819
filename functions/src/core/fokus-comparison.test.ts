import { describe, expect, it } from 'vitest';
import {
  compareAcrossRounds,
  percentOnScale,
  roundProblems,
  scoreProblem,
  scorecardOf,
  summariseRound,
  type ComparisonCell,
} from './fokus-comparison.js';
import type { EvaluationRound, UnitEvaluation } from './fokus-types.js';

const stamp = { etag: 1, createdAt: '2017-01-01T00:00:00Z', updatedAt: '2017-01-01T00:00:00Z', updatedBy: 'p' };
const themes = [
  { id: 'complaints', name: 'Klagesager' },
  { id: 'times', name: 'Sagsbehandlingstider' },
  { id: 'service', name: 'Borgerbetjening' },
];
function round(id: string, year: number, overrides: Partial<EvaluationRound> = {}): EvaluationRound {
  return {
    id,
    name: `FOKUS ${year}`,
    year,
    scaleMin: 0,
    scaleMax: 4,
    themes,
    unitIds: ['a', 'b'],
    note: '',
    ...stamp,
    ...overrides,
  };
}
function scores(roundId: string, unitId: string, values: Record<string, number>): UnitEvaluation {
  return {
    id: `${roundId}:${unitId}`,
    roundId,
    unitId,
    scores: Object.entries(values).map(([themeId, score]) => ({ themeId, score })),
    note: '',
    ...stamp,
  };
}

describe('a unit’s scorecard in a round', () => {
  it.each([
    ['every theme scored', { complaints: 3, times: 2, service: 4 }, 'comparable', 9, 3, 75],
    ['zeros count as scores', { complaints: 0, times: 0, service: 0 }, 'comparable', 0, 0, 0],
    ['one theme missing', { complaints: 3, service: 4 }, 'not-comparable', null, null, null],
    ['only one theme (evaluated on complaints only)', { complaints: 4 }, 'not-comparable', null, null, null],
    ['no scores yet', {}, 'not-evaluated', null, null, null],
  ] as const)('%s', (_case, values, standing, total, mean, percent) => {
    const card = scorecardOf(round('r', 2017), 'a', scores('r', 'a', values));
    expect(card.standing).toBe(standing);
    expect([card.total, card.mean, card.percent]).toEqual([total, mean, percent]);
    expect(card.scores.map((entry) => entry.themeId)).toEqual(['complaints', 'times', 'service']);
  });

  it('names the themes a not comparable unit was not scored on', () => {
    expect(scorecardOf(round('r', 2017), 'a', scores('r', 'a', { complaints: 4 })).missingThemeIds).toEqual([
      'times',
      'service',
    ]);
  });

  it.each([
    [0, 4, 2, 50],
    [1, 5, 1, 0],
    [1, 5, 5, 100],
    [1, 5, 3.67, 66.8],
  ])('places mean %#: scale %i–%i, mean %d → %d %%', (scaleMin, scaleMax, mean, percent) => {
    expect(percentOnScale({ scaleMin, scaleMax }, mean)).toBe(percent);
  });
});

describe('a round’s summary', () => {
  it('averages the comparable units only and lists the others', () => {
    const r = round('r', 2017, { unitIds: ['a', 'b', 'c', 'd'] });
    const summary = summariseRound(r, [
      scores('r', 'a', { complaints: 4, times: 4, service: 4 }),
      scores('r', 'b', { complaints: 2, times: 2, service: 2 }),
      scores('r', 'c', { complaints: 0 }),
      scores('other', 'd', { complaints: 1, times: 1, service: 1 }),
    ]);
    expect(summary).toEqual({
      roundId: 'r',
      comparableCount: 2,
      notComparableUnitIds: ['c'],
      notEvaluatedUnitIds: ['d'],
      mean: 3,
      percent: 75,
    });
  });

  it('has no mean without a comparable unit', () => {
    expect(summariseRound(round('r', 2017), []).mean).toBeNull();
  });
});

describe('units side by side across rounds', () => {
  const r13 = round('r13', 2013);
  const r15 = round('r15', 2015);
  const r17 = round('r17', 2017, { unitIds: ['a', 'b', 'c'] });
  const evaluations = [
    scores('r13', 'a', { complaints: 1, times: 2, service: 3 }),
    scores('r15', 'a', { complaints: 2, times: 3, service: 4 }),
    scores('r17', 'a', { complaints: 4, times: 4, service: 4 }),
    scores('r13', 'b', { complaints: 2, times: 2, service: 2 }),
    scores('r15', 'b', { complaints: 4 }),
    scores('r17', 'b', { complaints: 3, times: 3, service: 3 }),
    scores('r17', 'c', { complaints: 3, times: 3, service: 3 }),
  ];
  const rows = compareAcrossRounds([r17, r13, r15], evaluations, ['b', 'a']);
  const cell = (unitId: string, roundId: string) =>
    rows.find((row) => row.unitId === unitId)!.cells.find((entry) => entry.roundId === roundId)! as Extract<
      ComparisonCell,
      { change: unknown }
    >;

  it('orders rounds by year and units as asked, then by id', () => {
    expect(rows.map((row) => row.unitId)).toEqual(['b', 'a', 'c']);
    expect(rows[0]!.cells.map((entry) => entry.roundId)).toEqual(['r13', 'r15', 'r17']);
  });

  it.each([
    ['a', 'r13', null],
    ['a', 'r15', { fromRoundId: 'r13', percentPoints: 25, meanPoints: 1 }],
    ['a', 'r17', { fromRoundId: 'r15', percentPoints: 25, meanPoints: 1 }],
    // b was not comparable in 2015: 2017 is measured from 2013, 2015 gets no change.
    ['b', 'r15', null],
    ['b', 'r17', { fromRoundId: 'r13', percentPoints: 25, meanPoints: 1 }],
    // c's first round.
    ['c', 'r17', null],
  ])('%s in %s: change %j', (unitId, roundId, change) => {
    expect(cell(unitId, roundId).change).toEqual(change);
  });

  it('marks a round that does not cover the unit, and a not comparable one', () => {
    expect(rows.find((row) => row.unitId === 'c')!.cells[0]).toEqual({ roundId: 'r13', standing: 'not-covered' });
    expect(cell('b', 'r15').standing).toBe('not-comparable');
    expect(cell('b', 'r15').mean).toBeNull();
  });

  it('compares rounds on different scales in percentage points only', () => {
    const r19 = round('r19', 2019, { scaleMin: 1, scaleMax: 5, unitIds: ['a'] });
    const [row] = compareAcrossRounds(
      [r13, r19],
      [
        scores('r13', 'a', { complaints: 2, times: 2, service: 2 }),
        scores('r19', 'a', { complaints: 4, times: 4, service: 4 }),
      ],
    );
    expect((row!.cells[1] as Extract<ComparisonCell, { change: unknown }>).change).toEqual({
      fromRoundId: 'r13',
      percentPoints: 25,
      meanPoints: null,
    });
  });
});

describe('what a round and a score must satisfy', () => {
  it.each([
    [{}, []],
    [{ name: ' ' }, ['name']],
    [{ scaleMin: 4, scaleMax: 4 }, ['scaleMax']],
    [{ themes: [] }, ['themes']],
    [{ themes: [themes[0]!, { id: 'x', name: 'klagesager' }] }, ['themes']],
    [{ unitIds: ['a', 'a'] }, ['unitIds']],
  ])('%j → %j', (overrides, fields) => {
    expect(roundProblems({ ...round('r', 2017), ...overrides }).map((problem) => problem.field)).toEqual(fields);
  });

  it.each([
    [{ themeId: 'times', score: 0 }, true],
    [{ themeId: 'times', score: 4 }, true],
    [{ themeId: 'times', score: 3.3 }, true],
    [{ themeId: 'times', score: 4.5 }, false],
    [{ themeId: 'times', score: -1 }, false],
    [{ themeId: 'times', score: 2.125 }, false],
    [{ themeId: 'times', score: Number.NaN }, false],
    [{ themeId: 'nope', score: 2 }, false],
  ])('%j is allowed: %s', (score, allowed) => {
    expect(scoreProblem(round('r', 2017), score) === null).toBe(allowed);
  });
});

import { describe, expect, it } from 'vitest';
import { computeCaseStatistics, countedDays } from './case-statistics.js';
import type { CaseRecord } from './goal-types.js';
import { asLocalDate, type LocalDate } from './local-date.js';

const d = asLocalDate;

function buildCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id: 'bom:1',
    sourceId: 'bom',
    caseId: '1',
    caseType: 'Enfamiliehuse',
    unitId: 'byg',
    receivedOn: d('2026-01-05'),
    fullyInformedOn: null,
    decidedOn: d('2026-02-04'),
    pausedDays: 0,
    targetDays: 40,
    exemptionReason: null,
    decisionType: null,
    importedAt: '2026-03-01T00:00:00.000Z',
    ...overrides,
  };
}

/** A case decided on `decidedOn` after `days` counted days, within target or not. */
function decided(id: string, decidedOn: string, days: number, overrides: Partial<CaseRecord> = {}): CaseRecord {
  const received = new Date(`${decidedOn}T00:00:00Z`);
  received.setUTCDate(received.getUTCDate() - days);
  return buildCase({
    id: `bom:${id}`,
    caseId: id,
    receivedOn: received.toISOString().slice(0, 10) as LocalDate,
    decidedOn: d(decidedOn),
    ...overrides,
  });
}

describe('countedDays', () => {
  it.each([
    ['received to decided', {}, '2026-02-04', 30],
    ['from fully informed when known', { fullyInformedOn: d('2026-01-15') }, '2026-02-04', 20],
    ['the first 7 days with the applicant still count', { pausedDays: 7 }, '2026-02-04', 30],
    ['days with the applicant beyond 7 are subtracted', { pausedDays: 12 }, '2026-02-04', 25],
    ['never below zero', { pausedDays: 100 }, '2026-02-04', 0],
    ['an open case counts to the day asked', { decidedOn: null }, '2026-03-01', 55],
    ['across a leap day', { receivedOn: d('2028-02-27') }, '2028-03-01', 3],
  ] as const)('%s', (_name, overrides, end, expected) => {
    expect(countedDays(buildCase(overrides), d(end))).toBe(expected);
  });
});

describe('computeCaseStatistics', () => {
  const period = { from: d('2026-01-01'), to: d('2026-12-31'), asOf: d('2026-12-31') };

  it.each([
    {
      name: 'counts only cases decided in the period',
      cases: [decided('a', '2025-12-31', 10), decided('b', '2026-01-01', 10), decided('c', '2027-01-01', 10)],
      expected: { decided: 1, withinTarget: 1 },
    },
    {
      name: 'leaves exempt cases out',
      cases: [decided('a', '2026-03-01', 10), decided('b', '2026-03-01', 90, { exemptionReason: 'BBR' })],
      expected: { decided: 1, withinTarget: 1, sharePercent: 100 },
    },
    {
      name: 'a case exactly on its target is within it',
      cases: [decided('a', '2026-03-01', 40), decided('b', '2026-03-01', 41)],
      expected: { decided: 2, withinTarget: 1, sharePercent: 50 },
    },
    {
      name: 'paused days can bring a case within target',
      cases: [decided('a', '2026-03-01', 45, { pausedDays: 12 })],
      expected: { decided: 1, withinTarget: 1 },
    },
    {
      name: 'mean and median (even count: the middle two)',
      cases: [
        decided('a', '2026-03-01', 10),
        decided('b', '2026-03-01', 20),
        decided('c', '2026-03-01', 30),
        decided('d', '2026-03-01', 100),
      ],
      expected: { decided: 4, meanDays: 40, medianDays: 25 },
    },
    {
      name: 'nothing decided: no share, no mean, no median',
      cases: [],
      expected: { decided: 0, sharePercent: null, meanDays: null, medianDays: null },
    },
  ])('$name', ({ cases, expected }) => {
    expect(computeCaseStatistics(cases, period).headline).toMatchObject(expected);
  });

  it('counts the backlog: open on the day and already over target, exempt cases excluded', () => {
    const cases = [
      buildCase({ id: 'bom:open-over', caseId: 'open-over', receivedOn: d('2026-10-01'), decidedOn: null }),
      buildCase({ id: 'bom:open-within', caseId: 'open-within', receivedOn: d('2026-12-01'), decidedOn: null }),
      buildCase({
        id: 'bom:open-exempt',
        caseId: 'open-exempt',
        receivedOn: d('2026-01-01'),
        decidedOn: null,
        exemptionReason: 'Lovliggørelse',
      }),
      // Decided after the day asked: it was still open then.
      buildCase({ id: 'bom:later', caseId: 'later', receivedOn: d('2026-09-01'), decidedOn: d('2027-01-15') }),
      // Received after the day asked: not yet a case.
      buildCase({ id: 'bom:future', caseId: 'future', receivedOn: d('2027-01-02'), decidedOn: null }),
    ];
    const statistics = computeCaseStatistics(cases, period);
    expect(statistics.backlog).toBe(2);
    expect(statistics.byCaseType).toEqual([expect.objectContaining({ key: 'Enfamiliehuse', backlog: 2 })]);
  });

  it('gives each month its own figures and the rolling 12 months ending in it', () => {
    const cases = [
      decided('dec', '2025-12-15', 90),
      decided('jan', '2026-01-31', 10),
      decided('feb', '2026-02-01', 10),
      decided('old', '2025-01-31', 10),
    ];
    const statistics = computeCaseStatistics(cases, { ...period, to: d('2026-02-28'), asOf: d('2026-02-28') });
    expect(statistics.months.map((month) => month.month)).toEqual(['2026-01', '2026-02']);
    expect(statistics.months[0]!.figures).toMatchObject({ decided: 1, withinTarget: 1 });
    // January 2026's window is February 2025 – January 2026: December's case in, January 2025's out.
    expect(statistics.months[0]!.rolling12).toMatchObject({ decided: 2, withinTarget: 1, sharePercent: 50 });
    expect(statistics.months[1]!.rolling12).toMatchObject({ decided: 3, withinTarget: 2 });
  });

  it('sums quarters and years from months, marking the partial ones', () => {
    const cases = [
      decided('q1', '2026-03-31', 10),
      decided('q2', '2026-04-01', 90),
      decided('next-year', '2027-01-01', 10),
    ];
    const statistics = computeCaseStatistics(cases, {
      from: d('2026-02-01'),
      to: d('2027-01-31'),
      asOf: d('2027-02-01'),
    });
    expect(statistics.quarters.map(({ quarter, isPartial, figures }) => [quarter, isPartial, figures.decided])).toEqual(
      [
        ['2026-Q1', true, 1],
        ['2026-Q2', false, 1],
        ['2026-Q3', false, 0],
        ['2026-Q4', false, 0],
        ['2027-Q1', true, 1],
      ],
    );
    expect(statistics.years.map(({ year, isPartial, figures }) => [year, isPartial, figures.decided])).toEqual([
      [2026, true, 2],
      [2027, true, 1],
    ]);
  });

  it('splits by case type and unit, and keeps to a goal scope', () => {
    const cases = [
      decided('a', '2026-05-01', 10, { caseType: 'Enfamiliehuse', unitId: 'byg' }),
      decided('b', '2026-05-01', 90, { caseType: 'Bilag 2', unitId: 'miljo', targetDays: 130 }),
      decided('c', '2026-05-01', 90, { caseType: 'Enfamiliehuse', unitId: null }),
    ];
    const all = computeCaseStatistics(cases, period);
    expect(all.byCaseType.map((group) => [group.key, group.figures.decided])).toEqual([
      ['Bilag 2', 1],
      ['Enfamiliehuse', 2],
    ]);
    expect(all.byUnit.map((group) => group.key)).toEqual(['', 'byg', 'miljo']);
    const scoped = computeCaseStatistics(cases, {
      ...period,
      scope: { caseTypes: ['Enfamiliehuse'], unitIds: ['byg'] },
    });
    expect(scoped.headline).toMatchObject({ decided: 1, withinTarget: 1 });
  });
});

import { describe, expect, it } from 'vitest';
import type { LocalDate } from './local-date.js';
import {
  ageBucketOf,
  monthsBetween,
  periodStart,
  registerStatistics,
  type StatisticsRow,
} from './register-statistics.js';

const day = (value: string) => value as LocalDate;

function row(overrides: Partial<StatisticsRow>): StatisticsRow {
  return {
    kind: 'deviation',
    channel: 'tab',
    status: 'closed',
    categoryId: null,
    rootCauseCategoryId: null,
    unitId: 'team-a',
    receivedOn: day('2025-05-10'),
    isAnswerable: false,
    replyDueOn: null,
    isReplyLate: null,
    ...overrides,
  };
}

describe('registerStatistics', () => {
  const rows: StatisticsRow[] = [
    row({ rootCauseCategoryId: 'training', categoryId: 'journal' }),
    row({ rootCauseCategoryId: 'training', receivedOn: day('2025-06-01') }),
    row({ rootCauseCategoryId: 'training', kind: 'complaint', channel: 'public' }),
    row({ rootCauseCategoryId: 'procedure' }),
    row({ rootCauseCategoryId: 'it', unitId: null }),
    row({ kind: 'praise', channel: 'teams', isAnswerable: true, isReplyLate: false }),
    row({ kind: 'complaint', channel: 'public', isAnswerable: true, isReplyLate: true }),
    row({
      kind: 'complaint',
      channel: 'public',
      status: 'in-handling',
      isAnswerable: true,
      replyDueOn: day('2025-06-20'),
    }),
    row({
      kind: 'suggestion',
      status: 'registered',
      receivedOn: day('2025-06-28'),
      isAnswerable: true,
      replyDueOn: day('2025-07-10'),
    }),
    // Outside the period (before `from`), inside the 24-month trend.
    row({ rootCauseCategoryId: 'training', receivedOn: day('2024-02-03'), status: 'in-handling' }),
    // After `to`: left out everywhere.
    row({ receivedOn: day('2025-07-01') }),
  ];
  const statistics = registerStatistics(rows, day('2025-05-01'), day('2025-06-30'));

  it('counts the period per kind, channel, unit and month', () => {
    expect(statistics.total).toBe(9);
    expect(statistics.byKind).toEqual([
      { key: 'deviation', count: 4 },
      { key: 'complaint', count: 3 },
      { key: 'praise', count: 1 },
      { key: 'suggestion', count: 1 },
    ]);
    expect(statistics.byChannel.find((entry) => entry.key === 'public')?.count).toBe(3);
    expect(statistics.byUnit).toContainEqual({ key: 'none', count: 1 });
    expect(statistics.byCategory).toContainEqual({ key: 'journal', count: 1 });
    expect(statistics.byMonth.map((entry) => entry.month)).toEqual(['2025-05', '2025-06']);
    expect(statistics.byMonth[1]!.counts).toEqual({ deviation: 1, suggestion: 1 });
  });

  it('orders the Pareto by frequency with the cumulative share', () => {
    expect(statistics.pareto).toEqual([
      { key: 'training', count: 3, cumulativeShare: 0.6 },
      { key: 'it', count: 1, cumulativeShare: 0.8 },
      { key: 'procedure', count: 1, cumulativeShare: 1 },
    ]);
  });

  it('measures reply-time compliance over the answered and the overdue', () => {
    expect(statistics.replyCompliance).toEqual({
      answerable: 4,
      answeredInTime: 1,
      answeredLate: 1,
      overdueUnanswered: 1,
      share: 1 / 3,
    });
  });

  it('ages the open items at the end of the period, older ones included', () => {
    expect(statistics.openByAge).toEqual([
      { bucket: '0-7', count: 1 },
      { bucket: '8-30', count: 0 },
      { bucket: '31-90', count: 1 },
      { bucket: '91+', count: 1 },
    ]);
  });

  it('keeps 24 months of trend up to the end', () => {
    expect(statistics.trend).toHaveLength(24);
    expect(statistics.trend[0]!.month).toBe('2023-07');
    expect(statistics.trend.find((entry) => entry.month === '2024-02')!.counts).toEqual({ deviation: 1 });
  });

  it('counts a grouped row as many items as it stands for', () => {
    const items = [...rows, ...rows, ...rows.slice(0, 5)];
    const grouped: StatisticsRow[] = [];
    const seen = new Map<string, StatisticsRow>();
    for (const each of items) {
      const key = JSON.stringify(each);
      const group = seen.get(key);
      if (group) group.count = (group.count ?? 1) + 1;
      else {
        const copy = { ...each, count: 1 };
        seen.set(key, copy);
        grouped.push(copy);
      }
    }
    expect(grouped).toHaveLength(rows.length);
    expect(registerStatistics(grouped, day('2025-05-01'), day('2025-06-30'))).toEqual(
      registerStatistics(items, day('2025-05-01'), day('2025-06-30')),
    );
    const tripled = registerStatistics(
      rows.map((each) => ({ ...each, count: 3 })),
      day('2025-05-01'),
      day('2025-06-30'),
    );
    expect(tripled.total).toBe(27);
    expect(tripled.pareto[0]).toEqual({ key: 'training', count: 9, cumulativeShare: 0.6 });
    expect(tripled.replyCompliance).toMatchObject({ answerable: 12, answeredLate: 3, overdueUnanswered: 3 });
    expect(tripled.openByAge.map((entry) => entry.count)).toEqual([3, 0, 3, 3]);
  });

  it('has no share without anything to judge', () => {
    expect(registerStatistics([], day('2025-01-01'), day('2025-01-31')).replyCompliance.share).toBeNull();
  });
});

describe('helpers', () => {
  it.each([
    [0, '0-7'],
    [7, '0-7'],
    [8, '8-30'],
    [31, '31-90'],
    [91, '91+'],
  ] as const)('age %i days → %s', (days, bucket) => {
    expect(ageBucketOf(days)).toBe(bucket);
  });
  it('months and period starts', () => {
    expect(monthsBetween(day('2024-11-15'), day('2025-02-01'))).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(periodStart(day('2025-06-30'), 12)).toBe('2024-07-01');
  });
});

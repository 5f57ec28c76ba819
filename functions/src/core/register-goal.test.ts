import { describe, expect, it } from 'vitest';
import type { LocalDate } from './local-date.js';
import { registerGoalValue, registerMetricUnit } from './register-goal.js';
import type { StatisticsRow } from './register-statistics.js';

const day = (value: string) => value as LocalDate;

function row(overrides: Partial<StatisticsRow>): StatisticsRow {
  return {
    kind: 'complaint',
    channel: 'public',
    status: 'closed',
    categoryId: null,
    rootCauseCategoryId: null,
    unitId: null,
    receivedOn: day('2026-03-10'),
    isAnswerable: true,
    replyDueOn: null,
    isReplyLate: null,
    ...overrides,
  };
}

const inTime = (overrides: Partial<StatisticsRow> = {}) => row({ isReplyLate: false, ...overrides });
const late = (overrides: Partial<StatisticsRow> = {}) => row({ isReplyLate: true, ...overrides });
const from = day('2026-01-01');
const to = day('2026-06-30');
const share = { metric: 'replied-in-time', kinds: [] } as const;
const overdue = { metric: 'overdue-unanswered', kinds: [] } as const;

describe('registerGoalValue', () => {
  it('is the share answered in time of those answered or overdue, in percent', () => {
    const rows = [inTime(), inTime(), inTime(), late()];
    expect(registerGoalValue(share, rows, from, to)).toBe(75);
  });

  it('counts an unanswered item past its deadline as not in time, one not yet due not at all', () => {
    const rows = [
      inTime(),
      row({ status: 'in-handling', replyDueOn: day('2026-06-01') }),
      row({ status: 'registered', receivedOn: day('2026-06-25'), replyDueOn: day('2026-07-09') }),
    ];
    expect(registerGoalValue(share, rows, from, to)).toBe(50);
    expect(registerGoalValue(overdue, rows, from, to)).toBe(1);
    // Judged as on an earlier day the first deadline has not passed yet either.
    expect(registerGoalValue(share, rows, from, day('2026-05-31'))).toBe(100);
  });

  it('leaves anonymous items out (no one to answer)', () => {
    const rows = [inTime(), row({ isAnswerable: false, status: 'registered', replyDueOn: null })];
    expect(registerGoalValue(share, rows, from, to)).toBe(100);
    expect(registerGoalValue(share, [row({ isAnswerable: false })], from, to)).toBeNull();
  });

  it('counts only the items received in the period', () => {
    const rows = [inTime(), late({ receivedOn: day('2025-12-31') }), late({ receivedOn: day('2026-07-01') })];
    expect(registerGoalValue(share, rows, from, to)).toBe(100);
  });

  it('counts only the chosen kinds when the goal names some', () => {
    const rows = [inTime({ kind: 'complaint' }), late({ kind: 'deviation', channel: 'tab' })];
    expect(registerGoalValue({ metric: 'replied-in-time', kinds: ['complaint'] }, rows, from, to)).toBe(100);
    expect(registerGoalValue({ metric: 'replied-in-time', kinds: ['deviation'] }, rows, from, to)).toBe(0);
    expect(registerGoalValue(share, rows, from, to)).toBe(50);
  });

  it('is null with nothing to judge, and zero overdue', () => {
    expect(registerGoalValue(share, [], from, to)).toBeNull();
    expect(registerGoalValue(overdue, [], from, to)).toBe(0);
  });

  it('measures the share in percent and the overdue items as a count', () => {
    expect(registerMetricUnit('replied-in-time')).toBe('percent');
    expect(registerMetricUnit('overdue-unanswered')).toBe('count');
  });
});

import { describe, expect, it } from 'vitest';
import { asLocalDate, type LocalDate } from './local-date.js';
import { nextReviewDue, reviewStatus } from './review-schedule.js';

const d = (value: string): LocalDate => asLocalDate(value);

describe('nextReviewDue', () => {
  it.each([
    { approvedOn: '2026-11-22', lastReviewedOn: null, intervalMonths: 12, expected: '2027-11-22' },
    { approvedOn: '2026-01-31', lastReviewedOn: null, intervalMonths: 1, expected: '2026-02-28' },
    { approvedOn: '2024-02-29', lastReviewedOn: null, intervalMonths: 12, expected: '2025-02-28' },
    { approvedOn: '2024-02-29', lastReviewedOn: null, intervalMonths: 24, expected: '2026-02-28' },
    { approvedOn: '2024-02-29', lastReviewedOn: null, intervalMonths: 48, expected: '2028-02-29' },
    { approvedOn: '2026-08-31', lastReviewedOn: null, intervalMonths: 6, expected: '2027-02-28' },
    { approvedOn: '2025-03-01', lastReviewedOn: '2026-05-31', intervalMonths: 12, expected: '2027-05-31' },
    { approvedOn: '2026-05-31', lastReviewedOn: '2025-01-01', intervalMonths: 12, expected: '2027-05-31' },
  ])('approved $approvedOn, reviewed $lastReviewedOn, every $intervalMonths months → $expected', (row) => {
    expect(
      nextReviewDue({
        approvedOn: d(row.approvedOn),
        lastReviewedOn: row.lastReviewedOn === null ? null : d(row.lastReviewedOn),
        intervalMonths: row.intervalMonths,
      }),
    ).toBe(row.expected);
  });

  it('is null for a procedure that was never approved', () => {
    expect(nextReviewDue({ approvedOn: null, lastReviewedOn: null, intervalMonths: 12 })).toBeNull();
  });
});

describe('reviewStatus', () => {
  it.each([
    [null, 'none'],
    ['2026-11-21', 'overdue'],
    ['2026-11-22', 'due-soon'],
    ['2026-12-22', 'due-soon'],
    ['2026-12-23', 'ok'],
  ] as const)('review on %s seen on 2026-11-22 is %s', (next, expected) => {
    expect(reviewStatus(next === null ? null : d(next), d('2026-11-22'))).toBe(expected);
  });
});

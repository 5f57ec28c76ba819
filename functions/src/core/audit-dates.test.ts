import { describe, expect, it } from 'vitest';
import { auditPlanDate, findingFoundOn, isDatedInYear } from './audit-dates.js';
import { AppError } from './errors.js';
import { asLocalDate } from './local-date.js';

const d = asLocalDate;

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('auditPlanDate: never in the past', () => {
  it.each([
    // year, suggested month, today, planned on, moved
    [2026, 8, '2026-12-06', '2026-12-15', true],
    [2026, 8, '2026-03-01', '2026-08-15', false],
    [2026, 8, '2026-08-15', '2026-08-15', false],
    [2026, 8, '2026-08-16', '2026-09-15', true],
    [2026, 1, '2026-01-01', '2026-01-15', false],
    [2026, 12, '2026-12-15', '2026-12-15', false],
    [2026, 6, '2026-12-15', '2026-12-15', true],
    [2027, 1, '2026-12-31', '2027-01-15', false],
    [2027, 3, '2026-06-01', '2027-03-15', false],
    [2028, 2, '2028-02-29', '2028-03-15', true],
  ] as const)('year %i, month %i, on %s: %s (moved %s)', (year, month, today, plannedOn, isMoved) => {
    const result = auditPlanDate(year, month, d(today));
    expect(result).toEqual({ suggestedOn: `${year}-${String(month).padStart(2, '0')}-15`, plannedOn, isMoved });
    expect(result.plannedOn >= today).toBe(true);
  });

  it.each([
    [2026, 6, '2026-12-16'],
    [2026, 12, '2026-12-31'],
  ] as const)('refuses year %i month %i on %s: no 15th left in the year', (year, month, today) => {
    const error = refusal(() => auditPlanDate(year, month, d(today)));
    expect(error.code).toBe('VALIDATION');
    expect(error.details).toEqual({ field: 'itemIds', reason: 'no-audit-date-left', year });
  });

  it.each([
    [2025, 12, '2026-01-01'],
    [2020, 6, '2026-12-06'],
  ] as const)('refuses the past year %i (month %i) on %s', (year, month, today) => {
    expect(refusal(() => auditPlanDate(year, month, d(today))).details).toEqual({
      field: 'year',
      reason: 'audit-year-past',
      year,
    });
  });
});

describe('isDatedInYear: "Audits i {year}" lists only that year', () => {
  it.each([
    ['2026-01-01', 2026, true],
    ['2026-12-31', 2026, true],
    ['2027-01-01', 2026, false],
    ['2025-12-31', 2026, false],
  ] as const)('%s in %i: %s', (date, year, expected) => {
    expect(isDatedInYear(d(date), year)).toBe(expected);
  });
});

describe('findingFoundOn: the day it is recorded, never a future date', () => {
  it.each([
    [undefined, '2026-12-06', '2026-12-06'],
    ['2026-12-06', '2026-12-06', '2026-12-06'],
    ['2026-11-20', '2026-12-06', '2026-11-20'],
    ['2026-12-31', '2027-01-01', '2026-12-31'],
  ] as const)('given %s on %s: %s', (given, today, expected) => {
    expect(findingFoundOn(given === undefined ? undefined : d(given), d(today))).toBe(expected);
  });

  it.each([
    ['2026-12-07', '2026-12-06'],
    ['2027-01-01', '2026-12-31'],
  ] as const)('refuses %s on %s', (given, today) => {
    const error = refusal(() => findingFoundOn(d(given), d(today)));
    expect(error.code).toBe('VALIDATION');
    expect(error.details).toEqual({ field: 'foundOn', reason: 'found-on-future', today });
  });
});

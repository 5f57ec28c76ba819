import { describe, expect, it } from 'vitest';
import { addDays, addMonths, asLocalDate, daysBetween, isLocalDate, localDateOf } from './local-date.js';

describe('addMonths', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2028-02-29', 48, '2032-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-12-31', 12, '2027-12-31'],
    ['2026-05-31', -3, '2026-02-28'],
    ['2100-01-31', 1, '2100-02-28'],
    ['2000-01-31', 1, '2000-02-29'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(addMonths(asLocalDate(from), months)).toBe(expected);
  });

  it('refuses fractional months', () => {
    expect(() => addMonths(asLocalDate('2026-01-01'), 1.5)).toThrow(RangeError);
  });
});

describe('calendar dates', () => {
  it.each([
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2026-13-01', false],
    ['2026-04-31', false],
    ['26-1-1', false],
    ['2026-11-22', true],
  ])('isLocalDate(%s) is %s', (value, expected) => {
    expect(isLocalDate(value)).toBe(expected);
  });

  it('counts days across a leap day and a year end', () => {
    expect(daysBetween(asLocalDate('2028-02-28'), asLocalDate('2028-03-01'))).toBe(2);
    expect(daysBetween(asLocalDate('2026-12-31'), asLocalDate('2027-01-01'))).toBe(1);
    expect(addDays(asLocalDate('2026-12-25'), 10)).toBe('2027-01-04');
  });

  it('takes the calendar date in the municipality’s time zone, not in UTC', () => {
    // 23:30 UTC on 28 February is already 1 March in Copenhagen (UTC+1 in winter).
    expect(localDateOf(new Date('2027-02-28T23:30:00Z'), 'Europe/Copenhagen')).toBe('2027-03-01');
    // 22:30 UTC on 30 June is 00:30 on 1 July in summer time (UTC+2).
    expect(localDateOf(new Date('2026-06-30T22:30:00Z'), 'Europe/Copenhagen')).toBe('2026-07-01');
    expect(localDateOf(new Date('2026-06-30T21:30:00Z'), 'Europe/Copenhagen')).toBe('2026-06-30');
  });
});

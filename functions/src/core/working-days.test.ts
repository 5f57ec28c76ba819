import { describe, expect, it } from 'vitest';
import { addDays, asLocalDate, type LocalDate } from './local-date.js';
import { addWorkingDays, isoWeekday, isWorkingDay, workingDaysBetween } from './working-days.js';

const d = asLocalDate;

describe('isoWeekday', () => {
  it.each([
    ['2026-03-02', 0, true], // Monday
    ['2026-03-06', 4, true], // Friday
    ['2026-03-07', 5, false], // Saturday
    ['2026-03-08', 6, false], // Sunday
    ['2000-01-01', 5, false], // Saturday, before the reference Monday
    ['2024-02-29', 3, true], // Thursday, leap day
  ])('%s is weekday %i', (date, weekday, working) => {
    expect(isoWeekday(d(date))).toBe(weekday);
    expect(isWorkingDay(d(date))).toBe(working);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2026-03-02', 0, '2026-03-02', 'zero is the date itself'],
    ['2026-03-07', 0, '2026-03-07', 'zero is the date itself, even on a Saturday'],
    ['2026-03-02', 1, '2026-03-03', 'Monday + 1'],
    ['2026-03-06', 1, '2026-03-09', 'Friday + 1 is Monday'],
    ['2026-03-07', 1, '2026-03-09', 'Saturday + 1 is Monday'],
    ['2026-03-08', 1, '2026-03-09', 'Sunday + 1 is Monday'],
    ['2026-03-02', 5, '2026-03-09', 'Monday + 5 is next Monday'],
    ['2026-03-02', 6, '2026-03-10', 'Monday + 6'],
    ['2026-03-07', 5, '2026-03-13', 'Saturday + 5 is Friday'],
    ['2026-03-07', 6, '2026-03-16', 'Saturday + 6 is the Monday after'],
    ['2026-03-04', 10, '2026-03-18', 'two weeks'],
    ['2026-12-31', 2, '2027-01-04', 'over New Year (Thursday + 2)'],
    ['2026-03-09', -1, '2026-03-06', 'Monday - 1 is Friday'],
    ['2026-03-08', -1, '2026-03-06', 'Sunday - 1 is Friday'],
    ['2026-03-13', -5, '2026-03-06', 'Friday - 5 is the Friday before'],
    ['2026-03-10', -6, '2026-03-02', 'Tuesday - 6'],
  ])('%s + %i = %s (%s)', (from, count, expected) => {
    expect(addWorkingDays(d(from), count)).toBe(expected);
  });

  it('refuses fractions', () => {
    expect(() => addWorkingDays(d('2026-03-02'), 1.5)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2026-03-02', '2026-03-02', 0, 'same day'],
    ['2026-03-06', '2026-03-09', 1, 'Friday to Monday'],
    ['2026-03-06', '2026-03-08', 0, 'Friday to Sunday'],
    ['2026-03-07', '2026-03-09', 1, 'Saturday to Monday'],
    ['2026-03-02', '2026-03-09', 5, 'a week'],
    ['2026-03-02', '2026-03-10', 6, 'a week and a day'],
    ['2026-03-04', '2026-03-18', 10, 'two weeks'],
    ['2026-03-09', '2026-03-06', -1, 'backwards: Monday to Friday'],
    ['2026-03-09', '2026-03-02', -5, 'backwards: a week'],
    ['2025-12-29', '2026-01-05', 5, 'over New Year'],
    ['2026-01-01', '2026-12-31', 260, 'the year 2026'],
  ])('%s → %s = %i (%s)', (from, to, expected) => {
    expect(workingDaysBetween(d(from), d(to))).toBe(expected);
  });

  it('inverts addWorkingDays from every weekday', () => {
    for (let start = 0; start < 7; start++) {
      const from = addDays(d('2026-03-02'), start);
      for (let count = 0; count <= 23; count++) {
        const to: LocalDate = addWorkingDays(from, count);
        expect(workingDaysBetween(from, to), `${from} + ${count}`).toBe(count);
        if (count > 0) expect(isWorkingDay(to)).toBe(true);
      }
    }
  });
});

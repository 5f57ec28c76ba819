import { addDays, daysBetween, type LocalDate } from './local-date.js';

/**
 * Working days are Monday to Friday. Public holidays are not taken out: "5 working days" is a
 * nudge threshold, not a legal deadline, and a reminder a day early over Easter does no harm.
 */

/** Day of the week, 0 = Monday … 6 = Sunday (ISO order, so weekends are 5 and 6). */
export function isoWeekday(date: LocalDate): number {
  // 2001-01-01 was a Monday.
  const offset = daysBetween('2001-01-01' as LocalDate, date) % 7;
  return offset < 0 ? offset + 7 : offset;
}

export function isWorkingDay(date: LocalDate): boolean {
  return isoWeekday(date) < 5;
}

/**
 * The working day `count` working days after `date` (before it when `count` is negative).
 * Counting starts the day after `date`, so Friday + 1 is Monday, Saturday + 1 is Monday, and
 * `count = 0` returns `date` itself even on a weekend.
 */
export function addWorkingDays(date: LocalDate, count: number): LocalDate {
  if (!Number.isInteger(count)) throw new RangeError(`Working days must be a whole number: ${count}`);
  if (count === 0) return date;
  const step = count > 0 ? 1 : -1;
  // Whole weeks first (5 working days = 7 calendar days), then walk the remainder.
  const weeks = Math.trunc((Math.abs(count) - 1) / 5);
  let remaining = Math.abs(count) - weeks * 5;
  let current = addDays(date, step * weeks * 7);
  while (remaining > 0) {
    current = addDays(current, step);
    if (isWorkingDay(current)) remaining--;
  }
  return current;
}

/**
 * Working days in the half-open range (`from`, `to`]: the days after `from` up to and including
 * `to`. Friday → Monday is 1, Monday → Monday is 0, and the result is negative when `to` is
 * earlier. For any `count` ≥ 0, `workingDaysBetween(d, addWorkingDays(d, count)) === count`.
 */
export function workingDaysBetween(from: LocalDate, to: LocalDate): number {
  if (to < from) return -workingDaysBetween(to, from);
  const days = daysBetween(from, to);
  const weeks = Math.floor(days / 7);
  let count = weeks * 5;
  // The leftover days (fewer than 7) start the day after from + whole weeks.
  const startWeekday = isoWeekday(from);
  for (let offset = 1; offset <= days - weeks * 7; offset++) {
    if ((startWeekday + offset) % 7 < 5) count++;
  }
  return count;
}

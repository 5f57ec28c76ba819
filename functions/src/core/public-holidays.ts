import { addDays, asLocalDate, type LocalDate } from './local-date.js';
import type { HolidayCalendar } from './register-types.js';
import { isWorkingDay } from './working-days.js';

/**
 * Public holidays for reply deadlines counted in working days (the register's "10 working days").
 * Unlike the nudges of `working-days.ts`, a reply deadline is promised to a citizen, so the days
 * a municipality's offices are closed are taken out.
 *
 * - dk: the helligdage (nytårsdag, skærtorsdag, langfredag, påskedag, 2. påskedag, store bededag
 *   until 2023 (abolished from 2024), Kristi himmelfartsdag, pinsedag, 2. pinsedag, juledag,
 *   2. juledag) and the days municipal offices close by agreement: grundlovsdag (5 June),
 *   juleaftensdag (24 December) and nytårsaftensdag (31 December).
 * - no: the lovbestemte helligdager and høytidsdager: 1 January, skjærtorsdag, langfredag,
 *   1. and 2. påskedag, 1 May, 17 May, Kristi himmelfartsdag, 1. and 2. pinsedag, 25 and 26
 *   December.
 */

/** Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return asLocalDate(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

const fixed = (year: number, monthDay: string) => asLocalDate(`${year}-${monthDay}`);

/** The public holidays of `year`, sorted. */
export function publicHolidays(year: number, calendar: HolidayCalendar): LocalDate[] {
  const easter = easterSunday(year);
  const movable = (offset: number) => addDays(easter, offset);
  const days =
    calendar === 'dk'
      ? [
          fixed(year, '01-01'),
          movable(-3),
          movable(-2),
          easter,
          movable(1),
          ...(year <= 2023 ? [movable(26)] : []),
          movable(39),
          movable(49),
          movable(50),
          fixed(year, '06-05'),
          fixed(year, '12-24'),
          fixed(year, '12-25'),
          fixed(year, '12-26'),
          fixed(year, '12-31'),
        ]
      : [
          fixed(year, '01-01'),
          movable(-3),
          movable(-2),
          easter,
          movable(1),
          fixed(year, '05-01'),
          fixed(year, '05-17'),
          movable(39),
          movable(49),
          movable(50),
          fixed(year, '12-25'),
          fixed(year, '12-26'),
        ];
  return [...new Set(days)].sort();
}

/** A working day under the calendar: Monday to Friday and not a public holiday. */
export function workingDayTest(calendar: HolidayCalendar): (date: LocalDate) => boolean {
  const byYear = new Map<number, Set<string>>();
  return (date) => {
    if (!isWorkingDay(date)) return false;
    const year = Number(date.slice(0, 4));
    let holidays = byYear.get(year);
    if (!holidays) {
      holidays = new Set(publicHolidays(year, calendar));
      byYear.set(year, holidays);
    }
    return !holidays.has(date);
  };
}

/**
 * The working day `count` working days after `date` under the calendar. Counting starts the day
 * after `date` (received on a Friday: Monday is day 1); `count` 0 returns `date`.
 */
export function addCalendarWorkingDays(date: LocalDate, count: number, calendar: HolidayCalendar): LocalDate {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`Working days must be a whole number ≥ 0: ${count}`);
  const isWorking = workingDayTest(calendar);
  let current = date;
  let remaining = count;
  while (remaining > 0) {
    current = addDays(current, 1);
    if (isWorking(current)) remaining--;
  }
  return current;
}

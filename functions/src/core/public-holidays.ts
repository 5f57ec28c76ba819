import { addDays, type LocalDate } from './local-date.js';
import { isWorkingDay } from './working-days.js';

/**
 * Public holidays of Denmark and Norway, for deadlines counted in working days. One module, two
 * readings:
 *
 * - **Statutory** (`publicHolidays`, `addBusinessDays`, `businessDaysBetween`): the deadlines a law
 *   sets (aktindsigt, offentlighedsloven § 36; innsyn, offentleglova § 32). Only the holidays are
 *   taken out: Denmark's helligdage (Store bededag until 2023, abolished from 2024) and juledagene;
 *   Norway's helligdager and høytidsdager (1 and 17 May). Days when offices merely close
 *   (grundlovsdag, juleaften, nytårsaften) count, so a legal deadline is never later than the law's.
 * - **Office days** (`officeHolidays`, `workingDayTest`, `addCalendarWorkingDays`): the register's
 *   reply deadline, a promise to a citizen counted in the days the municipality's offices are
 *   open, so in Denmark grundlovsdag (5 June), juleaftensdag and nytårsaftensdag are out too.
 */
export type HolidayCalendar = 'dk' | 'no';

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
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
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as LocalDate;
}

const cache = new Map<string, ReadonlySet<string>>();

export function publicHolidays(year: number, calendar: HolidayCalendar): ReadonlySet<string> {
  const key = `${calendar}:${year}`;
  const known = cache.get(key);
  if (known) return known;
  const easter = easterSunday(year);
  const fixed = (month: number, day: number) =>
    `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const moveable = [-3, -2, 0, 1, 39, 49, 50];
  const days = new Set<string>([
    fixed(1, 1),
    fixed(12, 25),
    fixed(12, 26),
    ...moveable.map((offset) => addDays(easter, offset)),
  ]);
  if (calendar === 'dk' && year <= 2023) days.add(addDays(easter, 26)); // Store bededag
  if (calendar === 'no') {
    days.add(fixed(5, 1));
    days.add(fixed(5, 17));
  }
  cache.set(key, days);
  return days;
}

export function isPublicHoliday(date: LocalDate, calendar: HolidayCalendar): boolean {
  return publicHolidays(Number(date.slice(0, 4)), calendar).has(date);
}

/** Monday to Friday and not a public holiday of the calendar. */
export function isBusinessDay(date: LocalDate, calendar: HolidayCalendar): boolean {
  return isWorkingDay(date) && !isPublicHoliday(date, calendar);
}

/**
 * The business day `count` business days after `date` (count ≥ 0). Counting starts the day after
 * `date`: a request received on a Friday has its first working day on Monday.
 */
export function addBusinessDays(date: LocalDate, count: number, calendar: HolidayCalendar): LocalDate {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`Business days must be a whole number ≥ 0: ${count}`);
  let current = date;
  let remaining = count;
  while (remaining > 0) {
    current = addDays(current, 1);
    if (isBusinessDay(current, calendar)) remaining--;
  }
  return current;
}

/** Business days in (`from`, `to`]; negative when `to` is earlier. */
export function businessDaysBetween(from: LocalDate, to: LocalDate, calendar: HolidayCalendar): number {
  if (to < from) return -businessDaysBetween(to, from, calendar);
  let count = 0;
  for (let current = addDays(from, 1); current <= to; current = addDays(current, 1))
    if (isBusinessDay(current, calendar)) count++;
  return count;
}

/** Statutory holidays plus the days Danish municipal offices close by agreement, sorted. */
export function officeHolidays(year: number, calendar: HolidayCalendar): LocalDate[] {
  const days = new Set(publicHolidays(year, calendar));
  if (calendar === 'dk') for (const monthDay of ['06-05', '12-24', '12-31']) days.add(`${year}-${monthDay}`);
  return ([...days] as LocalDate[]).sort();
}

/** An office day under the calendar: Monday to Friday and not in `officeHolidays`. */
export function workingDayTest(calendar: HolidayCalendar): (date: LocalDate) => boolean {
  const byYear = new Map<number, Set<string>>();
  return (date) => {
    if (!isWorkingDay(date)) return false;
    const year = Number(date.slice(0, 4));
    let holidays = byYear.get(year);
    if (!holidays) {
      holidays = new Set(officeHolidays(year, calendar));
      byYear.set(year, holidays);
    }
    return !holidays.has(date);
  };
}

/**
 * The office day `count` office days after `date` (count ≥ 0). Counting starts the day after
 * `date` (received on a Friday: Monday is day 1); `count` 0 returns `date`.
 */
export function addCalendarWorkingDays(date: LocalDate, count: number, calendar: HolidayCalendar): LocalDate {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`Working days must be a whole number ≥ 0: ${count}`);
  const isOfficeDay = workingDayTest(calendar);
  let current = date;
  let remaining = count;
  while (remaining > 0) {
    current = addDays(current, 1);
    if (isOfficeDay(current)) remaining--;
  }
  return current;
}

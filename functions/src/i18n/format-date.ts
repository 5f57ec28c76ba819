import type { Locale } from '../core/locale.js';

/**
 * The one date formatter of the product: the tab, the cards, the reports, the reminders and the
 * exports write dates and times with these functions.
 *
 * - Danish: 05-01-2027. The tab's choice since its first release (Danish administrative style,
 *   the same as the date fields, tab/src/i18n/date-input.ts), kept for every output.
 * - Norwegian bokmål: 05.01.2027 (Språkrådet's rule for numeric dates: day, month and year
 *   separated by full stops). Cards used to write 05-01-2027 for Norwegian readers too.
 * - English: 5 Jan 2027 (day, short month name, year: neither American nor European readers
 *   misread it). The month names are our own table, so Node and every browser agree.
 * - Time of day: Danish and Norwegian "kl. 13.19" (Retskrivningsordbogen and Språkrådet: a full
 *   stop between hours and minutes), English "13:19".
 */

/** The product's time zone: Danish municipalities; Norway has the same offsets all year. */
export const productTimeZone = 'Europe/Copenhagen';

const englishMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (value: number) => String(value).padStart(2, '0');

type WallClock = { year: number; month: number; day: number; hour: number; minute: number };

const calendarDate = /^(\d{4})-(\d{2})-(\d{2})$/;

function wallClock(instant: string, timeZone: string | null): WallClock {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an ISO 8601 instant: ${instant}`);
  const parts = new Intl.DateTimeFormat('en-GB', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute') };
}

/** A day in the locale's format: "05-01-2027", "05.01.2027", "5 Jan 2027". */
export function formatDay(year: number, month: number, day: number, locale: Locale): string {
  if (locale === 'en') return `${day} ${englishMonths[month - 1] ?? '?'} ${year}`;
  const separator = locale === 'nb' ? '.' : '-';
  return `${pad(day)}${separator}${pad(month)}${separator}${year}`;
}

/** "kl. 13.19" (da, nb), "13:19" (en). Pure: the caller has already placed the instant in a time zone. */
export function formatTimeOfDay(hour: number, minute: number, locale: Locale): string {
  return locale === 'en' ? `${pad(hour)}:${pad(minute)}` : `kl. ${pad(hour)}.${pad(minute)}`;
}

/** A date and a time of day together: "05-01-2027 kl. 13.19", "5 Jan 2027, 13:19". */
export function joinDateAndTime(date: string, hour: number, minute: number, locale: Locale): string {
  const time = formatTimeOfDay(hour, minute, locale);
  return locale === 'en' ? `${date}, ${time}` : `${date} ${time}`;
}

/**
 * A date. A calendar date ("2027-01-05", such as a review date) is shown as it is; an instant is
 * first placed in `timeZone` (the product's unless given; `null`, as the tab passes, is the
 * viewer's own), so an approval at 00:30 Danish time on 1 March shows as 1 March. Throws a
 * RangeError on a value that is neither.
 */
export function formatDate(value: string, locale: Locale, timeZone: string | null = productTimeZone): string {
  const match = calendarDate.exec(value);
  if (match) return formatDay(Number(match[1]), Number(match[2]), Number(match[3]), locale);
  const clock = wallClock(value, timeZone);
  return formatDay(clock.year, clock.month, clock.day, locale);
}

/** An instant as date and wall-clock time in `timeZone`: "22-11-2026 kl. 14.03", "22 Nov 2026, 14:03". */
export function formatInstant(value: string, locale: Locale, timeZone: string | null = productTimeZone): string {
  const clock = wallClock(value, timeZone);
  return joinDateAndTime(formatDay(clock.year, clock.month, clock.day, locale), clock.hour, clock.minute, locale);
}

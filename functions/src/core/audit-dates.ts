import { AppError } from './errors.js';
import { asLocalDate, type LocalDate } from './local-date.js';

/**
 * The date rules of the audit year (issue 16): when "Planlæg valgte" plans an audit, which audits
 * a year lists, and which day a finding may be found on. Pure: `today` is passed in.
 */

/** The day of the month a planned internal audit is put on (the programme suggests a month). */
export const auditPlanDay = 15;

export type AuditPlanDate = {
  /** The programme's suggestion: the 15th of the suggested month. */
  suggestedOn: LocalDate;
  plannedOn: LocalDate;
  /** True when the suggestion had passed and the audit was moved to `plannedOn`. */
  isMoved: boolean;
};

function fifteenth(year: number, month: number): LocalDate {
  return asLocalDate(`${year}-${String(month).padStart(2, '0')}-${auditPlanDay}`);
}

/**
 * When an audit of the programme for `year`, suggested in `suggestedMonth` (1–12), is planned on
 * `today`. An audit is never planned in the past:
 *
 * | case                                                      | result                                                        |
 * | --------------------------------------------------------- | ------------------------------------------------------------- |
 * | the 15th of the suggested month is today or later         | that day                                                      |
 * | it has passed, and a 15th of the year is still ahead      | moved to the first 15th from today on (the next month's, or   |
 * |                                                           | this month's if today is the 15th or before): the same rhythm |
 * |                                                           | as the rest of the programme, with notice for the auditee      |
 * | no 15th of the year is left (today after 15 December)     | refused: VALIDATION, reason `no-audit-date-left`; the item    |
 * |                                                           | belongs in next year's programme                              |
 * | `year` is before today's year                             | refused: VALIDATION, reason `audit-year-past`                 |
 *
 * Moving rather than refusing keeps "Planlæg valgte" useful late in the year (the coordinator
 * chose the items; the month was only a suggestion), and the answer lists what was moved so the
 * tab can say so.
 */
export function auditPlanDate(year: number, suggestedMonth: number, today: LocalDate): AuditPlanDate {
  const thisYear = Number(today.slice(0, 4));
  if (year < thisYear) {
    throw new AppError('VALIDATION', `The year ${year} has passed; audits are planned from today on.`, {
      field: 'year',
      reason: 'audit-year-past',
      year,
    });
  }
  const suggestedOn = fifteenth(year, suggestedMonth);
  if (suggestedOn >= today) return { suggestedOn, plannedOn: suggestedOn, isMoved: false };
  const todayMonth = Number(today.slice(5, 7));
  for (let month = todayMonth; month <= 12; month += 1) {
    const candidate = fifteenth(year, month);
    if (candidate >= today) return { suggestedOn, plannedOn: candidate, isMoved: true };
  }
  throw new AppError('VALIDATION', `No 15th is left in ${year} to plan the audit on.`, {
    field: 'itemIds',
    reason: 'no-audit-date-left',
    year,
  });
}

/** True when `date` (YYYY-MM-DD) lies in the calendar year `year`: what "Audits i {year}" lists. */
export function isDatedInYear(date: LocalDate, year: number): boolean {
  return Number(date.slice(0, 4)) === year;
}

/**
 * A finding's "Konstateret": the day it is recorded unless given, and never after today (a finding
 * is something seen, not something expected). Refused with VALIDATION, reason `found-on-future`.
 */
export function findingFoundOn(given: LocalDate | undefined, today: LocalDate): LocalDate {
  const foundOn = given ?? today;
  if (foundOn > today) {
    throw new AppError('VALIDATION', 'A finding cannot be found after today.', {
      field: 'foundOn',
      reason: 'found-on-future',
      today,
    });
  }
  return foundOn;
}

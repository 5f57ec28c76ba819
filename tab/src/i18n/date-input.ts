import type { Locale } from '../../../functions/src/core/locale';

/**
 * Dates typed and shown in date fields: the app's own numeric format per language (Danish
 * 05-01-2027, Norwegian 05.01.2027, English 05/01/2027; always day first), and a forgiving
 * parser for what people type. Values travel as calendar dates "YYYY-MM-DD".
 */
const separators: Record<Locale, string> = { da: '-', nb: '.', en: '/' };

const pad = (value: number) => String(value).padStart(2, '0');

export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** "2027-01-05" → "05-01-2027" (da), "05.01.2027" (nb), "05/01/2027" (en); anything else as it is. */
export function formatDateInput(iso: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const separator = separators[locale];
  return `${match[3]}${separator}${match[2]}${separator}${match[1]}`;
}

/**
 * A typed date → "YYYY-MM-DD", or null when it is not a real date. Day first in every
 * language: "5-1-2027", "05.01.2027", "5/1 2027", "05012027", a two-digit year in this century
 * ("5-1-27"); an ISO date "2027-01-05" is accepted too.
 */
export function parseDateInput(text: string): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const compact = /^(\d{2})(\d{2})(\d{4})$/.exec(trimmed);
  const parts = compact ?? /^(\d{1,2})\s*[-./ ]\s*(\d{1,2})\s*[-./ ]\s*(\d{2}|\d{4})$/.exec(trimmed);
  if (!parts) return null;
  const year = Number(parts[3]);
  return isoDate(parts[3]!.length === 2 ? 2000 + year : year, Number(parts[2]), Number(parts[1]));
}

/** The placeholder that shows the expected format ("dd-mm-åååå"), from the catalogue's year letters. */
export function datePattern(locale: Locale, yearLetters: string): string {
  const separator = separators[locale];
  return ['dd', 'mm', yearLetters].join(separator);
}

/** A local calendar day as a Date for the calendar (noon, so no time zone moves it a day). */
export function dateFromIso(iso: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12) : null;
}

export function isoFromDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

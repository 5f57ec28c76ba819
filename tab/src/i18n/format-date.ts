import { joinDateAndTime } from '../../../functions/src/core/time-of-day';
import type { UiLocale } from './messages';

/** BCP 47 tags for Intl; the UI language decides the date format, not the browser's region. */
const intlTags: Record<UiLocale, string> = { da: 'da-DK', nb: 'nb-NO', en: 'en-GB' };

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function joinDate(locale: UiLocale, day: number, month: number, year: number): string {
  // Danish public-sector style is dd-mm-yyyy; Norwegian uses dd.mm.yyyy; English day month year.
  if (locale === 'da') return `${pad(day)}-${pad(month)}-${year}`;
  if (locale === 'nb') return `${pad(day)}.${pad(month)}.${year}`;
  return new Intl.DateTimeFormat(intlTags.en, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, day)));
}

/** A calendar date "YYYY-MM-DD" shown without any time-zone shift. */
export function formatLocalDate(value: string, locale: UiLocale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  return joinDate(locale, Number(match[3]), Number(match[2]), Number(match[1]));
}

/** An instant shown as date and time in the viewer's time zone. */
export function formatInstant(value: string, locale: UiLocale, timeZone?: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
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
  const day = joinDate(locale, part('day'), part('month'), part('year'));
  // The same time of day as the cards and the exports write (core/time-of-day.ts).
  return joinDateAndTime(day, part('hour'), part('minute'), locale);
}

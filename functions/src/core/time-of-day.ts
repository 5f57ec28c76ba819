/**
 * The one way the product writes a time of day, for the tab, the cards and the exports: Danish
 * and Norwegian "kl. 13.19" (Retskrivningsordbogen and Språkrådet: a full stop between hours and
 * minutes), English "13:19". Pure: the caller has already placed the instant in a time zone.
 */
export type TimeLocale = 'da' | 'nb' | 'en';

const pad = (value: number) => String(value).padStart(2, '0');

export function formatTimeOfDay(hour: number, minute: number, locale: TimeLocale): string {
  return locale === 'en' ? `${pad(hour)}:${pad(minute)}` : `kl. ${pad(hour)}.${pad(minute)}`;
}

/** A date and a time of day together: "05-01-2027 kl. 13.19", "5 Jan 2027, 13:19". */
export function joinDateAndTime(date: string, hour: number, minute: number, locale: TimeLocale): string {
  return locale === 'en'
    ? `${date}, ${formatTimeOfDay(hour, minute, locale)}`
    : `${date} ${formatTimeOfDay(hour, minute, locale)}`;
}

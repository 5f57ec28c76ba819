/**
 * The product's languages: Danish (the source of every text), Norwegian bokmål and English.
 * The one locale type of the product: the contract's `localeSchema`, the tab, the cards, the
 * reports, the reminders and the exports all use it (functions/src/i18n/ holds their texts).
 */
export const locales = ['da', 'nb', 'en'] as const;
export type Locale = (typeof locales)[number];

export function isLocale(value: unknown): value is Locale {
  return value === 'da' || value === 'nb' || value === 'en';
}

/** Each language's BCP 47 tag for Intl (numbers, dates, plural rules) and for `lang` attributes. */
export const intlTags: Readonly<Record<Locale, string>> = { da: 'da-DK', nb: 'nb-NO', en: 'en-GB' };

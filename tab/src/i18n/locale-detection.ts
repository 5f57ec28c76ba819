import type { UiLocale } from './messages';

/**
 * Maps a BCP 47 tag (from Teams or the browser) to a UI language. Norwegian in all its forms
 * (nb, nn, no) gets bokmål; anything we do not translate gets Danish, the product's home language.
 */
export function toUiLocale(tag: string | null | undefined): UiLocale {
  const language = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (language === 'da') return 'da';
  if (language === 'nb' || language === 'nn' || language === 'no') return 'nb';
  if (language === 'en') return 'en';
  return 'da';
}

export function isUiLocale(value: unknown): value is UiLocale {
  return value === 'da' || value === 'nb' || value === 'en';
}

/** A stored choice wins over the host's language, which wins over the browser's. */
export function chooseLocale(input: {
  stored: string | null;
  hostLocale: string | null;
  browserLanguage: string | null;
}): UiLocale {
  if (isUiLocale(input.stored)) return input.stored;
  if (input.hostLocale) return toUiLocale(input.hostLocale);
  return toUiLocale(input.browserLanguage);
}

import { isLocale, type Locale } from '../../../functions/src/core/locale';

/**
 * Maps a BCP 47 tag (from Teams or the browser) to a UI language. Norwegian in all its forms
 * (nb, nn, no) gets bokmål; anything we do not translate gets Danish, the product's home language.
 */
export function toLocale(tag: string | null | undefined): Locale {
  const language = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (language === 'da') return 'da';
  if (language === 'nb' || language === 'nn' || language === 'no') return 'nb';
  if (language === 'en') return 'en';
  return 'da';
}

/** A stored choice wins over the host's language, which wins over the browser's. */
export function chooseLocale(input: {
  stored: string | null;
  hostLocale: string | null;
  browserLanguage: string | null;
}): Locale {
  if (isLocale(input.stored)) return input.stored;
  if (input.hostLocale) return toLocale(input.hostLocale);
  return toLocale(input.browserLanguage);
}

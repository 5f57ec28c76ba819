import type { MessageKey, UiLocale } from './messages';

/** A message in its singular and plural form, chosen by the language's own plural rules. */
export type PluralKeys = { one: MessageKey; other: MessageKey };

export function pluralKey(locale: UiLocale, count: number, keys: PluralKeys): MessageKey {
  return new Intl.PluralRules(locale).select(count) === 'one' ? keys.one : keys.other;
}

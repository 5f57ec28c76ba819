import type { da } from './da';

/** Every catalogue must have exactly the keys of the Danish source catalogue. */
export type MessageKey = keyof typeof da;
export type Messages = { readonly [Key in MessageKey]: string };

export type UiLocale = 'da' | 'nb' | 'en';
export const uiLocales: readonly UiLocale[] = ['da', 'nb', 'en'];

export type MessageValues = Readonly<Record<string, string | number>>;

const intlTags: Readonly<Record<UiLocale, string>> = { da: 'da-DK', nb: 'nb-NO', en: 'en-GB' };
const pluralRules = new Map<UiLocale, Intl.PluralRules>();

function pluralCategory(count: number, locale: UiLocale): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(intlTags[locale]);
    pluralRules.set(locale, rules);
  }
  return rules.select(count);
}

/** `{count, plural, one {# advarsel} other {# advarsler}}`: the form Intl.PluralRules picks, # the number. */
const pluralPattern = /\{(\w+), plural,((?:\s*\w+ \{[^{}]*\})+)\s*\}/g;
const pluralForm = /(\w+) \{([^{}]*)\}/g;

/**
 * Fills {placeholders} and chooses plural forms (the ICU message syntax's `plural`, which is all
 * Danish, Norwegian and English need: `one` and `other`). An unknown placeholder is left visible
 * so a missing value is noticed.
 */
export function fillTemplate(template: string, values: MessageValues = {}, locale: UiLocale = 'da'): string {
  const withPlurals = template.replace(pluralPattern, (whole, name: string, forms: string) => {
    const value = values[name];
    if (typeof value !== 'number') return whole;
    const byCategory = new Map([...forms.matchAll(pluralForm)].map((match) => [match[1]!, match[2]!] as const));
    const form = byCategory.get(pluralCategory(value, locale)) ?? byCategory.get('other') ?? whole;
    return form.replace(/#/g, String(value));
  });
  return withPlurals.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

import i18next, { type i18n, type InitOptions, type Resource } from 'i18next';
import type { Locale } from '../core/locale.js';

/**
 * The one i18n mechanism of the product (tab, cards, chat, reports, reminders, exports): i18next,
 * with resources as typed TypeScript modules, one per namespace (area) and locale.
 *
 * - Danish is the source: `export const cards = { ... }` in resources/da/<namespace>.ts. Every
 *   other language is `TranslationOf<typeof da>`: a missing or extra key does not compile, and
 *   `texts.test.ts` fails on it at run time too.
 * - Keys are flat strings ("audit.title"): `keySeparator: false`, `nsSeparator: false`.
 * - Placeholders are i18next's `{{name}}`; plurals are i18next's suffixes `key_one` and
 *   `key_other` (with `{{count}}`), chosen by Intl.PluralRules for the locale. Call sites name the
 *   key without its suffix and pass `count`.
 * - No silent fallback: `fallbackLng: false`, so a text missing in nb or en never shows Danish;
 *   the types prevent it, and the server's `Translate` throws rather than print a key.
 */

export type Texts = Readonly<Record<string, string>>;

/** A translation of a Danish namespace: exactly its keys. */
export type TranslationOf<Source extends Texts> = { readonly [Key in keyof Source]: string };

type PluralBase<Key> = Key extends `${infer Base}_one` ? Base : Key extends `${infer Base}_other` ? Base : Key;

/** The keys a call site names: plural keys without their `_one`/`_other` suffix. */
export type TextKey<Source extends Texts> = PluralBase<keyof Source & string>;

export type TextValues = Readonly<Record<string, string | number>>;

export type Translate<Source extends Texts> = (key: TextKey<Source>, values?: TextValues) => string;

/** The plural suffixes Danish, Norwegian and English need (Intl.PluralRules: `one` and `other`). */
export const pluralSuffixes = ['_one', '_other'] as const;

/** i18next's options for every instance of the product. */
export function i18nOptions(locale: Locale): InitOptions {
  return {
    lng: locale,
    fallbackLng: false,
    keySeparator: false,
    nsSeparator: false,
    returnNull: false,
    initAsync: false,
    interpolation: {
      // Texts are escaped where they are shown: React escapes, cards escape user text before
      // passing it (escapeCardText), documents are not HTML.
      escapeValue: false,
    },
    // A placeholder without a value stays visible ("{{name}}") instead of vanishing.
    missingInterpolationHandler: (text: string, match: unknown) =>
      Array.isArray(match) && typeof match[0] === 'string' ? match[0] : text,
  } as InitOptions;
}

/** An i18next instance holding `resources` (locale → namespace → texts), initialised at once. */
export function createTextInstance(locale: Locale, resources: Resource): i18n {
  const instance = i18next.createInstance();
  void instance.init({ ...i18nOptions(locale), ns: Object.keys(resources[locale] ?? {}), resources });
  return instance;
}

/**
 * A typed translate function for one namespace and locale. A key that the instance does not
 * have (a namespace not loaded, a key missing in a language) throws: no fallback to Danish and
 * no key printed where a reader expects a sentence.
 */
export function fixedTranslate<Source extends Texts>(
  instance: i18n,
  locale: Locale,
  namespace: string,
): Translate<Source> {
  const t = instance.getFixedT(locale, namespace);
  return (key, values) => {
    const options = { ...values, lng: locale, ns: namespace };
    if (!instance.exists(key, options)) throw new Error(`No text "${namespace}:${key}" in ${locale}`);
    return t(key, values as Record<string, unknown>);
  };
}

import type { i18n as I18nInstance } from 'i18next';
import { createContext, use, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from '../../../functions/src/core/locale';
import { formatDate, formatInstant } from '../../../functions/src/i18n/format-date';
import type { RouteMatch } from '../router/routes';
import type { MessageKey, MessageValues } from './messages';
import { loadSceneTexts, searchOrder } from './tab-i18n';

export type Translate = (key: MessageKey, values?: MessageValues) => string;

export type I18n = {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: Translate;
  formatDate(value: string | null | undefined): string;
  formatInstant(value: string | null | undefined): string;
  instance: I18nInstance;
};

const I18nContext = createContext<I18n | null>(null);

export const localeStorageKey = 'kvalitetshaandbog.locale';

/** Shows a value that is not a date as it is, rather than failing the scene. */
function orAsIs(format: () => string, value: string): string {
  try {
    return format();
  } catch {
    return value;
  }
}

export function I18nProvider(props: { instance: I18nInstance; initialLocale: Locale; children: ReactNode }) {
  const { instance } = props;
  const [locale, setCurrentLocale] = useState<Locale>(props.initialLocale);

  const setLocale = useCallback(
    (next: Locale) => {
      try {
        localStorage.setItem(localeStorageKey, next);
      } catch {
        // Storage may be blocked (private mode, Teams on some clients): the choice lasts for the session.
      }
      // i18next loads every namespace in use in the new language before it switches.
      instance.changeLanguage(next).then(
        () => setCurrentLocale(next),
        (error: unknown) => console.error('Could not load the language', next, error),
      );
    },
    [instance],
  );

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const value = useMemo<I18n>(() => {
    const t = instance.getFixedT(locale);
    return {
      locale,
      setLocale,
      instance,
      t: (key, values) => t(key, { ...values, ns: searchOrder }),
      // Dates in the UI language's format (functions/src/i18n/format-date.ts), instants in the viewer's time zone.
      formatDate: (date) => (date ? orAsIs(() => formatDate(date, locale, null), date) : ''),
      formatInstant: (instant) => (instant ? orAsIs(() => formatInstant(instant, locale, null), instant) : ''),
    };
  }, [instance, locale, setLocale]);

  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** Renders its children once the route's texts are loaded (suspends meanwhile: put it inside a Suspense). */
export function SceneTexts(props: { route: RouteMatch['name']; children: ReactNode }) {
  const { instance } = useI18n();
  const pending = loadSceneTexts(instance, props.route);
  if (pending) use(pending);
  return props.children;
}

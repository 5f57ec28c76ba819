import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { loadCatalogue } from './catalogues';
import { formatInstant, formatLocalDate } from './format-date';
import { fillTemplate, type MessageKey, type Messages, type MessageValues, type UiLocale } from './messages';

export type Translate = (key: MessageKey, values?: MessageValues) => string;

export type I18n = {
  locale: UiLocale;
  setLocale(locale: UiLocale): void;
  t: Translate;
  formatDate(value: string | null | undefined): string;
  formatInstant(value: string | null | undefined): string;
};

const I18nContext = createContext<I18n | null>(null);

export const localeStorageKey = 'kvalitetshaandbog.locale';

export function I18nProvider(props: { initialLocale: UiLocale; initialMessages: Messages; children: ReactNode }) {
  const [{ locale, messages }, setCatalogue] = useState({
    locale: props.initialLocale,
    messages: props.initialMessages,
  });

  const setLocale = useCallback((next: UiLocale) => {
    try {
      localStorage.setItem(localeStorageKey, next);
    } catch {
      // Storage may be blocked (private mode, Teams on some clients): the choice lasts for the session.
    }
    loadCatalogue(next).then(
      (nextMessages) => setCatalogue({ locale: next, messages: nextMessages }),
      (error: unknown) => console.error('Could not load the language', next, error),
    );
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const value = useMemo<I18n>(() => {
    return {
      locale,
      setLocale,
      t: (key, values) => fillTemplate(messages[key], values, locale),
      formatDate: (date) => (date ? formatLocalDate(date, locale) : ''),
      formatInstant: (instant) => (instant ? formatInstant(instant, locale) : ''),
    };
  }, [locale, messages, setLocale]);

  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

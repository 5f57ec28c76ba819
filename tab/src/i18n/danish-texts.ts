import { createTextInstance } from '../../../functions/src/i18n/texts';
import type { Locale } from '../../../functions/src/core/locale';
import type { MessageKey, MessageValues } from './messages';
import { allTabTexts } from './resources/all-tab-texts.generated';
import { tabNamespaces } from './resources/tab-texts.generated';

/** For tests: an i18next instance with every namespace of the tab in one language. */
export function tabTextInstance(locale: Locale) {
  return createTextInstance(locale, { [locale]: allTabTexts[locale] });
}

/** For tests: every namespace of the tab at once, in one language. */
export function tabTextsIn(locale: Locale): (key: MessageKey, values?: MessageValues) => string {
  const instance = tabTextInstance(locale);
  const t = instance.getFixedT(locale);
  return (key, values) => t(key, { ...values, ns: tabNamespaces });
}

/** For tests: the Danish text of a key, as the tab shows it. */
export const danish = tabTextsIn('da');

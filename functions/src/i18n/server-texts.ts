import type { Locale } from '../core/locale.js';
import { cards as daCards } from './resources/da/cards.js';
import { cards as enCards } from './resources/en/cards.js';
import { cards as nbCards } from './resources/nb/cards.js';
import { chat as daChat } from './resources/da/chat.js';
import { chat as enChat } from './resources/en/chat.js';
import { chat as nbChat } from './resources/nb/chat.js';
import { reports as daReports } from './resources/da/reports.js';
import { reports as enReports } from './resources/en/reports.js';
import { reports as nbReports } from './resources/nb/reports.js';
import { exports as daExports } from './resources/da/exports.js';
import { exports as enExports } from './resources/en/exports.js';
import { exports as nbExports } from './resources/nb/exports.js';
import { imports as daImports } from './resources/da/imports.js';
import { imports as enImports } from './resources/en/imports.js';
import { imports as nbImports } from './resources/nb/imports.js';
import { publicPage as daPublicPage } from './resources/da/publicPage.js';
import { publicPage as enPublicPage } from './resources/en/publicPage.js';
import { publicPage as nbPublicPage } from './resources/nb/publicPage.js';
import { publication as daPublication } from './resources/da/publication.js';
import { publication as enPublication } from './resources/en/publication.js';
import { publication as nbPublication } from './resources/nb/publication.js';
import { registerPage as daRegisterPage } from './resources/da/registerPage.js';
import { registerPage as enRegisterPage } from './resources/en/registerPage.js';
import { registerPage as nbRegisterPage } from './resources/nb/registerPage.js';
import { reportForm as daReportForm } from './resources/da/reportForm.js';
import { reportForm as enReportForm } from './resources/en/reportForm.js';
import { reportForm as nbReportForm } from './resources/nb/reportForm.js';
import { reminders as daReminders } from './resources/da/reminders.js';
import { reminders as enReminders } from './resources/en/reminders.js';
import { reminders as nbReminders } from './resources/nb/reminders.js';
import { yearWheel as daYearWheel } from './resources/da/yearWheel.js';
import { yearWheel as enYearWheel } from './resources/en/yearWheel.js';
import { yearWheel as nbYearWheel } from './resources/nb/yearWheel.js';
import { register as daRegister } from './resources/da/register.js';
import { register as enRegister } from './resources/en/register.js';
import { register as nbRegister } from './resources/nb/register.js';
import { createTextInstance, fixedTranslate, type Translate } from './texts.js';

/**
 * The server's texts, one namespace per area (cards, chat, exports, the public survey page,
 * reminders, the evaluation report, the årshjul's generated titles), in one
 * i18next instance made at start-up. `serverTexts(locale, 'reminders')` is the typed translate
 * function of one area in one language.
 */
export const serverResources = {
  da: {
    cards: daCards,
    chat: daChat,
    exports: daExports,
    imports: daImports,
    publicPage: daPublicPage,
    publication: daPublication,
    registerPage: daRegisterPage,
    reportForm: daReportForm,
    reminders: daReminders,
    reports: daReports,
    yearWheel: daYearWheel,
    register: daRegister,
  },
  nb: {
    cards: nbCards,
    chat: nbChat,
    exports: nbExports,
    imports: nbImports,
    publicPage: nbPublicPage,
    publication: nbPublication,
    registerPage: nbRegisterPage,
    reportForm: nbReportForm,
    reminders: nbReminders,
    reports: nbReports,
    yearWheel: nbYearWheel,
    register: nbRegister,
  },
  en: {
    cards: enCards,
    chat: enChat,
    exports: enExports,
    imports: enImports,
    publicPage: enPublicPage,
    publication: enPublication,
    registerPage: enRegisterPage,
    reportForm: enReportForm,
    reminders: enReminders,
    reports: enReports,
    yearWheel: enYearWheel,
    register: enRegister,
  },
};

export type ServerNamespaces = (typeof serverResources)['da'];
export type ServerNamespace = keyof ServerNamespaces;

const instance = createTextInstance('da', serverResources);
const cache = new Map<string, Translate<never>>();

export function serverTexts<Namespace extends ServerNamespace>(
  locale: Locale,
  namespace: Namespace,
): Translate<ServerNamespaces[Namespace]> {
  const cacheKey = `${locale}:${namespace}`;
  let translate = cache.get(cacheKey) as Translate<ServerNamespaces[Namespace]> | undefined;
  if (!translate) {
    translate = fixedTranslate<ServerNamespaces[Namespace]>(instance, locale, namespace);
    cache.set(cacheKey, translate as Translate<never>);
  }
  return translate;
}

import type { BackendModule, i18n } from 'i18next';
import i18next from 'i18next';
import type { Locale } from '../../../functions/src/core/locale';
import { i18nOptions } from '../../../functions/src/i18n/texts';
import type { RouteMatch } from '../router/routes';
import { common } from './resources/da/common';
import { tabNamespaces, textLoaders, type TabNamespace } from './resources/tab-texts.generated';

/**
 * The tab's i18next instance. Danish `common` (the shell, errors, dates, shared components) is in
 * the initial JavaScript; every other namespace, and every namespace of nb and en, is its own
 * chunk, loaded before the scene that needs it renders (`SceneTexts`) or when the language changes
 * (i18next then loads every namespace already in use).
 */
const chunkBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const loader = textLoaders[language as Locale]?.[namespace as TabNamespace];
    if (!loader) {
      callback(new Error(`No texts ${language}/${namespace}`), false);
      return;
    }
    loader().then(
      (texts) => callback(null, texts),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

export async function createTabI18n(locale: Locale): Promise<i18n> {
  const instance = i18next.createInstance().use(chunkBackend);
  await instance.init({
    ...i18nOptions(locale),
    initAsync: true,
    partialBundledLanguages: true,
    resources: { da: { common } },
    ns: ['common'],
    defaultNS: 'common',
  });
  return instance;
}

/** The namespaces a scene needs besides `common`. */
export const sceneNamespaces: Readonly<Record<RouteMatch['name'], readonly TabNamespace[]>> = {
  overview: ['overview'],
  handbook: ['handbook'],
  findings: ['audit'],
  procedure: ['procedure'],
  approval: ['procedure'],
  tasks: ['tasks'],
  newProcedure: ['procedure'],
  competences: ['competences'],
  audit: ['audit'],
  auditDetail: ['audit'],
  actions: ['actions'],
  action: ['actions'],
  evaluation: ['evaluation', 'actions', 'goals', 'surveys'],
  yearWheel: ['yearWheel'],
  surveys: ['surveys'],
  chat: ['chat', 'procedure'],
  configure: ['pages'],
  privacy: ['pages'],
  terms: ['pages'],
  search: [],
  // The goal form names the review month with the årshjul's month names.
  goals: ['goals', 'yearWheel'],
  goal: ['goals', 'yearWheel'],
  fokus: ['fokus'],
  yearlyReport: ['yearlyReport'],
  coverage: ['fokus'],
  accessRequests: ['access'],
  register: ['register'],
  reportNew: ['register'],
  registerStatistics: ['register'],
  registerItem: ['register'],
  'not-found': [],
};

const loading = new Map<string, Promise<void>>();

/** Loads a route's namespaces in the current language (one promise per language and route, for React's `use`). */
export function loadSceneTexts(instance: i18n, routeName: RouteMatch['name']): Promise<void> | null {
  const namespaces = sceneNamespaces[routeName];
  if (namespaces.every((namespace) => instance.hasLoadedNamespace(namespace))) return null;
  const cacheKey = `${instance.language}:${routeName}`;
  let promise = loading.get(cacheKey);
  if (!promise) {
    promise = instance.loadNamespaces([...namespaces]).catch((error: unknown) => {
      loading.delete(cacheKey);
      throw error;
    });
    loading.set(cacheKey, promise);
  }
  return promise;
}

/** Every namespace, in the order `t` searches them (keys are unique across namespaces). */
export const searchOrder: readonly TabNamespace[] = tabNamespaces;

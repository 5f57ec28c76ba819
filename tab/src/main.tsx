import { createRoot } from 'react-dom/client';
import type { Theme } from '@fluentui/react-components';
import { App } from './app/app';
import { browserPrefersDark, themeForBrowser } from './app/color-scheme';
import { localeStorageKey } from './i18n/i18n-context';
import { chooseLocale } from './i18n/locale-detection';
import { createTabI18n, loadSceneTexts } from './i18n/tab-i18n';
import { matchRoute, pathFromSubPageId, preloadScene } from './router/routes';
import { connectToTeams, isLikelyHostedInTeams, type TeamsHost } from './teams/teams-host';

function readStoredLocale(): string | null {
  try {
    return localStorage.getItem(localeStorageKey);
  } catch {
    return null;
  }
}

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('No #root element');

  // The first scene's chunk loads while the session signs in (in Teams, a deep link may change the
  // route below, which then loads its own scene as usual).
  preloadScene(matchRoute(window.location.pathname, window.location.search));

  // In a plain browser nothing waits: Teams is only contacted when the page looks hosted.
  let teams: TeamsHost | null = null;
  let theme: Theme | null = null;
  if (isLikelyHostedInTeams()) {
    teams = await connectToTeams();
    // A deep link from a card (e.g. the approval request's "Åbn kladden") names the page to open.
    const deepLinked = pathFromSubPageId(teams?.subPageId);
    if (deepLinked) window.history.replaceState(null, '', deepLinked);
    if (teams) {
      const { themeForTeams } = await import('./teams/teams-themes');
      theme = themeForTeams(teams.theme);
    }
  }
  // Outside Teams the browser's preference (a dark preference waits for the dark theme's chunk).
  theme ??= await themeForBrowser(browserPrefersDark());

  const initialLocale = chooseLocale({
    stored: readStoredLocale(),
    hostLocale: teams?.locale ?? null,
    browserLanguage: navigator.language,
  });
  document.documentElement.lang = initialLocale;
  const i18n = await createTabI18n(initialLocale);
  // The first scene's texts load while the session signs in, like its chunk.
  void loadSceneTexts(i18n, matchRoute(window.location.pathname, window.location.search).name)?.catch(() => undefined);

  createRoot(root).render(<App initialLocale={initialLocale} i18n={i18n} initialTheme={theme} teams={teams} />);
}

void start();

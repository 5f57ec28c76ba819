import { createRoot } from 'react-dom/client';
import type { Theme } from '@fluentui/react-components';
import { App } from './app/app';
import { browserPrefersDark, themeForBrowser } from './app/color-scheme';
import { loadCatalogue } from './i18n/catalogues';
import { localeStorageKey } from './i18n/i18n-context';
import { chooseLocale } from './i18n/locale-detection';
import { matchRoute, pathFromSubPageId } from './router/routes';
import { preloadScene } from './app/scene-outlet';
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
  const initialMessages = await loadCatalogue(initialLocale);

  createRoot(root).render(
    <App initialLocale={initialLocale} initialMessages={initialMessages} initialTheme={theme} teams={teams} />,
  );
}

void start();

import { FluentProvider, type Theme } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { createApi } from '../api/api';
import type { SignInDto } from '../api/contract';
import { createHttpClient } from '../api/http-client';
import { I18nProvider } from '../i18n/i18n-context';
import type { i18n as I18nInstance } from 'i18next';
import type { Locale } from '../../../functions/src/core/locale';
import { AppRouter } from '../router/navigation';
import { createIdentity, type LocalUserRef } from '../session/identity';
import { readStoredLocalUser } from '../session/local-user-storage';
import { SessionProvider } from '../session/session-context';
import type { TeamsHost } from '../teams/teams-host';
import { ApiProvider } from './api-context';
import { AppShell } from './app-shell';
import { isDarkTheme, onBrowserSchemeChange, themeForBrowser } from './color-scheme';
import { RouteGate } from './route-gate';
import { StartScreen } from './start-screen';

export function App(props: {
  initialLocale: Locale;
  i18n: I18nInstance;
  initialTheme: Theme;
  teams: TeamsHost | null;
}) {
  const { teams } = props;
  const [theme, setTheme] = useState<Theme>(props.initialTheme);

  // Inside Teams: Teams' theme (default, dark, high contrast) and its change handler. Outside:
  // the browser's colour-scheme preference, followed live.
  useEffect(() => {
    if (!teams) {
      // The latest change wins, even if the dark theme's chunk arrives after a switch back.
      let latest = 0;
      return onBrowserSchemeChange((prefersDark) => {
        const change = ++latest;
        void themeForBrowser(prefersDark)
          .then((next) => change === latest && setTheme(next))
          .catch(() => undefined);
      });
    }
    teams.onThemeChange((next) => {
      void import('../teams/teams-themes').then(({ themeForTeams }) => setTheme(themeForTeams(next)));
    });
    return undefined;
  }, [teams]);

  // Scrollbars and the browser's own parts follow the theme too.
  useEffect(() => {
    document.documentElement.style.colorScheme = isDarkTheme(theme) ? 'dark' : 'light';
  }, [theme]);

  // The HTTP client reads the chosen demo person (or a fresh token) per request, so switching
  // needs no new client. The remembered person is there from the start, for the pages that ask
  // the API outside the session (the tab configuration page).
  const localUser = useMemo<LocalUserRef>(() => ({ current: readStoredLocalUser() }), []);
  const identity = useMemo(
    () =>
      createIdentity({
        localUser,
        teams,
        fetchSignIn: () =>
          createHttpClient({ baseUrl: '', identityHeaders: () => ({}) }).requestJson<SignInDto>('/api/sign-in'),
      }),
    [localUser, teams],
  );
  const api = useMemo(
    () => createApi(createHttpClient({ baseUrl: '', identityHeaders: identity.headers })),
    [identity],
  );

  return (
    <FluentProvider theme={theme} style={{ minHeight: '100vh' }}>
      <I18nProvider initialLocale={props.initialLocale} instance={props.i18n}>
        <AppRouter>
          <ApiProvider api={api}>
            <RouteGate teams={teams}>
              <SessionProvider api={api} identity={identity} localUser={localUser}>
                {(view) =>
                  view.status === 'ready' ? <AppShell session={view.session} /> : <StartScreen view={view} />
                }
              </SessionProvider>
            </RouteGate>
          </ApiProvider>
        </AppRouter>
      </I18nProvider>
    </FluentProvider>
  );
}

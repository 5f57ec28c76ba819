/**
 * Teams is optional: in a plain browser the tab renders at once and teams-js is never loaded.
 * Only when the page looks hosted (inside a frame, or ?inTeams=1) is the SDK imported lazily and
 * initialised, with a timeout so a frame that is not Teams cannot hang the tab.
 */
export type TeamsTheme = 'default' | 'dark' | 'contrast';

export type TeamsHost = {
  locale: string | null;
  theme: TeamsTheme;
  onThemeChange(handler: (theme: TeamsTheme) => void): void;
  /** Whether this Teams client recommends nested app authentication (MSAL) for tokens. */
  isNestedAuthRecommended: boolean;
  /**
   * Teams SSO: an access token for the API named in the app manifest's webApplicationInfo.
   * Production only; rejects with Teams' reason when it cannot give one.
   */
  getAuthToken(): Promise<string>;
  /** The subEntityId of the deep link that opened the tab (a tab path, see routes.ts `pathFromSubPageId`). */
  subPageId?: string | null;
};

export function isLikelyHostedInTeams(
  win: Pick<Window, 'location' | 'parent'> & { nativeInterface?: unknown } = window,
): boolean {
  const params = new URLSearchParams(win.location.search);
  if (params.get('inTeams') === '1') return true;
  if (win.nativeInterface !== undefined) return true;
  try {
    return win.parent !== (win as unknown as Window);
  } catch {
    return true;
  }
}

function toTheme(value: string | undefined): TeamsTheme {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Older Teams clients lack the check; they cannot broker NAA either. */
function isNestedAuthRecommended(nestedAppAuth: { isNAAChannelRecommended(): boolean }): boolean {
  try {
    return nestedAppAuth.isNAAChannelRecommended();
  } catch {
    return false;
  }
}

/** Resolves to null when not in Teams or when Teams does not answer in time. Never rejects. */
export async function connectToTeams(timeoutMs = 3000): Promise<TeamsHost | null> {
  try {
    const teams = await import('@microsoft/teams-js');
    await withTimeout(teams.app.initialize(), timeoutMs);
    const context = await withTimeout(teams.app.getContext(), timeoutMs);
    teams.app.notifySuccess();
    return {
      locale: context.app.locale || null,
      theme: toTheme(context.app.theme),
      onThemeChange: (handler) => teams.app.registerOnThemeChangeHandler((theme) => handler(toTheme(theme))),
      isNestedAuthRecommended: isNestedAuthRecommended(teams.nestedAppAuth),
      subPageId: context.page.subPageId ?? null,
      // https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/authentication/tab-sso-code
      getAuthToken: () => withTimeout(teams.authentication.getAuthToken(), timeoutMs * 3),
    };
  } catch (error) {
    console.warn('Not connected to Microsoft Teams; continuing as a web page.', error);
    return null;
  }
}

import type { AccountInfo, IPublicClientApplication } from '@azure/msal-browser';
import type { TeamsHost } from './teams-host';

/** What the server says the tab needs to sign in (GET /api/sign-in in production). */
export type EntraSignIn = { clientId: string; authority: string; scopes: string[] };

export type GetApiToken = () => Promise<string>;

/**
 * Production: an Entra ID access token for our API, asked for before every request (both ways
 * below cache and renew tokens themselves).
 *
 * Nested app authentication first, when the Teams client recommends it: MSAL silently, and a
 * Teams-hosted popup when Entra needs the user (consent, MFA)
 * (https://learn.microsoft.com/microsoftteams/platform/concepts/authentication/nested-authentication).
 * Teams SSO (`authentication.getAuthToken`) otherwise, and from the first time NAA fails on.
 * This module and msal-browser load only in production, so local mode never downloads them.
 */
export function createApiTokenSource(
  settings: EntraSignIn,
  teams: TeamsHost,
  loadMsal: () => Promise<Msal> = () => createMsal(settings),
): GetApiToken {
  let isNestedAuthUsable = teams.isNestedAuthRecommended;
  let msal: Promise<Msal> | null = null;
  return async () => {
    if (isNestedAuthUsable) {
      try {
        msal ??= loadMsal();
        return await acquireWithMsal(await msal, settings.scopes);
      } catch (error) {
        isNestedAuthUsable = false;
        console.warn('Nested app authentication failed; using Teams SSO from now on.', error);
      }
    }
    return teams.getAuthToken();
  };
}

/** The part of MSAL this module uses, with its "ask the user" errors recognised. */
export type Msal = {
  client: Pick<
    IPublicClientApplication,
    'acquireTokenSilent' | 'acquireTokenPopup' | 'getActiveAccount' | 'setActiveAccount' | 'getAllAccounts'
  >;
  needsInteraction(error: unknown): boolean;
};

async function createMsal(settings: EntraSignIn): Promise<Msal> {
  const msal = await import('@azure/msal-browser');
  const client = await msal.createNestablePublicClientApplication({
    auth: { clientId: settings.clientId, authority: settings.authority },
  });
  return {
    client,
    needsInteraction: (error) =>
      error instanceof msal.InteractionRequiredAuthError ||
      (error instanceof msal.BrowserAuthError && error.errorCode === msal.BrowserAuthErrorCodes.noAccountError),
  };
}

export async function acquireWithMsal(msal: Msal, scopes: string[]): Promise<string> {
  const { client } = msal;
  const account: AccountInfo | undefined = client.getActiveAccount() ?? client.getAllAccounts()[0];
  const request = { scopes, ...(account ? { account } : {}) };
  try {
    const result = await client.acquireTokenSilent(request);
    if (!account && result.account) client.setActiveAccount(result.account);
    return result.accessToken;
  } catch (error) {
    if (!msal.needsInteraction(error)) throw error;
    const result = await client.acquireTokenPopup(request);
    if (result.account) client.setActiveAccount(result.account);
    return result.accessToken;
  }
}

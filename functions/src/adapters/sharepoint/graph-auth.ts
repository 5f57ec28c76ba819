import { ClientSecretCredential, OnBehalfOfCredential, type TokenCredential } from '@azure/identity';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { TokenProvider } from './graph-client.js';

/**
 * Where Graph tokens come from. Two ways in production, both through @azure/identity (which
 * caches tokens and renews them before they expire):
 * - on behalf of the signed-in user, for tab and bot calls: SharePoint then enforces the
 *   user's own permissions and records them as the author of what they change;
 * - app-only, for the timer (the reminder sweep), which acts for nobody in particular.
 */

export type EntraApp = { tenantId: string; clientId: string; clientSecret: string };

/** A TokenProvider over any @azure/identity credential. */
export function tokenProviderFrom(credential: TokenCredential): TokenProvider {
  return async (scopes) => {
    const token = await credential.getToken(scopes);
    if (!token) throw new Error(`No Graph token was issued for ${scopes.join(' ')}.`);
    return token.token;
  };
}

/**
 * One provider per incoming request: `userAssertion` is the access token the API received
 * from the tab (already validated by the HTTP edge), exchanged for a Graph token.
 */
export function onBehalfOfUser(app: EntraApp): (userAssertion: string) => TokenProvider {
  return (userAssertion) =>
    tokenProviderFrom(
      new OnBehalfOfCredential({
        tenantId: app.tenantId,
        clientId: app.clientId,
        clientSecret: app.clientSecret,
        userAssertionToken: userAssertion,
      }),
    );
}

/** App-only (client credentials) for timer jobs; needs the Sites.Selected or Sites.ReadWrite.All app role. */
export function appOnly(app: EntraApp): TokenProvider {
  return tokenProviderFrom(new ClientSecretCredential(app.tenantId, app.clientId, app.clientSecret));
}

/**
 * The signed-in user's API token for the request being handled. Hosts run each user request
 * inside `runAsUser` so that the one Graph client, set up once, calls on behalf of that user;
 * outside any request (the timer) it falls back to app-only.
 */
const currentUserAssertion = new AsyncLocalStorage<string>();

export function runAsUser<T>(userAssertion: string, work: () => Promise<T>): Promise<T> {
  return currentUserAssertion.run(userAssertion, work);
}

/**
 * On behalf of the current request's user when there is one, else app-only. One
 * OnBehalfOfCredential per user token (bounded cache), so @azure/identity's token cache is reused
 * across the requests that carry the same token.
 */
export function userOrAppTokens(
  app: EntraApp,
  options: { appOnly?: TokenProvider; onBehalfOf?: (userAssertion: string) => TokenProvider; maxUsers?: number } = {},
): TokenProvider {
  const appTokens = options.appOnly ?? appOnly(app);
  const forUser = options.onBehalfOf ?? onBehalfOfUser(app);
  const maxUsers = options.maxUsers ?? 500;
  const perUser = new Map<string, TokenProvider>();
  return async (scopes) => {
    const assertion = currentUserAssertion.getStore();
    if (!assertion) return appTokens(scopes);
    let provider = perUser.get(assertion);
    if (!provider) {
      if (perUser.size >= maxUsers) perUser.delete(perUser.keys().next().value as string);
      provider = forUser(assertion);
      perUser.set(assertion, provider);
    }
    return provider(scopes);
  };
}

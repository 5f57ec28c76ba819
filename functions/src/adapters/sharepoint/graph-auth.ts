import { ClientSecretCredential, OnBehalfOfCredential, type TokenCredential } from '@azure/identity';
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

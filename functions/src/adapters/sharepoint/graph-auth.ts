import { ClientSecretCredential, type TokenCredential } from '@azure/identity';
import type { TokenProvider } from './graph-client.js';

/**
 * Where Graph tokens come from: one way only. The app is the only writer of the handbook's site:
 * every Graph call (tab requests, bot activities, the timer) goes app-only, as the API app
 * registration with the `Sites.Selected` application permission and the `write` role on that
 * one site (docs/deploy.md, section 2). A tab request reaches Graph only after the HTTP edge has
 * validated the caller's Entra ID token and the use case has checked `core/policies.ts`; the
 * caller's token is never passed on or exchanged (no on-behalf-of flow), so nobody needs, or
 * gets, write access to the site of their own.
 * @azure/identity caches the token and renews it before it expires.
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

/** App-only (client credentials) as the API app registration; needs Sites.Selected with `write` on the site. */
export function appOnly(app: EntraApp): TokenProvider {
  return tokenProviderFrom(new ClientSecretCredential(app.tenantId, app.clientId, app.clientSecret));
}

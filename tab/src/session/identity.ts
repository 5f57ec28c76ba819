import type { SignInDto } from '../api/contract';
import type { EntraSignIn, GetApiToken } from '../teams/api-token';
import type { TeamsHost } from '../teams/teams-host';

export type SignInMode = SignInDto['mode'];

/** Who the tab's requests come from. */
export type Identity = {
  /** Local or production, as the server says (asked once, before the first request). */
  mode(): Promise<SignInMode>;
  /** For every API request: X-Local-User in local mode, a bearer token in production. */
  headers(): Promise<Record<string, string>>;
};

/** The local user id sent as X-Local-User; a ref because the HTTP client reads it per request. */
export type LocalUserRef = { current: string | null };

export class SignInError extends Error {
  override name = 'SignInError';
}

/**
 * The server decides how the tab signs in (GET /api/sign-in, answered before anyone is signed
 * in), so one build of the tab serves both modes and production needs no build-time settings.
 * Local mode sends the person chosen in "Log ind som"; production sends an Entra ID token and
 * nothing else, and loads the token code (MSAL, Teams SSO) only then.
 */
export function createIdentity(input: {
  localUser: LocalUserRef;
  teams: TeamsHost | null;
  fetchSignIn: () => Promise<SignInDto>;
  createTokenSource?: (settings: EntraSignIn, teams: TeamsHost) => Promise<GetApiToken>;
}): Identity {
  const createTokenSource =
    input.createTokenSource ??
    (async (settings: EntraSignIn, teams: TeamsHost) =>
      (await import('../teams/api-token')).createApiTokenSource(settings, teams));
  let signIn: Promise<SignInDto> | null = null;
  let token: Promise<GetApiToken> | null = null;

  function settings(): Promise<SignInDto> {
    // A failed attempt (the server was unreachable) is asked again next time.
    signIn ??= input.fetchSignIn().catch((error: unknown) => {
      signIn = null;
      throw error;
    });
    return signIn;
  }

  return {
    mode: async () => (await settings()).mode,
    headers: async (): Promise<Record<string, string>> => {
      const current = await settings();
      if (current.mode === 'local') return input.localUser.current ? { 'X-Local-User': input.localUser.current } : {};
      const { teams } = input;
      if (!teams) throw new SignInError('Kvalitetshåndbogen signs in through Microsoft Teams: open it there.');
      token ??= createTokenSource(current, teams).catch((error: unknown) => {
        token = null;
        throw error;
      });
      return { Authorization: `Bearer ${await (await token)()}` };
    },
  };
}

import {
  base64url,
  createRemoteJWKSet,
  customFetch,
  errors,
  jwtVerify,
  type FetchImplementation,
  type FlattenedJWSInput,
  type JWSHeaderParameters,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import type { Clock, Services } from '../app/ports.js';
import { AppError } from '../core/errors.js';
import { rolesFromAppRoles } from '../core/roles-from-app-roles.js';
import type { Person } from '../core/types.js';
import { localUserHeader, type Authenticate } from './authenticate.js';

/*
 * Production sign-in: every request carries an Entra ID access token for this API, which the
 * tab gets by nested app authentication or Teams SSO. Claims used, per
 * https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference:
 *   iss  https://login.microsoftonline.com/{tid}/v2.0 for v2.0 tokens
 *   aud  "in v2.0 tokens, always the client ID of the API"
 *   scp  space-separated delegated scopes; absent in app-only tokens
 *   roles  the app roles assigned to the user
 *   tid, oid  the tenant and the user's immutable object id in it
 *
 * Only v2.0 tokens are accepted. Which version Entra issues is the API registration's choice
 * (`accessTokenAcceptedVersion`/`requestedAccessTokenVersion`: null or 1 gives v1.0, 2 gives
 * v2.0, https://learn.microsoft.com/entra/identity-platform/access-tokens#token-formats), so a
 * v1.0 token (iss https://sts.windows.net/{tid}/) means the registration is not set up; its
 * message says what to change. One token format means one key set, one issuer form and
 * `preferred_username` always being available.
 */

export const apiScope = 'access_as_user';

export type EntraAuthenticatorOptions = {
  /** The API app registration's client id: v2.0 tokens carry it as `aud`. */
  clientId: string;
  /** The Application ID URI, accepted as audience too (what a v1.0-style request would name). */
  appIdUri?: string | null | undefined;
  /** Tenants whose people may sign in. */
  tenantIds: readonly string[];
  /** Microsoft's signing keys (`microsoftSigningKeys`), or a local set in tests. */
  jwks: JWTVerifyGetKey;
  clock: Clock;
  /** Where someone signing in for the first time is placed. */
  defaultUnitId?: string;
};

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function issuerFor(tenantId: string): string {
  return `https://login.microsoftonline.com/${tenantId}/v2.0`;
}

/**
 * Authenticates by the bearer token alone: the local "Log ind som" header and `?as=` mean
 * nothing here. The person is keyed by the token's object id (unique within its tenant, and the
 * tenant is pinned by the issuer check); someone new is created on first sign-in, and everyone's
 * name, email and roles are refreshed from the token, because in production Entra's app role
 * assignments are the source of truth.
 */
export function entraAuthenticator(
  options: EntraAuthenticatorOptions,
  services: Pick<Services, 'store' | 'ids'>,
): Authenticate {
  const tenants = new Set(options.tenantIds.map((id) => id.toLowerCase()));
  const issuers = [...tenants].map(issuerFor);
  const audience = [options.clientId, ...(options.appIdUri ? [options.appIdUri] : [])];
  const defaultUnitId = options.defaultUnitId ?? 'teknik-miljo';

  async function verify(token: string): Promise<JWTPayload> {
    try {
      const { payload } = await jwtVerify(token, options.jwks, {
        algorithms: ['RS256'],
        audience,
        issuer: issuers,
        clockTolerance: 60,
        currentDate: options.clock.now(),
        requiredClaims: ['exp'],
      });
      return payload;
    } catch (error) {
      throw rejection(error, tenants);
    }
  }

  async function signIn(claims: SignInClaims): Promise<Person> {
    const { store } = services;
    const known = await store.getPersonByAadObjectId(claims.oid);
    const roles = rolesFromAppRoles(claims.roles);
    const name = claims.name ?? known?.name ?? claims.preferredUsername ?? claims.oid;
    const email = claims.preferredUsername ?? known?.email ?? '';
    if (known && known.name === name && known.email === email && sameRoles(known.roles, roles)) return known;
    return store.upsertPersonFromDirectory({
      aadObjectId: claims.oid,
      name,
      email,
      roles,
      whenNew: { id: services.ids.next(), unitId: defaultUnitId, title: '' },
    });
  }

  return async (request) => {
    const token = bearerToken(request.headers.get('authorization'), request.headers.has(localUserHeader));
    const claims = signInClaims(await verify(token), tenants);
    const person = await signIn(claims);
    return { id: person.id, unitId: person.unitId, roles: person.roles };
  };
}

type SignInClaims = {
  oid: string;
  roles: unknown[] | undefined;
  name: string | undefined;
  preferredUsername: string | undefined;
};

function bearerToken(header: string | null, sentLocalUser: boolean): string {
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header ?? '');
  if (match) return match[1] as string;
  if (header) throw unauthenticated('The Authorization header must be "Bearer <access token>".');
  throw unauthenticated(
    sentLocalUser
      ? `Sign in with Entra ID: ${localUserHeader} works only in local mode.`
      : 'Sign in with Entra ID: send Authorization: Bearer <access token>.',
  );
}

/** The checks jose does not do: the tenant behind the issuer, the scope, and who the user is. */
function signInClaims(payload: JWTPayload, tenants: ReadonlySet<string>): SignInClaims {
  const tid = typeof payload['tid'] === 'string' ? payload['tid'].toLowerCase() : '';
  // The issuer was matched against the allowlist; the tenant claim must agree with it.
  if (!guid.test(tid) || !tenants.has(tid) || payload.iss?.toLowerCase() !== issuerFor(tid)) {
    throw unauthenticated('The access token’s tenant does not match its issuer.');
  }
  const scopes = typeof payload['scp'] === 'string' ? payload['scp'].split(' ') : [];
  if (!scopes.includes(apiScope)) {
    throw unauthenticated(`The access token lacks the ${apiScope} scope: sign in as a user through the tab.`);
  }
  const oid = payload['oid'];
  if (typeof oid !== 'string' || !guid.test(oid)) throw unauthenticated('The access token names no user (oid).');
  return {
    oid: oid.toLowerCase(),
    roles: Array.isArray(payload['roles']) ? (payload['roles'] as unknown[]) : undefined,
    name: text(payload['name']),
    preferredUsername: text(payload['preferred_username']),
  };
}

/** Why a token was refused, without echoing anything from it. */
function rejection(error: unknown, tenants: ReadonlySet<string>): Error {
  if (error instanceof errors.JWTExpired) return unauthenticated('The access token has expired; get a new one.');
  if (error instanceof errors.JWTClaimValidationFailed) {
    const issuer = typeof error.payload.iss === 'string' ? error.payload.iss : '';
    const tid = typeof error.payload['tid'] === 'string' ? error.payload['tid'].toLowerCase() : '';
    switch (error.claim) {
      case 'aud':
        return unauthenticated('The access token is for another application (audience).');
      case 'iss':
        if (issuer.startsWith('https://sts.windows.net/')) {
          return unauthenticated(
            'The access token is a v1.0 token: set "requestedAccessTokenVersion": 2 in the API app registration’s manifest.',
          );
        }
        return tid && !tenants.has(tid)
          ? unauthenticated('Sign-ins from this organisation’s tenant are not accepted here.')
          : unauthenticated('The access token is not from an accepted issuer.');
      case 'nbf':
        return unauthenticated('The access token is not valid yet.');
      case 'exp':
        return unauthenticated('The access token has no expiry.');
      default:
        return unauthenticated(`The access token is not valid (${error.claim}).`);
    }
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return unauthenticated('The access token must be signed with RS256.');
  }
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys
  ) {
    return unauthenticated('The access token’s signature is not valid.');
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid || error instanceof errors.JWKInvalid) {
    return unauthenticated('The access token is malformed.');
  }
  // Not the token's fault (Microsoft's key endpoint timed out or answered nonsense): a 500 with
  // a logged reference, so the tab does not send a healthy user back to sign in.
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Microsoft's signing keys, fetched and cached by jose. Microsoft's key set also says which
 * issuer each key signs for (a `{tenantid}` template, or one exact issuer such as the personal
 * accounts tenant's); a key is used only for tokens whose issuer fits it, as
 * https://learn.microsoft.com/entra/identity-platform/access-tokens#validate-the-issuer asks.
 */
export function microsoftSigningKeys(url: URL, fetchKeys?: FetchImplementation): JWTVerifyGetKey {
  const remote = createRemoteJWKSet(url, fetchKeys ? { [customFetch]: fetchKeys } : {});
  return async (header: JWSHeaderParameters, token: FlattenedJWSInput) => {
    const key = await remote(header, token);
    const jwk = remote.jwks()?.keys.find((candidate) => candidate.kid === header.kid) as
      Record<string, unknown> | undefined;
    const keyIssuer = jwk?.['issuer'];
    if (typeof keyIssuer === 'string' && !keyIssuer.includes('{tenantid}')) {
      // The payload is not verified yet, but this key is then used to verify exactly it.
      if (unverifiedIssuer(token) !== keyIssuer) throw new errors.JWKSNoMatchingKey();
    }
    return key;
  };
}

function unverifiedIssuer(token: FlattenedJWSInput): string | undefined {
  try {
    const payload: unknown = JSON.parse(
      typeof token.payload === 'string'
        ? new TextDecoder().decode(base64url.decode(token.payload))
        : new TextDecoder().decode(token.payload),
    );
    const issuer = (payload as { iss?: unknown } | null)?.iss;
    return typeof issuer === 'string' ? issuer : undefined;
  } catch {
    return undefined;
  }
}

function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((role) => b.includes(role));
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 200) : undefined;
}

function unauthenticated(message: string): AppError {
  return new AppError('UNAUTHENTICATED', message);
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkTeamsUsers } from '../../functions/src/adapters/sqlite/sqlite-store.js';
import { startLocalServer, type LocalServer } from '../../functions/src/hosts/local/server.js';
import { apiClient, type ApiClient } from '../support/test-server.js';

/*
 * Production mode against a real server: the demo municipality, and Microsoft's key set replaced
 * by one made here, so these tests sign the tokens Entra ID would issue (and forge the ones it
 * would not).
 */
const clientId = '6f1c2b9e-3d4a-4c8b-9e2f-1a2b3c4d5e6f';
const appIdUri = `api://kh.example.dk/${clientId}`;
const tenant = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const otherTenant = 'f0e1d2c3-b4a5-4968-8776-655443322110';
const oid = {
  peter: '10000000-0000-4000-8000-000000000001',
  karen: '10000000-0000-4000-8000-000000000002',
  newCoordinator: '10000000-0000-4000-8000-000000000003',
  newReader: '10000000-0000-4000-8000-000000000004',
};

let server: LocalServer;
let dataDir: string;
let api: ApiClient;
let signingKey: CryptoKey;
let otherKey: CryptoKey;

beforeAll(async () => {
  const keys = await generateKeyPair('RS256');
  signingKey = keys.privateKey;
  otherKey = (await generateKeyPair('RS256')).privateKey;
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  dataDir = mkdtempSync(join(tmpdir(), 'kh-entra-'));
  server = await startLocalServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    seedDemo: true,
    mode: 'production',
    entra: { clientId, appIdUri, tenantIds: [tenant], jwksUrl: 'https://invalid.example/keys', defaultUnitId: 'natur' },
    jwks: createLocalJWKSet({ keys: [jwk] }),
  });
  linkTeamsUsers(server.app.db, { [oid.peter]: 'peter-lund', [oid.karen]: 'karen-holt' });
  api = apiClient(server.url);
});
afterAll(async () => {
  await server?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** The claims of a v2.0 access token for this API, as Entra ID issues them to the tab. */
function claimsFor(userOid: string, overrides: JWTPayload = {}): JWTPayload {
  return {
    iss: `https://login.microsoftonline.com/${tenant}/v2.0`,
    aud: clientId,
    tid: tenant,
    oid: userOid,
    scp: 'access_as_user',
    ver: '2.0',
    name: 'Test Person',
    preferred_username: 'test.person@eksempel-kommune.dk',
    ...overrides,
  };
}

async function token(
  claims: JWTPayload,
  options: { key?: CryptoKey; expiresIn?: string | number; kid?: string } = {},
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? 'test-key' })
    .setIssuedAt()
    .setNotBefore('0s')
    .setExpirationTime(options.expiresIn ?? '1h')
    .sign(options.key ?? signingKey);
}

function get(path: string, bearer: string | null, headers: Record<string, string> = {}) {
  return api.call(null, 'GET', path, {
    headers: { ...headers, ...(bearer === null ? {} : { authorization: `Bearer ${bearer}` }) },
  });
}

async function procedureByCode(code: string, bearer: string) {
  const list = await get('/procedures?limit=1000', bearer);
  expect(list.status).toBe(200);
  const item = list.body.items.find((candidate: { code: string }) => candidate.code === code);
  expect(item, `demo procedure ${code}`).toBeDefined();
  return (await get(`/procedures/${item.id}`, bearer)).body;
}

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('production sign-in: refused tokens', () => {
  it.each([
    {
      case: 'no token at all',
      make: async () => null,
      message: /send Authorization: Bearer/,
    },
    {
      case: 'a forged signature (another key, same kid)',
      make: () => token(claimsFor(oid.peter), { key: otherKey }),
      message: /signature/,
    },
    {
      case: 'an unknown signing key',
      make: () => token(claimsFor(oid.peter), { kid: 'not-ours' }),
      message: /signature/,
    },
    {
      case: 'alg: none (unsigned)',
      make: async () =>
        `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ ...claimsFor(oid.peter), exp: Math.floor(Date.now() / 1000) + 3600 })}.`,
      message: /RS256/,
    },
    {
      case: 'HS256 signed with the public key (algorithm confusion)',
      make: async () =>
        new SignJWT(claimsFor(oid.peter))
          .setProtectedHeader({ alg: 'HS256', kid: 'test-key' })
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode('the public key is no secret at all')),
      message: /RS256/,
    },
    {
      case: 'a wrong issuer',
      make: () => token(claimsFor(oid.peter, { iss: 'https://login.example.com/v2.0' })),
      message: /issuer/,
    },
    {
      case: 'a v1.0 token',
      make: () => token(claimsFor(oid.peter, { iss: `https://sts.windows.net/${tenant}/`, ver: '1.0' })),
      message: /requestedAccessTokenVersion/,
    },
    {
      case: 'a wrong audience',
      make: () => token(claimsFor(oid.peter, { aud: '00000003-0000-0000-c000-000000000000' })),
      message: /audience/,
    },
    {
      case: 'an expired token',
      make: () => token(claimsFor(oid.peter), { expiresIn: Math.floor(Date.now() / 1000) - 120 }),
      message: /expired/,
    },
    {
      case: 'a missing scope (an app-only token)',
      make: () => token(claimsFor(oid.peter, { scp: undefined, roles: ['Admin'] })),
      message: /access_as_user/,
    },
    {
      case: 'another scope only',
      make: () => token(claimsFor(oid.peter, { scp: 'User.Read access_as_admin' })),
      message: /access_as_user/,
    },
    {
      case: 'another tenant',
      make: () =>
        token(claimsFor(oid.peter, { iss: `https://login.microsoftonline.com/${otherTenant}/v2.0`, tid: otherTenant })),
      message: /tenant/,
    },
    {
      case: 'a tenant claim that contradicts the issuer',
      make: () => token(claimsFor(oid.peter, { tid: otherTenant })),
      message: /tenant/,
    },
    {
      case: 'no user object id',
      make: () => token(claimsFor(oid.peter, { oid: undefined })),
      message: /oid/,
    },
    {
      case: 'garbage',
      make: async () => 'not.a.token',
      message: /malformed/,
    },
  ])('refuses $case with 401', async ({ make, message }) => {
    const bearer = await make();
    const response = await get('/me', bearer);
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('UNAUTHENTICATED');
    expect(response.body.message).toMatch(message);
    expect(JSON.stringify(response.body)).not.toContain(oid.peter);
  });

  it('ignores the local picker: X-Local-User and ?as= sign nobody in', async () => {
    const header = await get('/me', null, { 'x-local-user': 'mette-kjaer' });
    expect(header.status).toBe(401);
    expect(header.body.message).toMatch(/only in local mode/);
    expect((await get('/me?as=mette-kjaer', null)).status).toBe(401);
    expect((await get('/procedures?as=mette-kjaer', null)).status).toBe(401);
    // Even beside a valid token the header changes nothing: the token decides who this is.
    const asKaren = await get('/me', await token(claimsFor(oid.karen, { roles: ['Reader'] })), {
      'x-local-user': 'mette-kjaer',
    });
    expect(asKaren.body.person.id).toBe('karen-holt');
  });

  it('lists people only for the signed-in', async () => {
    expect((await get('/people', null)).status).toBe(401);
    expect((await get('/units', null)).status).toBe(401);
    expect((await get('/people', await token(claimsFor(oid.karen)))).status).toBe(200);
  });
});

describe('production sign-in: accepted tokens', () => {
  it('tells the tab to sign in with Entra ID', async () => {
    const response = await get('/sign-in', null);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      mode: 'production',
      clientId,
      authority: `https://login.microsoftonline.com/${tenant}`,
      scopes: [`${appIdUri}/access_as_user`],
    });
  });

  it('signs a known person in with roles from the token and no user switching', async () => {
    const me = await get('/me', await token(claimsFor(oid.peter, { roles: ['Author'], name: 'Peter Lund' })));
    expect(me.status).toBe(200);
    expect(me.body.mode).toBe('production');
    expect(me.body.abilities).toEqual({
      createProcedure: true,
      switchUser: false,
      readSurveyResults: false,
      handleAccessRequests: false,
    });
    expect(me.body.person).toMatchObject({
      id: 'peter-lund',
      name: 'Peter Lund',
      unitId: 'natur',
      roles: ['author'],
      email: 'test.person@eksempel-kommune.dk',
    });
  });

  it('accepts the App ID URI as audience too', async () => {
    expect((await get('/me', await token(claimsFor(oid.peter, { aud: appIdUri, roles: ['Author'] })))).status).toBe(
      200,
    );
  });

  it('lets an Author start a revision of his procedure K-17', async () => {
    const k17 = await procedureByCode('K-17', await token(claimsFor(oid.peter, { roles: ['Author'] })));
    expect(k17.abilities.startDraft).toBe(true);
  });

  it('takes the token’s app roles as the truth, at every request', async () => {
    const asReader = await token(claimsFor(oid.karen, { roles: ['Reader'] }));
    const asAuthor = await token(claimsFor(oid.karen, { roles: ['Author'] }));
    expect((await procedureByCode('K-17', asReader)).abilities.startDraft).toBe(false);
    expect((await procedureByCode('K-17', asAuthor)).abilities.startDraft).toBe(true);
    expect((await get('/me', asAuthor)).body.person.roles).toEqual(['author']);
    const noRoles = await get('/me', await token(claimsFor(oid.karen)));
    expect(noRoles.body.person.roles).toEqual(['caseworker']);
    expect(noRoles.body.abilities.createProcedure).toBe(false);
  });

  it('creates a person on first sign-in; a QualityCoordinator sees drafts, a Reader cannot open them', async () => {
    const coordinator = await token(
      claimsFor(oid.newCoordinator, {
        roles: ['QualityCoordinator'],
        name: 'Kirsten Kvalitet',
        preferred_username: 'kk@eksempel-kommune.dk',
      }),
    );
    const me = await get('/me', coordinator);
    expect(me.body.person).toMatchObject({
      name: 'Kirsten Kvalitet',
      email: 'kk@eksempel-kommune.dk',
      unitId: 'natur',
      roles: ['coordinator'],
      aadObjectId: oid.newCoordinator,
    });
    // The second request finds the same person rather than creating another.
    expect((await get('/me', coordinator)).body.person.id).toBe(me.body.person.id);

    const drafts = await get('/procedures?status=draft&limit=100', coordinator);
    expect(drafts.body.items.map((item: { code: string }) => item.code)).toContain('K-20');
    const k20 = await procedureByCode('K-20', coordinator);
    expect(k20.draft).not.toBeNull();

    const reader = await token(claimsFor(oid.newReader, { roles: ['Reader'] }));
    const rendered = await get(`/procedures/${k20.id}/versions/${k20.draft.id}/rendered`, reader);
    expect(rendered.status).toBe(404);
    expect((await get(`/procedures/${k20.id}/versions/${k20.draft.id}/rendered`, coordinator)).status).toBe(200);
    const readersList = await get('/procedures?status=draft&limit=100', reader);
    expect(readersList.body.items.map((item: { code: string }) => item.code)).not.toContain('K-20');
  });

  it('tolerates a minute of clock skew', async () => {
    const now = Math.floor(Date.now() / 1000);
    const skewed = await token(claimsFor(oid.peter, { roles: ['Author'] }), { expiresIn: now - 30 });
    expect((await get('/me', skewed)).status).toBe(200);
  });
});
